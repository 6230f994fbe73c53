// Golden tests of `plainwords check`: every format and every exit code, bad input included.
// Each folder test/fixtures/cli/<case>/ has a case.json (project, setup, arguments) and the
// expected standard output, standard error and exit code. The fixture project uses its own small
// dictionary and --no-builtin, so new built-in entries never change these files.
// UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts rewrites them.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCase, cases, golden, normalise, normaliseJsonReport, runCli, tempDir } from './harness.js';

const root = tempDir('plainwords-golden-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('plainwords check golden cases', () => {
  it('has cases for every format and exit code', () => {
    const all = cases();
    const formats = new Set(all.flatMap((c) => c.spec.args.flatMap((a, i) => (a === '--format' || a === '-f' ? [c.spec.args[i + 1]] : []))));
    for (const f of ['github', 'html', 'json', 'junit', 'sarif', 'stylish']) expect(formats).toContain(f);
    const codes = new Set(all.map((c) => readFileSync(join(c.dir, 'expected.code'), 'utf8').trim()));
    expect([...codes].sort()).toEqual(['0', '1', '2']);
  });

  for (const c of cases()) {
    it(`${c.name}: ${c.spec.description}`, async () => {
      const dir = join(root, c.name);
      buildCase(c.spec, dir);
      const stdin = c.spec.stdinHex !== undefined ? Buffer.from(c.spec.stdinHex, 'hex') : c.spec.stdin;
      const r = await runCli(c.spec.args, { cwd: join(dir, c.spec.cwd ?? '.'), env: c.spec.env, stdin, asUser: c.spec.asUser });
      const stdout = c.spec.jsonReport ? normaliseJsonReport(r.stdout) : r.stdout;
      golden(join(c.dir, 'expected.stdout'), normalise(stdout, dir));
      golden(join(c.dir, 'expected.stderr'), normalise(r.stderr, dir));
      golden(join(c.dir, 'expected.code'), `${r.code}\n`);
      for (const path of c.spec.after ?? []) {
        golden(join(c.dir, 'expected.after', path), normalise(readFileSync(join(dir, path), 'utf8'), dir));
      }
    });
  }
});
