/**
 * Terms a document must explain where it first uses them: acronyms (acronyms.ts) and the
 * dictionary's 'explain' terms (check.ts). One rule for both: uses are read in document order,
 * the first use of a term settles it, explained or not (later uses are fine either way), and a
 * use in a heading (short by design) waits: it is flagged only when the text never uses the term,
 * though its explanation in a heading counts.
 */
export class FirstUses<K, T> {
  private readonly settled = new Set<K>();
  private readonly deferred = new Map<K, T>();
  private readonly flagged: T[] = [];

  /** Whether the term's first use has been read (the later uses need no look). */
  has(key: K): boolean {
    return this.settled.has(key);
  }

  /** A use, in document order (`place` makes what is kept of it, only when it is kept). */
  add(key: K, explained: boolean, heading: boolean, place: () => T): void {
    if (this.settled.has(key)) return;
    if (explained) {
      this.settled.add(key);
    } else if (heading) {
      if (!this.deferred.has(key)) this.deferred.set(key, place());
    } else {
      this.settled.add(key);
      this.flagged.push(place());
    }
  }

  /** The uses to flag: first uses not explained, and headings' uses of terms the text never uses. */
  result(): T[] {
    const out = this.flagged.slice();
    for (const [key, use] of this.deferred) if (!this.settled.has(key)) out.push(use);
    return out;
  }
}
