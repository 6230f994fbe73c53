// Text with no markdown syntax skips the parser. It must give exactly the prose the parser gives.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractProse, isPlainProse, parseMarkdown, toSource, type Prose } from '../../server/src/engine/prose.js';
import { splitChunks } from '../../server/src/engine/chunks.js';
import { tokenize } from '../../server/src/engine/tokenize.js';

/** Every word of the prose with its exact source range, block by block. */
function words(prose: Prose): string[] {
  return prose.blocks.map((b) => tokenize(b.text).map((t) => `${toSource(b, t.start)}:${t.lower}`).join(' '));
}

describe('plain prose fast path', () => {
  it('recognises text with no markdown syntax, and only that', () => {
    expect(isPlainProse('We will use your feedback.\nIt helps us.\n\nSecond paragraph: co-production, 2024 figures.')).toBe(true);
    for (const t of ['# Heading', 'text *em*', '- item', '1. item', '2) item', '> quote', '    code', 'a `code` b', 'a [link](x)', 'a <b>', 'x &amp; y', 'a | b', 'Title\n===', 'Title\n---', 'a\\*b', '~~~', 'a_b_c', '\ttab']) {
      expect(isPlainProse(t), t).toBe(false);
    }
  });

  it('gives the same words at the same places as the parser', () => {
    const samples = [
      'We will use your feedback.\nIt helps us plan.\n\nSecond paragraph with co-production and 2024 figures!',
      'Trailing spaces make a hard break  \nhere. And a tab\tinside.\r\nCRLF lines\r\n\r\nnext.',
      'Lines can start with 2024 or 10 people, and e.g. abbreviations.',
    ];
    for (const s of samples) {
      expect(isPlainProse(s)).toBe(true);
      expect(words(extractProse(s, 'markdown'))).toEqual(words(parseMarkdown(s, true)));
    }
  });

  const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
  it('gives the same words as the parser on every chunk of the shared corpus', () => {
    if (!existsSync(corpus)) {
      console.log(`fast path cross-check: ${corpus} is not here; checked the samples above only.`);
      return;
    }
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const f = join(d, n);
        if (statSync(f).isDirectory()) walk(f);
        else if (n.endsWith('.md')) files.push(f);
      }
    };
    walk(corpus);
    let plain = 0;
    let total = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const c of splitChunks(text, 'markdown')) {
        total++;
        const slice = text.slice(c.start, c.end);
        if (isPlainProse(slice)) plain++;
        expect(words(extractProse(slice, 'markdown', c.start === 0)), `${f} at ${c.start}`).toEqual(words(parseMarkdown(slice, c.start === 0)));
      }
    }
    console.log(`fast path cross-check: ${plain} of ${total} chunks of ${files.length} corpus files are wholly plain prose; every chunk's prose matches the parser's.`);
    expect(plain).toBeGreaterThan(0);
  }, 120_000);
});
