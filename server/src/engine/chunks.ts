/**
 * Splits a markdown document into chunks that parse independently: runs of lines separated by
 * blank lines, never splitting fenced code or front matter, and keeping indented continuation
 * lines (list items, indented code) with the chunk before them.
 *
 * Checking chunk by chunk gives the same result as checking the whole document, so an editor
 * can re-analyse only the chunks an edit touched.
 */

import { firstAtOrAfter } from './lists.js';
import { LineBreaks } from './text.js';
import { atxDepth, frontMatterFenceAt, frontMatterFenceEnd, htmlBlockKind, isParagraphText } from './markdown-lite.js';

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

/**
 * The end marker of an HTML block of kind 1 to 5 (htmlBlockKind) that opens at the "<" at `i`
 * and runs over blank lines: "-->", "?>", ">", "]]>" or the raw tag's closing tag. Undefined
 * when the block closes on its own line (an ordinary block).
 */
function htmlBlockEnd(text: string, i: number, end: number, kind: number): string | undefined {
  let close: string;
  if (kind === 1) {
    const name = /^[A-Za-z]+/.exec(text.slice(i + 1, Math.min(end, i + 10)))![0];
    close = `</${name.toLowerCase()}>`;
  } else close = kind === 2 ? '-->' : kind === 3 ? '?>' : kind === 4 ? '>' : ']]>';
  return text.slice(i + 2, end).toLowerCase().includes(close) ? undefined : close;
}

/**
 * Chunks grouped into parse units: a group ends where a chunk's content hash says so (so an edit
 * moves no other boundary) or once it holds GROUP_SIZE characters.
 */
export function splitChunks(text: string, format: 'markdown' | 'text'): Chunk[] {
  const labels = new Set<string>();
  const grouper = new Grouper(text, format);
  scanChunks(text, format, 0, labels, (start, end) => {
    grouper.add(start, end);
    return false;
  });
  const groups = grouper.finish();
  if (labels.size) {
    const folded = new Set([...labels].map(foldLabel));
    const shared: DefinitionLabels = { folded, key: [...folded].sort().join('\n') };
    for (const g of groups) g.labels = shared;
  }
  return groups;
}

/**
 * The size at which a group ends whatever its hash says. An edit analyses its group again, so
 * this bounds the work of a keystroke in a long run of short paragraphs: the hash alone ends a
 * group after eight chunks on average, but after 24 or more about one time in twenty-five. With
 * 4 KB (it was 16 KB), the p95 of typing in a 1 MB document (the 20-lsp bench's figure, runs of
 * each in turn) was 22.9 to 28.2 ms in nine runs, against 24.9 to 30.7 ms in six (medians 26.0
 * and 29.1); opening it and checking the corpus took as long as before. A single chunk (one
 * long paragraph or table) is still one group, however long.
 */
const GROUP_SIZE = 4_096;

/** Puts chunks, in order, into groups (see splitChunks). */
class Grouper {
  readonly groups: Chunk[] = [];
  /** The group being filled; undefined when the last chunk ended one. */
  current: Chunk | undefined;
  constructor(
    private readonly text: string,
    private readonly format: 'markdown' | 'text',
  ) {}

  add(start: number, end: number): void {
    const current = this.current ?? (this.current = { start, end });
    current.end = end;
    // A piece that ends on a line indented four columns or more may end in indented code, which
    // micromark keeps open over blank lines: the next piece then parses differently ("2) x" is no
    // list). Such a pair is never cut apart, so a group parses as it does in the whole document.
    if ((current.end - current.start >= GROUP_SIZE || hashEnds(this.text, start, end)) && !(this.format === 'markdown' && endsIndented(this.text, end))) {
      this.groups.push(current);
      this.current = undefined;
    }
  }

  finish(): Chunk[] {
    if (this.current) this.groups.push(this.current);
    this.current = undefined;
    return this.groups;
  }
}

/** A change between two versions of a text: [start, oldEnd) of the old one became [start, newEnd) of the new one; the rest is the same. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The groups of `text` (what splitChunks gives), from the groups `old` of the previous version
 * `oldText` and the change between them, splitting again only around the change. Returns the
 * groups and which of them are new: groups before `from` are old groups (the same objects), groups
 * from `to` on are old groups from `oldTo` on, moved by the change's length. Undefined when the
 * change may add or remove a link reference definition (the labels are the whole document's):
 * split it all then.
 *
 * Why this equals a full split: the scan restarts at the start of a group that begins before the
 * change, where the text before is the same, so the same chunk and group start there. Once the new
 * scan starts a group at a chunk start after the change where an old group started (moved by the
 * change), the scanner's and grouper's states there depend only on the text from that point on,
 * which is the old text moved: every later group is the old one moved.
 */
