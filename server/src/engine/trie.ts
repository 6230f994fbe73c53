/**
 * A token trie: phrases are sequences of words, looked up one token at a time. The cost of a
 * lookup per token does not depend on how many phrases the trie holds.
 */

export interface TrieNode<T> {
  /** Children by lower-case word. */
  next: Map<string, TrieNode<T>> | undefined;
  /** Children by a word that must match with its exact capitals. */
  exact: Map<string, TrieNode<T>> | undefined;
  values: T[] | undefined;
}

function node<T>(): TrieNode<T> {
  // Every node has the same three fields, so reading them is monomorphic.
  return { next: undefined, exact: undefined, values: undefined };
}

/**
 * Where a word's bit is in TokenTrie's first-word filter: its length and its first, second and
 * last characters, hashed to 16 bits. Reads four characters, whatever the word's length.
 */
function startBit(word: string, length: number): number {
  const second = length > 1 ? word.charCodeAt(1) : 0;
  return (Math.imul(Math.imul(Math.imul(length, 31) + word.charCodeAt(0), 31) + second, 31) + word.charCodeAt(length - 1)) & 0xffff;
}

export class TokenTrie<T> {
  readonly root: TrieNode<T> = node();
  maxDepth = 0;
  /**
   * A bit for each first word of a phrase (lower-case and exact keys alike, see startBit). Most
   * words of a text start no phrase: the filter says so without a map lookup.
   */
  private readonly starts = new Uint32Array(1 << 11);

  /** Add a phrase. In a case-sensitive phrase only the words written with capitals must match exactly ("OPEL level"). */
  add(words: string[], value: T, caseSensitive: boolean): void {
    let at = this.root;
    for (const w of words) {
      const lower = w.toLowerCase();
      const exact = caseSensitive && w !== lower;
      const children = exact ? (at.exact ??= new Map()) : (at.next ??= new Map());
      const key = exact ? w : lower;
      if (at === this.root) {
        const bit = startBit(key, key.length);
        this.starts[bit >>> 5] |= 1 << (bit & 31);
      }
      let child = children.get(key);
      if (!child) {
        child = node();
        children.set(key, child);
      }
      at = child;
    }
    (at.values ??= []).push(value);
    if (words.length > this.maxDepth) this.maxDepth = words.length;
  }

  /**
   * False when no phrase starts with the first `length` characters of `word` as a key (the
   * lower-case word, or the word as written for the exact-capitals branch); true when one may.
   */
  mayStart(word: string, length: number): boolean {
    const bit = startBit(word, length);
    return (this.starts[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  /**
   * Push the children of `node` for a token onto `out`: the exact-capitals branch (acronyms,
   * names) and the lower-case branch, both, since "GP practice" and "GP" can share a first word.
   */
  static step<T>(node: TrieNode<T>, lower: string, exact: string, hasUpper: boolean, out: Array<TrieNode<T>>): void {
    if (hasUpper && node.exact) {
      const hit = node.exact.get(exact);
      if (hit) out.push(hit);
    }
    if (node.next) {
      const low = node.next.get(lower);
      if (low) out.push(low);
    }
  }
}
