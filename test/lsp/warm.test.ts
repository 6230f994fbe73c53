// Long documents are analysed in slices when opened, so the server keeps answering meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisCache, analyseDocument, compileDictionary } from '../../server/src/engine/index.js';
import { warmCache } from '../../server/src/lsp/warm.js';
import { startHarness, TEST_DICTIONARY, type Harness } from './harness.js';

const WORDS = ['care', 'home', 'visit', 'nurse', 'doctor', 'family', 'room', 'plan', 'help', 'week', 'meal', 'walk', 'call'];
function longDocument(paragraphs: number): string {
  const out: string[] = ['---', 'audience: staff', '---', ''];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 10 === 0) out.push(`## Part ${i / 10}`, '');
    if (i % 25 === 0) out.push('```', 'utilise in code', '```', '');
    out.push(`We utilise the ${WORDS[(i * 7) % WORDS.length]} and the ${WORDS[(i * 11 + 3) % WORDS.length]} on day ${(i * 37) % 101}, with a GP.`, '');
  }
  return out.join('\n');
}

let h: Harness | undefined;
afterEach(() => {
  h?.dispose();
  h = undefined;
});

describe('warming the cache', () => {
  it('leaves nothing for the check to analyse (it splits and keys chunks as the engine does)', async () => {
    const dictionary = compileDictionary(TEST_DICTIONARY);
    for (const text of [longDocument(300), '\uFEFF' + longDocument(50), longDocument(40).replace(/\n/g, '\r\n')]) {
      for (const format of ['markdown', 'text'] as const) {
        const cache = new AnalysisCache();
        expect(await warmCache(text, format, dictionary, cache, () => true, 1)).toBe(true);
        const doc = analyseDocument(text, { dictionary, format, cache });
        expect(cache.misses).toBe(0);
        expect(cache.hits).toBe(doc.chunks.length);
      }
    }
  });

  it('stops when the document moves on', async () => {
    const dictionary = compileDictionary(TEST_DICTIONARY);
    let asked = 0;
    const done = await warmCache(longDocument(400), 'markdown', dictionary, new AnalysisCache(), () => ++asked < 2, 0);
    expect(done).toBe(false);
    expect(asked).toBe(2);
  });

  it('answers other requests while a long document is being opened', async () => {
    h = await startHarness();
    const small = 'file:///tmp/plainwords-test/small.md';
    const big = 'file:///tmp/plainwords-test/big.md';
    h.open(small, 'We utilise it.');
    await h.diagnosticsFor(small, 1);
    h.open(big, longDocument(3000));
    const hover = await h.client.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 4 } });
    const answeredBeforeBig = !h.published.some((p) => p.uri === big);
    expect(hover).not.toBeNull();
    expect(answeredBeforeBig).toBe(true);
    const d = await h.diagnosticsFor(big, 1, 60000);
    expect(d).toHaveLength(1001);
    expect(d.filter((x) => x.code === 'utilise').length).toBeGreaterThan(900);
  });
});
