// The server keeps how the text differs from the one last analysed, change after change
// (mergeChange): outside that range the text must be the old one, moved by the length difference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeChange } from '../../server/src/lsp/server.js';
import type { TextChange } from '../../server/src/engine/index.js';

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
});
