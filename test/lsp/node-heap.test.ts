import { describe, expect, it } from 'vitest';
import { getHeapStatistics } from 'node:v8';
import { heapKeeper } from '../../server/src/lsp/node-heap.js';

const MB = 1024 * 1024;
const used = () => getHeapStatistics().used_heap_size;

describe('heapKeeper (the Node server bounds its heap after checks)', () => {
  it('collects once the heap is past its floor and twice what the last collection kept, and what it collects is gone', () => {
    const floor = used() + 48 * MB;
    const keeper = heapKeeper({ floor, factor: 2 })!;
    expect(keeper).toBeDefined();
    // 80 MB of arrays of doubles, held: over the floor, so the first check collects.
    let held: number[][] = [];
    for (let i = 0; i < 10; i++) held.push(new Array<number>(MB).fill(i + 0.5));
    expect(keeper.afterCheck()).toBe(true);
    expect(keeper.collections).toBe(1);
    // The heap is what that collection kept, not twice it: no second collection.
    expect(keeper.afterCheck()).toBe(false);
    expect(keeper.collections).toBe(1);
    // Let them go: a collection now (factor 1) frees them.
    const before = used();
    held = [];
    const now = heapKeeper({ floor: 0, factor: 1 })!;
    expect(now.afterCheck()).toBe(true);
    expect(before - used()).toBeGreaterThan(60 * MB);
    expect(held).toEqual([]);
  });

  it('never collects below its floor', () => {
    const keeper = heapKeeper({ floor: used() + 512 * MB });
    let garbage: number[][] | undefined = [];
    for (let i = 0; i < 4; i++) garbage.push(new Array<number>(MB).fill(i + 0.5));
    garbage = undefined;
    expect(keeper!.afterCheck()).toBe(false);
    expect(keeper!.collections).toBe(0);
    expect(garbage).toBeUndefined();
  });
});
