/**
 * A token trie: phrases are sequences of words, looked up one token at a time. The cost of a
 * lookup per token does not depend on how many phrases the trie holds.
 */

export interface TrieNode<T> {
  next?: Map<string, TrieNode<T>>;
  values?: T[];
}

/** Key prefix for words that must match with their exact capitals. */
export const EXACT = '=';

export class TokenTrie<T> {
  readonly root: TrieNode<T> = {};
  maxDepth = 0;

  add(words: string[], value: T, caseSensitive: boolean): void {
    let node = this.root;
    for (const w of words) {
      const key = caseSensitive ? EXACT + w : w.toLowerCase();
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) {
        child = {};
        node.next.set(key, child);
      }
      node = child;
    }
    (node.values ??= []).push(value);
    if (words.length > this.maxDepth) this.maxDepth = words.length;
  }

  /** The child of `node` for a token: exact capitals first, then lower case. */
  static step<T>(node: TrieNode<T>, lower: string, exact: string, hasUpper: boolean): TrieNode<T> | undefined {
    const next = node.next;
    if (!next) return undefined;
    if (hasUpper) {
      const hit = next.get(EXACT + exact);
      if (hit) return hit;
    }
    return next.get(lower);
  }
}
