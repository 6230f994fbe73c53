/**
 * Splits a markdown document into chunks that parse independently: runs of lines separated by
 * blank lines, never splitting fenced code or front matter, and keeping indented continuation
 * lines (list items, indented code) with the chunk before them.
 *
 * Checking chunk by chunk gives the same result as checking the whole document, so an editor
 * can re-analyse only the chunks an edit touched.
 */

import { LineBreaks } from './text.js';

export interface Chunk {
  start: number;
  end: number;
  /**
   * The labels of the document's link reference definitions, when it has any (one object shared
   * by all its chunks). A definition anywhere in a document turns a reference ("[text][label]",
   * "[label]") into a link, so a chunk is parsed with the definitions it mentions after it
   * (`referencesOf`), else it would read "[label]" as literal text.
   */
  labels?: DefinitionLabels;
}

export interface DefinitionLabels {
  /** The labels, folded as they compare. */
  folded: ReadonlySet<string>;
  /** All of them in one string: a chunk's references are the same while its text and this are. */
  key: string;
}

/** The end of the line at `i` (before its break) and where the next line starts: set by lineEndAt (no object per line). */
let lineEnd = 0;
let nextLine = 0;

function lineEndAt(text: string, i: number, lines: LineBreaks): void {
  const n = text.length;
  const lf = lines.lf(i);
  const cr = lines.cr(i);
  // The native searches find line ends far faster than a loop over every character.
  if (cr < 0 || (lf >= 0 && lf < cr)) {
    lineEnd = lf < 0 ? n : lf;
    nextLine = lf < 0 ? n : lf + 1;
  } else {
    lineEnd = cr;
    nextLine = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
  }
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The fence marker (``` or ~~~, with its length) opening at this line, if any. */
function fenceAt(text: string, start: number, end: number): string | undefined {
  // A byte order mark is not part of the line (the parser drops it; prose.ts): "\uFEFF```" opens a fence.
  if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
  let i = start;
  while (i < end && i - start < 4 && text.charCodeAt(i) === 32) i++;
  if (i - start > 3) return undefined;
  const c = text[i];
  if (c !== '`' && c !== '~') return undefined;
  let k = i;
  while (k < end && text[k] === c) k++;
  return k - i >= 3 ? c.repeat(k - i) : undefined;
}

/** HTML blocks that run over blank lines until their end marker: comments, <pre>, <script>, <style>, <textarea>. */
function htmlBlockEnd(text: string, start: number, end: number): string | undefined {
  // A byte order mark is not part of the line (the parser drops it; prose.ts): "\uFEFF```" opens a fence.
  if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
  let i = start;
  while (i < end && i - start < 4 && text.charCodeAt(i) === 32) i++;
  if (i - start > 3 || text[i] !== '<') return undefined;
  const head = text.slice(i, Math.min(end, i + 10)).toLowerCase();
  let close: string | undefined;
  if (head.startsWith('<!--')) close = '-->';
  else if (head.startsWith('<?')) close = '?>';
  else if (head.startsWith('<![cdata[')) close = ']]>';
  else {
    for (const tag of ['pre', 'script', 'style', 'textarea']) {
      if (head.startsWith('<' + tag) && /[\s>]/.test(head[tag.length + 1] ?? '>')) close = `</${tag}>`;
    }
  }
  if (!close) return undefined;
  // Closed on the same line: an ordinary block.
  const rest = text.slice(i + 2, end).toLowerCase();
  return rest.includes(close) ? undefined : close;
}

/** Chunks grouped into parse units: a group ends where a chunk's content hash says so (so an edit moves no other boundary) or at 16 KB. */
export function splitChunks(text: string, format: 'markdown' | 'text'): Chunk[] {
  const labels = new Set<string>();
  const chunks = splitBlankSeparated(text, format, labels);
  const groups: Chunk[] = [];
  let current: Chunk | undefined;
  for (const c of chunks) {
    if (!current) current = { start: c.start, end: c.end };
    else current.end = c.end;
    // A piece that ends on a line indented four columns or more may end in indented code, which
    // micromark keeps open over blank lines: the next piece then parses differently ("2) x" is no
    // list). Such a pair is never cut apart, so a group parses as it does in the whole document.
    if ((current.end - current.start >= 16_384 || hashEnds(text, c.start, c.end)) && !(format === 'markdown' && endsIndented(text, c.end))) {
      groups.push(current);
      current = undefined;
    }
  }
  if (current) groups.push(current);
  if (labels.size) {
    const folded = new Set([...labels].map(foldLabel));
    const shared: DefinitionLabels = { folded, key: [...folded].sort().join('\n') };
    for (const g of groups) g.labels = shared;
  }
  return groups;
}

/** The definitions (as markdown to parse after the chunk) of the labels the chunk mentions, or ''. */
export function referencesOf(text: string, chunk: Chunk): string {
  return chunk.labels ? referencesFor(text, chunk.start, chunk.end, chunk.labels.folded) : '';
}

/** Whitespace runs made one space, lower case: how labels compare. */
function foldLabel(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Definitions (as markdown) of the labels the chunk [start, end) mentions, or '' when it mentions
 * none. A reference's label is the text between a "[" and the next "]" ("[label]", "[text][label]",
 * "[label][]"), so only those bracket pairs are looked at.
 */
function referencesFor(text: string, start: number, end: number, labels: ReadonlySet<string>): string {
  let used: Set<string> | undefined;
  for (let open = text.indexOf('[', start); open >= 0 && open < end; open = text.indexOf('[', open + 1)) {
    const close = text.indexOf(']', open + 1);
    if (close < 0 || close >= end) break;
    // "[text](url)" is an inline link: its text is no label. Nor is anything longer than a label.
    if (close - open > 1000 || text.charCodeAt(close + 1) === 40) continue;
    const inner = text.slice(open + 1, close);
    // "[a [b] c]": the pair that matters is the innermost one.
    if (inner.includes('[')) continue;
    const label = foldLabel(inner);
    if (labels.has(label)) (used ??= new Set()).add(label);
  }
  // The blank line ends whatever block the chunk ends with; "#" is a destination that is never prose.
  return used ? '\n\n' + [...used].map((l) => `[${l}]: #`).join('\n') + '\n' : '';
}

/**
 * Labels of the document's link reference definitions ("[label]: destination" at the start of a
 * line, outside fenced code, front matter and HTML blocks), as written. A label that spans lines is
 * not found: such a reference reads as literal text.
 */
export function definitionLabels(text: string): string[] {
  const labels = new Set<string>();
  splitBlankSeparated(text, 'markdown', labels);
  return [...labels];
}

/** "[label]:" at a line start: up to 3 spaces (any container prefix), no unescaped brackets inside. */
const DEFINITION = /^(?:[ \t]*(?:>[ \t]?|[-*+][ \t]|\d{1,9}[.)][ \t]))*[ ]{0,3}\[((?:[^\\[\]]|\\.){1,999})\]:/;