export function resplitChunks(text: string, format: 'markdown' | 'text', oldText: string, old: readonly Chunk[], change: TextChange): { groups: Chunk[]; from: number; to: number; oldTo: number } | undefined {
  const delta = change.newEnd - change.oldEnd;
  // The last old group starting before the change (its first character is unchanged too).
  const from = Math.max(0, firstAtOrAfter(old, change.start, startOf) - 1);
  const restart = from < old.length && from > 0 ? old[from].start : 0;
  const grouper = new Grouper(text, format);
  let oldTo = old.length;
  let resume = text.length;
  scanChunks(text, format, restart, undefined, (start, end, next) => {
    grouper.add(start, end);
    // Where the next chunk starts a group after the change, look for an old group starting there.
    // Front matter and the byte order mark make the first group of a text special: never resume at it.
    if (grouper.current || next < change.newEnd || next <= 1 || next - delta <= 1) return false;
    const k = groupAt(old, next - delta);
    if (k < 0) return false;
    oldTo = k;
    resume = next;
    return true;
  });
  // A definition anywhere changes how every chunk that names it parses.
  if (format === 'markdown' && (text.slice(restart, resume).includes(']:') || oldText.slice(restart, oldTo < old.length ? old[oldTo].start : oldText.length).includes(']:'))) return undefined;
  const fresh = grouper.finish();
  const labels = old[0]?.labels;
  const groups = old.slice(0, restart === 0 ? 0 : from);
  for (const g of fresh) groups.push(labels ? { start: g.start, end: g.end, labels } : g);
  const to = groups.length;
  for (let k = oldTo; k < old.length; k++) {
    const g = old[k];
    groups.push(labels ? { start: g.start + delta, end: g.end + delta, labels } : { start: g.start + delta, end: g.end + delta });
  }
  return { groups, from: restart === 0 ? 0 : from, to, oldTo };
}

/** The index of the group starting at `start`, or -1. */
function groupAt(groups: readonly Chunk[], start: number): number {
  const k = firstAtOrAfter(groups, start, startOf);
  return k < groups.length && groups[k].start === start ? k : -1;
}

const startOf = (c: Chunk) => c.start;

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

/**
 * "[label]:" at a line start: up to 3 spaces (any container prefix), no unescaped brackets inside.
 * Each container marker takes the spaces before it, and only the last ">" one space after it (the
 * lookbehind): with an optional space after every ">", a line of "> > > ..." with no label could
 * be split in exponentially many ways before failing (40 of them hung the check).
 */
const DEFINITION = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*(?:(?<=>)[ \t])?[ ]{0,3}\[((?:[^\\[\]]|\\.){1,999})\]:/;

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
  const chunks: Chunk[] = [];
  scanChunks(text, format, 0, labels, (start, end) => {
    chunks.push({ start, end });
    return false;
  });
  return chunks;
}

/**
 * Scans `text` from `from` (0, or the start of a chunk, where no fence, HTML block or front matter
 * is open) and hands each chunk to `emit` with where the next one starts (-1 after the last one).
 * `emit` returns true to stop the scan. With `labels`, collects definition labels on the way.
 */
function scanChunks(text: string, format: 'markdown' | 'text', from: number, labels: Set<string> | undefined, emit: (start: number, end: number, next: number) => boolean): void {
  const n = text.length;
  let i = from;
  let chunkStart = -1;
  let lastContentEnd = from;
  let fence: string | undefined;
  let htmlClose: string | undefined;
  // Inside an HTML block of kind 6 or 7, which ends at a blank line.
  let htmlToBlank = false;
  // Whether a paragraph may be open at the line: a line that opens an HTML block of kind 7 would continue it instead.
  let paragraphOpen = false;
  // After a byte order mark too: the parser drops it, and reads "---" or "+++" after it as front matter.
  const head = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Its first line must be the fence alone ("--- we" is text), and only that fence closes it.
  const fence0 = from === 0 && format === 'markdown' ? frontMatterFenceAt(text, head) : undefined;
  let frontMatter = fence0 !== undefined;
  const breaks = new LineBreaks(text);
  // The next "]:" in the text: only its line can hold a definition (one native search per definition).
  let colon = labels && format === 'markdown' ? text.indexOf(']:', from) : -1;
  // The quote depth of the paragraph surely open after the last line, else -1
  // (paragraphDepthAfter): there "[x]: y" is text, as a definition cannot interrupt a paragraph,
  // unless it opens a container ("- [x]: y"). Followed only while a "]:" is still to come.
  let paraDepth = -1;
  while (i < n) {
    lineEndAt(text, i, breaks);
    const end = lineEnd;
    const next = nextLine;
    const blank = isBlank(text, i, end);
    if (frontMatter) {
      if (chunkStart < 0) chunkStart = i;
      else if (frontMatterFenceEnd(text, i, end, fence0!) >= 0) frontMatter = false;
      lastContentEnd = end;
      paraDepth = -1;
      i = next;
      continue;
    }
    if (fence !== undefined) {
      const close = fenceAt(text, i, end);
      if (close && close[0] === fence[0] && close.length >= fence.length && isBlank(text, i + text.slice(i, end).indexOf(close) + close.length, end)) fence = undefined;
      lastContentEnd = end;
      paraDepth = -1;
      i = next;
      continue;
    }
    if (htmlClose !== undefined) {
      if (text.slice(i, end).toLowerCase().includes(htmlClose)) htmlClose = undefined;
      lastContentEnd = end;
      paraDepth = -1;
      i = next;
      continue;
    }
    if (blank) {
      paraDepth = -1;
      htmlToBlank = false;
      paragraphOpen = false;
      i = next;
      continue;
    }
    if (htmlToBlank) {
      // A line of an HTML block up to the blank line: HTML, never a definition.
      lastContentEnd = end;
      i = next;
      continue;
    }
    let definition = false;
    if (colon >= 0 && colon < i) colon = text.indexOf(']:', i);
    if (colon >= 0 && colon < end) {
      const m = DEFINITION.exec(text.slice(i, end));
      if (m && !(paraDepth >= 0 && continuesParagraph(text, i, end, paraDepth))) {
        labels!.add(m[1]);
        definition = true;
      }
    }
    if (colon >= 0) paraDepth = definition ? -1 : paragraphDepthAfter(text, i, end, paraDepth);
    const indented = text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9;
    const startsNew = chunkStart < 0 || (!indented && lastContentEnd < i && isGapBlank(text, lastContentEnd, i));
    if (format === 'markdown' && !htmlToBlank) {
      const open = fenceAt(text, i, end);
      // A byte order mark is not part of the line (the parser drops it; prose.ts).
      const p = skipIndent(text, i === 0 ? head : i, end);
      const kind: number = open ? 0 : htmlBlockKind(text, p, end, paragraphOpen);
      if (open) fence = open;
      else if (kind >= 1 && kind <= 5) htmlClose = htmlBlockEnd(text, p, end, kind);
      htmlToBlank = kind >= 6;
      // After an ATX heading no paragraph is open; after most other lines one may be (a list
      // item's, a quote's). A fence or HTML block closes any.
      paragraphOpen = !open && kind === 0 && atxDepth(text, p, end) === 0;
    }
    if (startsNew && chunkStart >= 0) {
      if (emit(chunkStart, lastContentEnd, i)) return;
      chunkStart = i;
    } else if (chunkStart < 0) chunkStart = i;
    lastContentEnd = end;
    i = next;
  }
  if (chunkStart >= 0) emit(chunkStart, lastContentEnd, -1);
}

