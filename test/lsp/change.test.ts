// The server keeps how the text differs from the one last analysed, change after change
// (mergeChange): outside that range the text must be the old one, moved by the length difference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeChange } from '../../server/src/lsp/server.js';
import type { TextChange } from '../../server/src/engine/index.js';
import { startHarness } from './harness.js';
import { freshDiagnostics, shape } from '../robustness/server-support.js';

describe('the change since the last analysis', () => {
  it('covers every change received, whatever their order and overlap', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.nat(5), fc.nat(60)), insert: fc.string({ maxLength: 6 }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (base, edits) => {
        let text = base;
        let since: TextChange | 'all' | undefined;
        for (const e of edits) {
          const start = e.at % (text.length + 1);
          const end = Math.min(text.length, start + e.remove);
          text = text.slice(0, start) + e.insert + text.slice(end);
          since = mergeChange(since, start, end, e.insert.length);
        }
        const c = since as TextChange;
        expect(c.start).toBeLessThanOrEqual(c.oldEnd);
        expect(c.start).toBeLessThanOrEqual(c.newEnd);
        expect(text.length - c.newEnd).toBe(base.length - c.oldEnd);
        expect(text.slice(0, c.start)).toBe(base.slice(0, c.start));
        expect(text.slice(c.newEnd)).toBe(base.slice(c.oldEnd));
      }),
      { numRuns: 300 },
    );
  });

  it('stays unknown after a change of the whole text', () => {
    expect(mergeChange('all', 0, 1, 2)).toBe('all');
  });

  it('shows the most severe of too many findings as a fresh check does, edit after edit', async () => {
    // Over a thousand findings of several severities (jargon, wordy phrases, acronyms, long
    // sentences), so only some are shown; the edits add and remove findings of each.
    const paragraph = (i: number) =>
      i % 7 === 0 ? `Paragraph ${i}: ` + 'we go on and on about what we do here '.repeat(4) + 'today.' : `Paragraph ${i}: we utilise the GP service in order to leverage it.`;
    const text = Array.from({ length: 500 }, (_, i) => paragraph(i)).join('\n\n');
    const h = await startHarness({ initializationOptions: { debounce: 0 } });
    try {
      const uri = 'file:///tmp/plainwords-test/too-many.md';
      h.open(uri, text);
      const first = await h.diagnosticsFor(uri, 1, 20000);
      expect(first.at(-1)!.code).toBe('more-problems');
      expect(shape(first)).toEqual(shape(freshDiagnostics(text)));
      const inserts = ['utilise ', 'in order to ', 'GP ', 'we go on and on about it and on and on about it and on and on about it. ', '\n\n', 'e'];
      for (let k = 0; k < 12; k++) {
        const mirror = h.mirror(uri);
        const start = { line: (k * 397) % mirror.lineCount, character: 14 };
        const v = h.change(uri, [{ range: { start, end: mirror.positionAt(mirror.offsetAt(start) + (k % 3 === 2 ? 8 : 0)) }, text: inserts[k % inserts.length] }]);
        expect(shape(await h.diagnosticsFor(uri, v, 20000))).toEqual(shape(freshDiagnostics(h.mirror(uri).getText())));
      }
    } finally {
      h.dispose();
    }
  }, 60000);

  it('gives what a fresh check gives after each of many edits to a long document', async () => {
    // Sections (some of one paragraph), acronyms and long sentences: many chunk groups. Suppression
    // comments come in with the edits only (with one, each finding is looked at on its own).
    const paragraph = (i: number) =>
      i % 9 === 0 || i % 40 === 0 || i % 40 === 2
        ? `## Section ${i}`
        : `Paragraph ${i}: we utilise the GP service in order to leverage what we have. `.repeat(i % 4 === 1 ? 1 : 2) +
          'Comprehensive multidisciplinary rehabilitation necessitates considerable organisational coordination. '.repeat(i % 40 === 1 ? 16 : (i % 5) + 2) +
          'We help.';
    const text = Array.from({ length: 160 }, (_, i) => paragraph(i)).join('\n\n');
    const h = await startHarness({ initializationOptions: { debounce: 0 } });
    let run = 0;
    try {
      // A suppression or an opened fence reaching to the end would hide most findings: the
      // suppression here covers one line, and fences are left to the generated documents above.
      const inserts = ['e', '', 'utilise ', '\n\n', '\n', '## ', 'GP', '<!-- plainwords-disable-next-line -->\n', '.', '`'];
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ line: fc.nat(400), character: fc.nat(80), remove: fc.constantFrom(0, 0, 1, 5), insert: fc.constantFrom(...inserts) }), { minLength: 20, maxLength: 20 }), async (edits) => {
          const uri = `file:///tmp/plainwords-test/long-edits-${run++}.md`;
          h.open(uri, text);
          expect(shape(await h.diagnosticsFor(uri, 1, 20000))).toEqual(shape(freshDiagnostics(text)));
          for (const e of edits) {
            const mirror = h.mirror(uri);
            const start = { line: e.line % mirror.lineCount, character: e.character };
            const end = mirror.positionAt(mirror.offsetAt(start) + e.remove);
            const v = h.change(uri, [{ range: { start, end }, text: e.insert }]);
            const got = await h.diagnosticsFor(uri, v, 20000);
            expect(shape(got)).toEqual(shape(freshDiagnostics(h.mirror(uri).getText())));
          }
          h.close(uri);
        }),
        { numRuns: 3 },
      );
    } finally {
      h.dispose();
    }
  }, 120000);
});
