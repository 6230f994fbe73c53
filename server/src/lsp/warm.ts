/**
 * Opening a long document: its chunks are analysed into the document's AnalysisCache a slice
 * at a time, giving the event loop back between slices, so the server keeps answering other
 * requests (and hears about edits) meanwhile. The check that follows finds every chunk cached.
 *
 * It splits and keys chunks exactly as analyseDocument does (engine/check.ts); the test
 * "warming leaves nothing to analyse" fails if the two ever differ.
 */
import { analyseChunkOf } from '../engine/check.js';
import { splitChunks } from '../engine/chunks.js';
import type { AnalysisCache, CompiledDictionary, DocumentFormat } from '../engine/index.js';

/** Documents shorter than this are analysed in one go. */
export const WARM_THRESHOLD = 64_000;

const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Analyse the chunks of `text` into `cache`, yielding every `sliceMs`. Returns false when
 * `stillWanted` says to stop (the document changed or closed).
 */
export async function warmCache(
  text: string,
  format: DocumentFormat,
  dictionary: CompiledDictionary,
  cache: AnalysisCache,
  stillWanted: () => boolean,
  sliceMs = 20,
): Promise<boolean> {
  let since = Date.now();
  for (const c of splitChunks(text, format)) {
    analyseChunkOf(text, c, format, dictionary, cache);
    if (Date.now() - since >= sliceMs) {
      await yieldNow();
      if (!stillWanted()) return false;
      since = Date.now();
    }
  }
  return true;
}
