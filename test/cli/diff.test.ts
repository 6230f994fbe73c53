// The unified diff of --fix-dry-run: exact output on known cases, and as a property over random
// texts and edits, a diff that git apply turns back into the fixed text.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../server/src/cli/diff.js';
import { tempDir } from './harness.js';

const root = tempDir('plainwords-diff-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a.md', 'x\ny\n', 'x\ny\n')).toBe('');
  });

  it('shows a changed line with three lines of context and merges close hunks', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'].join('\n') + '\n';
    const after = before.replace('5\n', 'five\n').replace('9\n', 'nine\n').replace('18\n', 'eighteen\n');
    expect(unifiedDiff('n.md', before, after)).toBe(
      [
        '--- a/n.md',
        '+++ b/n.md',
        '@@ -2,11 +2,11 @@',
        ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', '-9', '+nine', ' 10', ' 11', ' 12',
        '@@ -15,6 +15,6 @@',
        ' 15', ' 16', ' 17', '-18', '+eighteen', ' 19', ' 20',
        '',
      ].join('\n'),
    );
  });

  it('marks a missing final newline, and a line joined by a fix', () => {
    expect(unifiedDiff('a.md', 'We utilise\nit', 'We use\nit')).toBe('--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n-We utilise\n+We use\n it\n\\ No newline at end of file\n');
    expect(unifiedDiff('a.md', 'in order\nto go\n', 'to go\n')).toBe('--- a/a.md\n+++ b/a.md\n@@ -1,2 +1 @@\n-in order\n to go\n');
  });

  it('applies with git apply to give the new text (property)', () => {
    const line = fc.stringMatching(/^[a-c \t\r]{0,6}$/);
    const doc = fc.tuple(fc.array(line, { maxLength: 30 }), fc.boolean()).map(([ls, nl]) => ls.join('\n') + (nl && ls.length ? '\n' : ''));
    let k = 0;
    fc.assert(
      fc.property(doc, fc.array(fc.tuple(fc.nat(), fc.nat(3), line), { maxLength: 6 }), (before, edits) => {
        let after = before;
        for (const [at, len, text] of edits) {
          const s = before.length ? at % (after.length + 1) : 0;
          after = after.slice(0, s) + text + after.slice(Math.min(after.length, s + len));
        }
        const patch = unifiedDiff('doc.txt', before, after);
        if (before === after) return patch === '';
        const dir = join(root, `case${k++}`);
        mkdirSync(dir);
        writeFileSync(join(dir, 'doc.txt'), before);
        writeFileSync(join(dir, 'p.patch'), patch);
        const r = spawnSync('git', ['apply', '--unidiff-zero', '--whitespace=nowarn', 'p.patch'], { cwd: dir, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`git apply failed: ${r.stderr}\n${JSON.stringify({ before, after, patch })}`);
        return readFileSync(join(dir, 'doc.txt'), 'utf8') === after;
      }),
      { numRuns: 60, seed: 20241122 },
    );
  });
});
