/**
 * List helpers. `into.push(...items)` passes every item as an argument, and throws "Maximum call
 * stack size exceeded" past about 100,000 of them: user data (a names file, a dictionary's
 * problems, an embedder rule's findings) can be that long, so lists of any length go through here.
 */

/** Append every item of `items` to `into` (in order); returns `into`. */
export function pushAll<T>(into: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
  return into;
}

/** The largest of `f` over `items`, or -Infinity for none (as Math.max() gives). */
export function maxOf<T>(items: readonly T[], f: (item: T) => number): number {
  let max = -Infinity;
  for (const item of items) max = Math.max(max, f(item));
  return max;
}

/** The first index of `list` (sorted by `key`) whose key is at least `x`; the list's length when none is. */
export function firstAtOrAfter<T>(list: readonly T[], x: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