/** True when the line ending at `end` is indented four columns or more (it may be indented code). */
export function endsIndented(text: string, end: number): boolean {
  let k = end;
  while (k > 0 && text.charCodeAt(k - 1) !== 10 && text.charCodeAt(k - 1) !== 13) k--;
  return text.charCodeAt(k) === 9 || text.startsWith('    ', k) || (text.charCodeAt(k) === 32 && /^ {1,3}\t/.test(text.slice(k, k + 4)));
}

/**
 * FNV-1a over the chunk's first characters: about one chunk in eight ends a group. Only the start
 * is hashed: typing further into a paragraph (the usual edit) leaves the grouping as it was, so
 * only that paragraph's group is analysed again, and the split stays cheap on long documents.
 */
function hashEnds(text: string, start: number, end: number): boolean {
  let h = 0x811c9dc5;
  const stop = Math.min(end, start + HASHED);
  for (let i = start; i < stop; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // The high bits mix every character; the low bits would follow only the last ones.
  return h >>> 29 === 0;
}

const HASHED = 64;

/**
 * Runs of lines separated by blank lines (the smallest independent pieces). With `labels`, also
 * collects the labels of link reference definitions on the way.
 */
export function splitBlankSeparated(text: string, format: 'markdown' | 'text', labels?: Set<string>): Chunk[] {
  const n = text.length;
  const chunks: Chunk[] = [];
  let i = 0;
  let chunkStart = -1;
  let lastContentEnd = 0;
  let fence: string | undefined;
  let htmlClose: string | undefined;
  let frontMatter = format === 'markdown' && (text.startsWith('---') || text.startsWith('\uFEFF---') || text.startsWith('+++'));
  let first = true;
  const breaks = new LineBreaks(text);
  // The next "]:" in the text: only its line can hold a definition (one native search per definition).
  let colon = labels && format === 'markdown' ? text.indexOf(']:') : -1;
  while (i < n) {
    lineEndAt(text, i, breaks);
    const end = lineEnd;
    const next = nextLine;
    const blank = isBlank(text, i, end);
    if (frontMatter) {
      if (chunkStart < 0) chunkStart = i;
      else {
        const line = text.slice(i, end).trimEnd();
        if (line === '---' || line === '...' || line === '+++') frontMatter = false;
      }
      if (!first && !frontMatter) lastContentEnd = end;
      else lastContentEnd = end;
      first = false;
      i = next;
      continue;
    }
    first = false;
    if (fence !== undefined) {
      const close = fenceAt(text, i, end);
      if (close && close[0] === fence[0] && close.length >= fence.length && isBlank(text, i + text.slice(i, end).indexOf(close) + close.length, end)) fence = undefined;
      lastContentEnd = end;
      i = next;
      continue;
    }
    if (htmlClose !== undefined) {
      if (text.slice(i, end).toLowerCase().includes(htmlClose)) htmlClose = undefined;
      lastContentEnd = end;
      i = next;
      continue;
    }
    if (blank) {
      i = next;
      continue;
    }
    if (colon >= 0 && colon < i) colon = text.indexOf(']:', i);
    if (colon >= 0 && colon < end) {
      const m = DEFINITION.exec(text.slice(i, end));
      if (m) labels!.add(m[1]);
    }
    const indented = text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9;
    const startsNew = chunkStart < 0 || (!indented && lastContentEnd < i && isGapBlank(text, lastContentEnd, i));
    if (format === 'markdown') {
      const open = fenceAt(text, i, end);
      if (open) fence = open;
      else htmlClose = htmlBlockEnd(text, i, end);
    }
    if (startsNew && chunkStart >= 0) {
      chunks.push({ start: chunkStart, end: lastContentEnd });
      chunkStart = i;
    } else if (chunkStart < 0) chunkStart = i;
    lastContentEnd = end;
    i = next;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd });
  return chunks;
}

/** True when [from, to) holds a blank line (two line breaks with only spaces between). */
function isGapBlank(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) breaks++;
    else if (c === 13) {
      if (text.charCodeAt(k + 1) !== 10) breaks++;
    }
  }
  return breaks >= 2;
}
