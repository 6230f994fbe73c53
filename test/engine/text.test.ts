// Line starts are found by native searches for \n and \r: they must equal the plain definition
// (a line starts after \n, after \r\n, and after a \r not followed by \n) on any mix of breaks.
import { describe, expect, it } from 'vitest';
import { firstSentence, LineIndex } from '../../server/src/engine/text.js';
import { splitBlankSeparated } from '../../server/src/engine/chunks.js';

function naiveStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    } else if (c === '\n') starts.push(i + 1);
  }
  return starts;
}

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pieces = ['a', 'word ', '\n', '\r', '\r\n', '\n\n', '\r\r', ' ', '- item', '```', '# Head'];
const sample = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(random() * pieces.length)]).join('');

describe('line index', () => {
  it('finds the same line starts as the definition on random mixes of \\n, \\r\\n and \\r', () => {
    for (let k = 0; k < 2000; k++) {
      const text = sample(1 + Math.floor(random() * 40));
      expect(new LineIndex(text).starts, JSON.stringify(text)).toEqual(naiveStarts(text));
    }
    expect(new LineIndex('').starts).toEqual([0]);
    expect(new LineIndex('\r').starts).toEqual([0, 1]);
  });

  it('works out the same line starts from the last version and a change as from the text', () => {
    // Changes that join or split \r\n pairs, add and remove breaks at either end, at the start and the end.
    const inserts = ['', 'x', '\n', '\r', '\r\n', '\n\r', 'a\rb', '\n\n'];
    for (let k = 0; k < 5000; k++) {
      const old = sample(Math.floor(random() * 12));
      const start = Math.floor(random() * (old.length + 1));
      const oldEnd = start + Math.floor(random() * (old.length - start + 1) * (random() < 0.5 ? 0 : 1));
      const insert = inserts[Math.floor(random() * inserts.length)];
      const text = old.slice(0, start) + insert + old.slice(oldEnd);
      const derived = LineIndex.afterChange(new LineIndex(old), text, { start, oldEnd, newEnd: start + insert.length });
      expect(derived.starts, JSON.stringify({ old, start, oldEnd, insert })).toEqual(naiveStarts(text));
      expect(derived.text).toBe(text);
    }
  });

  it('splits the same pieces whichever line breaks a document uses', () => {
    for (let k = 0; k < 500; k++) {
      const lf = sample(1 + Math.floor(random() * 30)).replace(/\r\n?/g, '\n');
      const shape = (t: string) => splitBlankSeparated(t, 'markdown').map((c) => t.slice(c.start, c.end).replace(/\r\n?/g, '\n'));
      expect(shape(lf.replace(/\n/g, '\r\n')), JSON.stringify(lf)).toEqual(shape(lf));
      expect(shape(lf.replace(/\n/g, '\r')), JSON.stringify(lf)).toEqual(shape(lf));
    }
  });
});

describe('firstSentence', () => {
  it('ends at a full stop, "!" or "?" before a capital, a quote or a bracket, and keeps it', () => {
    expect(firstSentence('Calling something simple can hurt. Show the steps.')).toBe('Calling something simple can hurt.');
    expect(firstSentence("'Etc' leaves people guessing. 'For example' is better.")).toBe("'Etc' leaves people guessing.");
    expect(firstSentence('Is it quick? (For everyone.)')).toBe('Is it quick?');
    // Not at an abbreviation or a file name, and the whole text when it is one sentence.
    expect(firstSentence('Say what, e.g. a form. Then stop.')).toBe('Say what, e.g. a form.');
    expect(firstSentence('Equal to the file name without .json. Never changes.')).toBe('Equal to the file name without .json.');
    expect(firstSentence('  One sentence only  ')).toBe('One sentence only');
  });
});
