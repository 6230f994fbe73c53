import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      // Bundles inline the dictionary at build time; tests read the same files from disk.
      'plainwords:dictionary': fileURLToPath(new URL('./test/support/builtin-dictionary.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20000,
    pool: 'forks',
  },
});
