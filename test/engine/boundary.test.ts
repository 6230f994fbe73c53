// The engine's tsconfig makes platform imports a compile error, so it stays pure.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engineConfig = fileURLToPath(new URL('../../server/src/engine/tsconfig.json', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

function compile(source: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'plainwords-boundary-'));
  try {
    writeFileSync(join(dir, 'probe.ts'), source);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: engineConfig, compilerOptions: { noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false, rootDir: '/' }, include: [join(dir, 'probe.ts')] }),
    );
    const r = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    return { status: r.status, output: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('engine boundary', () => {
  it.each([
    ["import { readFileSync } from 'node:fs'; export const f = readFileSync;", 'node:fs'],
    ["import * as fs from 'fs'; export const f = fs;", 'fs'],
    ["import * as vscode from 'vscode'; export const v = vscode;", 'vscode'],
    ["import { createConnection } from 'vscode-languageserver/node'; export const c = createConnection;", 'vscode-languageserver/node'],
    ["import type { Diagnostic } from 'vscode-languageserver-types'; export type D = Diagnostic;", 'vscode-languageserver-types'],
    ['export const p = process.env;', 'process'],
    ['export const d = document.title;', 'document'],
  ])('rejects %s', (source, name) => {
    const r = compile(source);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(name);
  });

  it('accepts pure code that uses the engine', () => {
    const r = compile(`import { check } from '${fileURLToPath(new URL('../../server/src/engine/index.ts', import.meta.url)).replace(/\.ts$/, '.js')}'; export const c = check;`);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });
});
