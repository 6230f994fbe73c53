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

  /** Add a phrase. In a case-sensitive phrase only the words written with capitals must match exactly ("OPEL level"). */
  add(words: string[], value: T, caseSensitive: boolean): void {
    let node = this.root;
    for (const w of words) {
      const key = caseSensitive && w !== w.toLowerCase() ? EXACT + w : w.toLowerCase();
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

  /**
   * Push the children of `node` for a token onto `out`: the exact-capitals branch (acronyms,
   * names) and the lower-case branch, both, since "GP practice" and "GP" can share a first word.
   */
  static step<T>(node: TrieNode<T>, lower: string, exact: string, hasUpper: boolean, out: Array<TrieNode<T>>): void {
    const next = node.next;
    if (!next) return;
    if (hasUpper) {
      const hit = next.get(EXACT + exact);
      if (hit) out.push(hit);
    }
    const low = next.get(lower);
    if (low) out.push(low);
  }
}