/** Past up to three spaces of indentation at `i`. */
function skipIndent(text: string, i: number, end: number): number {
  let p = i;
  while (p < end && p - i < 3 && text.charCodeAt(p) === 32) p++;
  return p;
}

/** Past the container markers of the line [i, end) ("> ", "- ", "2) "): where its content starts, and how many quote markers and list markers it has. */
function containerMarkers(text: string, i: number, end: number): { p: number; quotes: number; lists: number } {
  let p = skipIndent(text, i, end);
  let quotes = 0;
  let lists = 0;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 62) {
      p++;
      quotes++;
      if (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    } else {
      let k = p;
      while (k < end && k - p < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
      const marker = k > p ? (text.charCodeAt(k) === 46 || text.charCodeAt(k) === 41 ? k + 1 : -1) : c === 45 || c === 42 || c === 43 ? p + 1 : -1;
      if (marker < 0 || marker >= end || (text.charCodeAt(marker) !== 32 && text.charCodeAt(marker) !== 9)) break;
      p = marker + 1;
      lists++;
    }
    p = skipIndent(text, p, end);
  }
  return { p, quotes, lists };
}

/**
 * The quote depth of the paragraph surely open after the line [i, end), given the one surely open
 * before it (`depth`, -1 for none), else -1. Past its container markers ("> ", "- ", "2) "), a
 * line goes on with the open paragraph when it opens no list item and no deeper quote and is text
 * or indented (a paragraph goes on over indented lines, and over lazy lines with fewer quote
 * markers, at its own depth): "we" then a tab-indented line, or "> para" then "lazy", is one
 * paragraph. Otherwise content indented less than four columns that starts with "|" (paragraph
 * text or a table row) or is surely paragraph text as the scanner reads it (isParagraphText:
 * "=SUM", "#hashtag" and "--text" are; a heading, list item, fence or break is not)
 * starts a paragraph at the line's depth. Doubtful lines open none, so a definition after them
 * counts.
 */
function paragraphDepthAfter(text: string, i: number, end: number, depth: number): number {
  const { p, quotes, lists } = containerMarkers(text, i, end);
  if (p >= end) return -1;
  const c = text.charCodeAt(p);
  const indented = c === 32 || c === 9;
  const goesOn = depth >= 0 && lists === 0 && quotes <= depth;
  const isText = !indented && (c === 124 || isParagraphText(text, p, end, goesOn));
  if (goesOn && (isText || indented)) return depth;
  return isText ? quotes : -1;
}

/**
 * Whether "[x]: y" on the line [i, end) goes on the paragraph of the text line before it (quote
 * depth `depth`): with no list marker (which opens an item) and no more quote markers than that
 * line (more open a quote), "[" is paragraph text: "> para" then "> [x]: y", or a lazy "[x]: y".
 */
function continuesParagraph(text: string, i: number, end: number, depth: number): boolean {
  const { p, quotes, lists } = containerMarkers(text, i, end);
  return lists === 0 && quotes <= depth && text.charCodeAt(p) === 91;
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
