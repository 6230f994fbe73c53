/**
 * Bounds the server's heap while it holds a very long document (Node only).
 *
 * Every edit makes a new copy of the document's text: 10 MB for a 5 MB document with one curly
 * quote in it. V8 lets such garbage pile up until the heap is several times what is live. In
 * some runs a collection left some twenty old texts live (made, it seems, while it was marking)
 * and V8 then set its next limit from that: with the size limit off, 100 edits in a 5 MB
 * document left the server at 540 MB in most runs and at 1.4 GB in about one run in four.
 * After a check, when the heap has grown past twice what the last collection kept (and past a
 * floor that ordinary documents never reach), the server collects at once, between checks.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this the server never collects by itself: documents under the size limit stay well under. */
const FLOOR = 160 * 1024 * 1024;

export interface HeapKeeper {
  /** Call after a check: collects when the heap has grown past the bound. True when it did. */
  afterCheck(): boolean;
  /** Collections made, for figures and tests. */
  readonly collections: number;
}

export function heapKeeper(options: { floor?: number; factor?: number } = {}): HeapKeeper | undefined {
  const floor = options.floor ?? FLOOR;
  const factor = options.factor ?? 2;
  let gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') {
    try {
      // The collector is only reachable through a context made after this flag is set.
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as (() => void) | undefined;
    } catch {
      gc = undefined;
    }
  }
  if (typeof gc !== 'function') return undefined;
  const collect = gc;
  let kept = 0;
  let collections = 0;
  return {
    get collections() {
      return collections;
    },
    afterCheck() {
      const used = getHeapStatistics().used_heap_size;
      if (used < floor || used < kept * factor) return false;
      collect();
      collections++;
      kept = getHeapStatistics().used_heap_size;
      return true;
    },
  };
}
