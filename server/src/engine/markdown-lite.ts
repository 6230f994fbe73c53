/**
 * A small markdown scanner for the markdown most documents are made of: ATX headings, paragraphs,
 * bullet or ordered list items, nested too (with lazy continuation lines, and a heading as an
 * item's first line), a block quote that holds one paragraph, and a GFM table that is a whole
 * piece, with emphasis, strong, code spans, inline links, URI autolinks and inline HTML tags and
 * comments on one line. It gives exactly what remark-parse gives for such text, as the inline
 * content prose.ts turns into blocks, or declines (undefined) and the text goes to the parser.
 *
 * **Invariant:** same blocks as the parser, or decline. Declining costs only speed; anything it
 * is not sure of (HTML over lines, character references, images, titles, setext headings, a
 * table after another block or before a line that may start one, nested quotes and anything but
 * one paragraph in a quote, code blocks, tabs in indentation, a line of an enclosing list item
 * after a blank line) is declined. It is tested against the parser on generated markdown and on
 * every chunk of the shared corpus (test/engine/fast-path.test.ts). It runs in time linear in its
 * input: every character is looked at a bounded number of times (emphasis resolution is bounded
 * by `MAX_DELIMITERS` runs per paragraph; a line's list nesting is at most half its indentation).
 *
 * The inline rules follow micromark (the tokenizer under remark-parse), not only the CommonMark
 * text: character classes by UTF-16 code unit, emphasis resolved closer by closer against the
 * nearest usable opener with current run lengths, and text nodes merged as mdast-util-from-markdown
 * merges them.
 */

/** A piece of a block's inline content: text (value at source [start, end)) or a marker character at a source offset. */
export type LiteInline = { value: string; start: number; end: number } | { marker: string; at: number };

/** What the scanner gives for a piece: prose blocks and HTML blocks (source ranges). */
export interface LiteProse {
  blocks: LiteBlock[];
  html: Array<{ start: number; end: number }>;
}

export interface LiteBlock {
  kind: 'paragraph' | 'heading' | 'tableCell';
  depth?: number;
  listItem: boolean;
  start: number;
  end: number;
  inline: LiteInline[];
}

/** Marks where non-prose inline content was (prose.ts `OBJECT`). */
const OBJECT = '\uFFFC';

/**
 * An HTML line break, `<br>`, `<br/>`, `</br>`: in prose it is a line break, as a markdown hard
 * break is ("Line one.<br>Line two." is two sentences), not something else standing there.
 */
export function isBreakTag(tag: string): boolean {
  return /^<\/?br\s*\/?>$/i.test(tag);
}

/**
 * What an HTML line break is in prose: U+2028 LINE SEPARATOR, which the tokenizer reads as a line
 * break. Not "\n": after a line that ends in a lone "\r" (old Mac line endings), "\r\n" would
 * read as one line break where "\n\n" reads as two, and findings would move with the line endings.
 */
export const LINE_SEPARATOR = '\u2028';

/** More "[text](" that are not links than this in a paragraph: declined (each is read again as text). */
const MAX_FAILED_LINKS = 8;

/** More delimiter runs than this in a paragraph: declined (resolution looks back over earlier runs). */
const MAX_DELIMITERS = 64;

/** One line of a block: content [start, end) (indentation and container prefix removed; end includes trailing whitespace) and its line ending [end, eolEnd). */
interface Line {
  start: number;
  end: number;
  eolEnd: number;
}

/** Thrown inside the scanner to decline; caught in `scanMarkdown`. */
const DECLINE = { decline: true };

/**
 * The blocks of a piece of markdown (text with no blank line), or undefined when the scanner is
 * not sure it would give the parser's result.
 */
export function scanMarkdown(text: string, start = 0, end = text.length, definitions = false): LiteProse | undefined {
  // Link reference definitions are the parser's. A NUL becomes U+FFFD in the parser.
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c === 93 && text.charCodeAt(i + 1) === 58)) return undefined;
  }
  referencesMatter = definitions;
  try {
    return scanBlocks(text, start, end);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  } finally {
    referencesMatter = false;
  }
}

/**
 * Set while scanning a piece of a text with link reference definitions (`scanMarkdown`'s
 * `definitions`): then "[...]" not followed by an inline link's "(...)" may be a reference
 * ("[text][label]", "[label]"), which only the parser resolves, and the piece is declined. A
 * piece taken in this mode holds no reference: it reads the same whatever the text defines.
 */
let referencesMatter = false;

function decline(): never {
  throw DECLINE;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** Width of the list item marker and its spaces at `i` (bullet or ordered), 0 when there is none; declines what it is unsure of. */
function listItemAt(text: string, i: number, end: number, interrupting: boolean): number {
  const c = text.charCodeAt(i);
  let k = i;
  if (c === 45 || c === 42 || c === 43) k = i + 1;
  else if (c >= 48 && c <= 57) {
    while (k < end && k - i < 10 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const d = text.charCodeAt(k);
    if (d !== 46 && d !== 41) return 0;
    if (k - i > 9) decline();
    // Only "1." or "1)" starts a list inside a paragraph (CommonMark); other numbers are text.
    if (interrupting && !(k - i === 1 && c === 49)) return isSpaceOrTab(text.charCodeAt(k + 1)) || k + 1 >= end ? -1 : 0;
    k++;
  } else return 0;
  const after = text.charCodeAt(k);
  if (k >= end) decline(); // an empty item
  if (after === 9) decline();
  if (after !== 32) return 0;
  let s = k;
  while (s < end && text.charCodeAt(s) === 32) s++;
  // Blank after the marker (an empty item) or five spaces or more (indented code in the item).
  if (s >= end || s - k > 4 || text.charCodeAt(s) === 9) decline();
  // "- - -" and "* * *" are thematic breaks.
  if (c === 45 || c === 42) {
    let only = true;
    for (let j = k; j < end && only; j++) {
      const d = text.charCodeAt(j);
      if (d !== c && !isSpaceOrTab(d)) only = false;
    }
    if (only) decline();
  }
  return s - i;
}

/** Declines when the line's content at `i` is not surely paragraph text (isParagraphText). */
function checkParagraphText(text: string, i: number, end: number, numbersAreText: boolean): void {
  if (!isParagraphText(text, i, end, numbersAreText)) decline();
}

/**
 * Whether a line's content at `i` is surely paragraph text: false when it may start a block other
 * than a paragraph (heading, quote, HTML, fence, thematic break, setext underline, table, list)
 * or is doubtful. `numbersAreText`: "2. " cannot start a list here (a paragraph's continuation
 * line): it is text. Shared by the scanner and the chunker (which follows open paragraphs).
 */
export function isParagraphText(text: string, i: number, end: number, numbersAreText: boolean): boolean {
  const c = text.charCodeAt(i);
  switch (c) {
    case 35: // #
      return atxDepth(text, i, end) === 0;
    case 60: // <
      return !htmlBlockMayStart(text, i, end, numbersAreText);
    case 45: // -
    case 43: // +
    case 61: {
      // =
      // A list item ("- ", "+ ", or the marker alone), a thematic break or setext underline, or
      // a table's delimiter row (only "-", ":", "|" and spaces) is not text; "--text", "+44" and
      // "=SUM" are text. No accepted line is then all "-", ":", "|" and spaces: no table.
      if (c !== 61 && (i + 1 >= end || isSpaceOrTab(text.charCodeAt(i + 1)))) return false;
      for (let j = i + 1; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d !== c && d !== 45 && d !== 58 && d !== 124 && !isSpaceOrTab(d)) return true;
      }
      return false;
    }
    case 124: // | (a table row; no accepted line starts with "|" or ":", so no table is possible)
    case 62: // >
    case 58: // :
      return false;
    case 42: // *
    case 95: {
      // _
      if (c === 42 && (isSpaceOrTab(text.charCodeAt(i + 1)) || i + 1 >= end)) return false;
      let only = true;
      for (let j = i; j < end && only; j++) {
        const d = text.charCodeAt(j);
        if (d !== c && !isSpaceOrTab(d)) only = false;
      }
      return !only;
    }
    case 96: // `
    case 126: // ~
      return !(text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c);
    default:
      if (c >= 48 && c <= 57) {
        let k = i;
        while (k < end && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        const d = text.charCodeAt(k);
        // "1. " and "1) " interrupt a paragraph (and start a list anywhere else); "1986. A year" does not.
        if ((d === 46 || d === 41) && (k + 1 >= end || isSpaceOrTab(text.charCodeAt(k + 1)))) {
          if (!numbersAreText || (k - i === 1 && c === 49) || k + 1 >= end) return false;
        }
      }
      return true;
  }
}

/**
 * A piece that is one block quote holding one paragraph: every line is "> " and paragraph text
 * (a line without ">" would be a lazy continuation, declined). The paragraph is the parser's
 * paragraph block with the quote markers left out of its lines. Anything else inside the quote
 * (a blank quote line, a nested quote, a list, a heading, code) is declined by the same line
 * checks as a paragraph's.
 */
function scanQuote(text: string, from: number, n: number): LiteProse {
  const html: LiteProse['html'] = [];
  const lines: Line[] = [];
  let i = from;
  while (i < n) {
    const end = lineEndOf(text, i, n);
    const next = nextLineOf(text, end, n);
    let p = i;
    while (p < end && text.charCodeAt(p) === 32) p++;
    // The marker: up to three spaces, ">", and one optional space (a tab's columns are declined).
    if (p - i > 3 || text.charCodeAt(p) !== 62) decline();
    let q = p + 1;
    if (text.charCodeAt(q) === 32) q++;
    let s = q;
    while (s < end && text.charCodeAt(s) === 32) s++;
    if (s >= end || text.charCodeAt(s) === 9) decline(); // a blank quote line (a new paragraph), or a tab
    // Four columns of indentation after the marker's space open indented code in the quote.
    if (lines.length === 0 && s - q >= 4) decline();
    checkParagraphText(text, s, end, lines.length > 0);
    lines.push({ start: s, end, eolEnd: next });
    i = next;
  }
  const blocks: LiteBlock[] = [];
  const inline = lines.length ? inlineContent(text, lines, html) : undefined;
  if (inline) blocks.push({ kind: 'paragraph', listItem: false, start: lines[0].start, end: lines[lines.length - 1].end, inline });
  return { blocks, html };
}

/** The end of the line that starts at `i` (before its line ending). */
function lineEndOf(text: string, i: number, n: number): number {
  let end = i;
  while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end;
}

/** Where the line ending at `end` is followed by the next line. */
function nextLineOf(text: string, end: number, n: number): number {
  return end < n ? (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1) : end;
}

/**
 * The cells of a table row [p, end) (p after the indentation): for each, where its block starts
 * and ends (from the pipe before it, or the row's start, to the next pipe; the last one to the
 * end of the line) and its content [from, to) with the spaces around it trimmed. Pipes split
 * cells wherever they are (in code and links too) unless escaped with a backslash.
 */
function rowCells(text: string, p: number, end: number): Array<{ start: number; end: number; from: number; to: number }> {
  const pipes: number[] = [];
  for (let k = p; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 92) k++;
    else if (c === 124) pipes.push(k);
  }
  let last = end;
  while (last > p && isSpaceOrTab(text.charCodeAt(last - 1))) last--;
  const leading = pipes.length > 0 && pipes[0] === p;
  const starts = leading ? pipes.slice() : [p, ...pipes];
  // A pipe that ends the row closes the last cell rather than opening one.
  const closing = pipes.length > 0 && pipes[pipes.length - 1] === last - 1;
  if (closing) starts.pop();
  const cells: Array<{ start: number; end: number; from: number; to: number }> = [];
  for (let k = 0; k < starts.length; k++) {
    let from = k > 0 || leading ? starts[k] + 1 : starts[k];
    let to = k + 1 < starts.length ? starts[k + 1] : closing ? last - 1 : last;
    while (from < to && isSpaceOrTab(text.charCodeAt(from))) from++;
    while (to > from && isSpaceOrTab(text.charCodeAt(to - 1))) to--;
    cells.push({ start: starts[k], end: k + 1 < starts.length ? starts[k + 1] : end, from, to });
  }
  return cells;
}

/**
 * Where `needle` first is in text[from, end), or -1. It never reads past `end`: text.indexOf
 * would search on to the end of a long text, once for each line or piece that asks.
 */
function indexIn(text: string, needle: string, from: number, end: number): number {
  const first = needle.charCodeAt(0);
  for (let k = from; k + needle.length <= end; k++) if (text.charCodeAt(k) === first && text.startsWith(needle, k)) return k;
  return -1;
}

/** A GFM table's delimiter row: cells of "-" with an optional ":" at either end, with a pipe. */
function delimiterRow(text: string, p: number, end: number, columns: number): boolean {
  if (indexIn(text, '|', p, end) < 0) return false;
  const cells = rowCells(text, p, end);
  if (cells.length !== columns) return false;
  for (const c of cells) {
    let k = c.from;
    if (text.charCodeAt(k) === 58) k++;
    const dashes = k;
    while (k < c.to && text.charCodeAt(k) === 45) k++;
    if (k === dashes) return false;
    if (k < c.to && text.charCodeAt(k) === 58) k++;
    if (k !== c.to) return false;
  }
  return true;
}

/**
 * Whether a line whose first character (after up to three spaces) is `c` may open a block other
 * than a paragraph: a heading, quote, list, code fence, HTML, table, thematic break or setext
 * underline ("#", ">", "-", "*", "+", a digit, "`", "~", "<", "|", "=", "_"). Doubtful starts
 * count as openers.
 */
function mayOpenBlock(c: number): boolean {
  return c === 35 || c === 62 || c === 45 || c === 42 || c === 43 || c === 61 || c === 95 || c === 96 || c === 126 || c === 60 || c === 124 || (c >= 48 && c <= 57);
}

/** A row may not start with what may open another block. */
function checkRowStart(text: string, i: number, p: number, end: number): void {
  if (p >= end || p - i > 3) decline();
  const c = text.charCodeAt(p);
  // A row may start with "|"; anything else that may open a block is declined.
  if (c !== 124 && mayOpenBlock(c)) decline();
}

/**
 * A piece that is one GFM table: a header row, a delimiter row with as many cells, and body rows
 * to the end of the piece. Each cell with content is a table cell block, its inline content read
 * on its own. Undefined when the piece does not start with a header and a delimiter row.
 */
function scanTable(text: string, from: number, n: number): LiteProse | undefined {
  const headEnd = lineEndOf(text, from, n);
  const delimiterStart = nextLineOf(text, headEnd, n);
  if (delimiterStart >= n) return undefined;
  let p = from;
  while (p < headEnd && text.charCodeAt(p) === 32) p++;
  if (p - from > 3 || indexIn(text, '|', p, headEnd) < 0) return undefined;
  const delimiterEnd = lineEndOf(text, delimiterStart, n);
  let q = delimiterStart;
  while (q < delimiterEnd && text.charCodeAt(q) === 32) q++;
  // "- | -" may be read as a list item: left to the parser.
  if (q - delimiterStart > 3 || (text.charCodeAt(q) === 45 && isSpaceOrTab(text.charCodeAt(q + 1)))) return undefined;
  if (!delimiterRow(text, q, delimiterEnd, rowCells(text, p, headEnd).length)) return undefined;
  const blocks: LiteBlock[] = [];
  const html: LiteProse['html'] = [];
  const addRow = (i: number, end: number) => {
    let r = i;
    while (r < end && text.charCodeAt(r) === 32) r++;
    checkRowStart(text, i, r, end);
    for (let k = r; k < end; k++) if (text.charCodeAt(k) === 9) decline();
    for (const c of rowCells(text, r, end)) {
      if (c.to <= c.from) continue;
      // A backslash that ends a cell's content would escape what follows it in a line.
      if (text.charCodeAt(c.to - 1) === 92) decline();
      const inline = inlineContent(text, [{ start: c.from, end: c.to, eolEnd: c.to }], html);
      if (inline) blocks.push({ kind: 'tableCell', listItem: false, start: c.start, end: c.end, inline });
    }
  };
  addRow(from, headEnd);
  for (let i = nextLineOf(text, delimiterEnd, n); i < n; ) {
    const end = lineEndOf(text, i, n);
    addRow(i, end);
    i = nextLineOf(text, end, n);
  }
  return { blocks, html };
}

/** True when the line at `i` starts a block quote: up to three spaces and ">". */
function quoteAt(text: string, i: number, n: number): boolean {
  let p = i;
  while (p < n && p - i < 4 && text.charCodeAt(p) === 32) p++;
  return p - i <= 3 && text.charCodeAt(p) === 62;
}

function scanBlocks(text: string, from: number, n: number): LiteProse {
  if (quoteAt(text, from, n)) return scanQuote(text, from, n);
  const table = scanTable(text, from, n);
  if (table) return table;
  const blocks: LiteBlock[] = [];
  const html: LiteProse['html'] = [];
  // 'code': in indented code (four spaces or more, after a blank line), which holds no prose.
  let mode: 'none' | 'paragraph' | 'list' | 'code' = 'none';
  let blank = false; // after a blank line in a list item
  let afterBlank = false; // after a blank line outside lists
  let width = 0; // content column of the current list item
  // Content columns of the items the current one is nested in, outermost first.
  const outer: number[] = [];
  let lines: Line[] = [];
  let blockStart = 0;
  const close = () => {
    if (lines.length) {
      const inline = inlineContent(text, lines, html);
      if (inline) blocks.push({ kind: 'paragraph', listItem: mode === 'list', start: blockStart, end: lines[lines.length - 1].end, inline });
    }
    lines = [];
    mode = 'none';
  };
  /** A list item whose marker (`item` columns wide) is at `p`, its content at column `column`. */
  const startItem = (p: number, item: number, column: number, end: number, next: number) => {
    close();
    mode = 'list';
    width = column;
    blockStart = p + item;
    if (text.charCodeAt(blockStart) === 35 && atxDepth(text, blockStart, end) > 0) {
      // A heading on the item's first line: a heading of the item, and no paragraph open.
      for (const b of heading(text, blockStart, end, html)) blocks.push({ ...b, listItem: true });
    } else {
      checkParagraphText(text, blockStart, end, false);
      lines.push({ start: blockStart, end, eolEnd: next });
    }
  };
  let i = from;
  while (i < n) {
    const end = lineEndOf(text, i, n);
    const next = nextLineOf(text, end, n);
    let p = i;
    while (p < end && text.charCodeAt(p) === 32) p++;
    if (p < end && text.charCodeAt(p) === 9) decline();
    if (p >= end) {
      // A blank line: in a list item, a paragraph of the item may follow (indented as its
      // content, less than four columns more); elsewhere, indented code or a new block.
      if (mode === 'list') {
        close();
        mode = 'list';
        blank = true;
      } else if (mode !== 'code') {
        close();
        mode = 'none';
        afterBlank = true;
      }
      i = next;
      continue;
    }
    const indent = p - i;
    const c = text.charCodeAt(p);
    if ((afterBlank || mode === 'code') && indent >= 4) {
      mode = 'code';
      i = next;
      continue;
    }
    afterBlank = false;
    if (mode === 'code') {
      // Indented code stays open over blank lines, and micromark then reads the next line as
      // interrupting it: "2. x" is no list there. Declined.
      if (c >= 48 && c <= 57) decline();
      mode = 'none';
    }
    if (blank) {
      blank = false;
      if (indent >= width) {
        // After a blank line in an item: a paragraph or a list of the item (four columns past
        // its content: indented code, declined).
        if (indent - width >= 4) decline();
        const nested = listItemAt(text, p, end, false);
        if (nested > 0) {
          outer.push(width);
          startItem(p, nested, indent + nested, end, next);
        } else {
          checkParagraphText(text, p, end, false);
          blockStart = p;
          lines.push({ start: p, end, eolEnd: next });
        }
      } else {
        // Less indented: an item of an enclosing list (a line of an enclosing item is declined).
        let level = 0;
        while (level < outer.length && outer[level] <= indent) level++;
        const item = indent - (level > 0 ? outer[level - 1] : 0) <= 3 ? listItemAt(text, p, end, false) : 0;
        if (item <= 0) decline();
        outer.length = level;
        startItem(p, item, indent + item, end, next);
      }
    } else if (mode === 'list' && indent >= width) {
      // A list in the item: its marker up to three columns past the item's content. Inside the
      // item's paragraph, only a list that may interrupt one ("1." or a bullet).
      const nested = indent - width <= 3 ? listItemAt(text, p, end, lines.length > 0) : 0;
      if (nested > 0) {
        outer.push(width);
        startItem(p, nested, indent + nested, end, next);
      } else {
        // After a heading, a line of the item starts its paragraph, or indented code.
        if (!lines.length && indent - width >= 4) decline();
        checkParagraphText(text, p, end, false);
        if (!lines.length) blockStart = p;
        lines.push({ start: p, end, eolEnd: next });
      }
    } else if (indent === 0 && mode === 'none' && thematicBreak(text, p, end)) {
      // "---", "***", "_ _ _": no prose (after a paragraph line, "---" would be a heading's underline).
    } else if (indent === 0 && c === 35 && atxDepth(text, p, end) > 0) {
      close();
      blocks.push(...heading(text, i, end, html));
    } else if (indent === 0 && c === 60 && mode !== 'paragraph' && htmlBlockAt(text, p, end)) {
      // An HTML block of CommonMark's kind 6 ("<div", "</table", ...) runs to a blank line: the
      // rest of the piece, which has none.
      close();
      if (hasBlankLine(text, next, n)) decline();
      html.push({ start: i, end: n });
      return { blocks, html };
    } else {
      // In a nested list, the items whose content the line is indented to (`level` of them) go
      // on, and a marker starts an item in the innermost of them.
      let level = 0;
      if (mode === 'list') while (level < outer.length && outer[level] <= indent) level++;
      const rel = indent - (level > 0 ? outer[level - 1] : 0);
      // A list item's marker may be indented up to three spaces (not inside a paragraph, where an
      // indented line is a continuation: declined below when it looks like a marker).
      const item = rel === 0 || (rel <= 3 && mode !== 'paragraph') ? listItemAt(text, p, end, mode === 'paragraph') : 0;
      if (item > 0) {
        outer.length = level;
        startItem(p, item, indent + item, end, next);
      } else if (mode === 'paragraph') {
        // A continuation line: any indentation, unless it may start a block.
        checkParagraphText(text, p, end, true);
        lines.push({ start: p, end, eolEnd: next });
      } else if (mode === 'none' && indent <= 3) {
        checkParagraphText(text, p, end, false);
        mode = 'paragraph';
        blockStart = p;
        lines.push({ start: p, end, eolEnd: next });
      } else if (mode === 'list') {
        // A lazy continuation line: less indented than the item's content, it goes on with the
        // item's paragraph unless it may start a block. After a heading no paragraph is open.
        // micromark starts an HTML block (kind 7) in the item at a lone tag on a lazy line ("- a"
        // then "</b>"), where CommonMark would go on with the paragraph: declined, so the parser
        // reads it.
        if (!lines.length || (c === 60 && htmlBlockKind(text, p, end, false) === 7)) decline();
        checkParagraphText(text, p, end, true);
        lines.push({ start: p, end, eolEnd: next });
      } else decline(); // an indented block
    }
    i = next;
  }
  if (blank) decline();
  close();
  return { blocks, html };
}

/** True when a line of [from, n) (from at a line start) is blank: spaces and tabs only. */
function hasBlankLine(text: string, from: number, n: number): boolean {
  let blank = true;
  for (let k = from; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) {
      if (blank) return true;
      blank = true;
      if (c === 13 && text.charCodeAt(k + 1) === 10) k++;
    } else if (!isSpaceOrTab(c)) blank = false;
  }
  return blank && from < n;
}

/** Names that open an HTML block of kind 6 (micromark-util-html-tag-name). */
const HTML_BLOCK_NAMES = new Set(['address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul']);

/**
 * Whether "<" at `i`, first on a line, may open an HTML block: kinds 1 to 6 anywhere, kind 7 only
 * where it would not interrupt a paragraph (`continuation` false). Otherwise the line is
 * paragraph text that starts with inline HTML or a "<". "<!" and "<?" always may (the scanner
 * leaves them to the parser either way).
 */
function htmlBlockMayStart(text: string, i: number, end: number, continuation: boolean): boolean {
  const c = text.charCodeAt(i + 1);
  return c === 33 || c === 63 || htmlBlockKind(text, i, end, continuation) > 0;
}

/**
 * The kind of HTML block (CommonMark numbers them 1 to 7) that a line opens at the "<" at `i`,
 * first on the line past its indentation (the line ends at `end`), or 0, as micromark reads it:
 * 1 "<pre", "<script", "<style" or "<textarea"; 2 a comment; 3 "<?"; 4 a declaration ("<!" and
 * a letter); 5 "<![CDATA["; 6 a block tag name, open or closing (it may interrupt a paragraph);
 * 7, only when no paragraph is open, one complete open or closing tag of another name alone on
 * its line. Kinds 1 to 5 run to their end marker, over blank lines; 6 and 7 to the next blank
 * line, and a fence marker inside them is HTML, not code. Shared by the scanner and the chunker.
 */
export function htmlBlockKind(text: string, i: number, end: number, paragraphOpen: boolean): number {
  if (text.charCodeAt(i) !== 60) return 0;
  const c = text.charCodeAt(i + 1);
  if (c === 33) {
    if (i + 4 <= end && text.startsWith('<!--', i)) return 2;
    if (i + 9 <= end && text.startsWith('<![CDATA[', i)) return 5;
    return i + 2 < end && isAsciiAlpha(text.charCodeAt(i + 2)) ? 4 : 0;
  }
  if (c === 63) return 3;
  if (rawTagAt(text, i, end)) return 1;
  if (htmlBlockAt(text, i, end)) return 6;
  return !paragraphOpen && loneTagAt(text, i, end) ? 7 : 0;
}

/** "<pre", "<script", "<style" or "<textarea" at `i`, then a space, a tab, ">" or the line end. */
function rawTagAt(text: string, i: number, end: number): boolean {
  let k = i + 1;
  while (k < end && isAsciiAlpha(text.charCodeAt(k))) k++;
  const name = text.slice(i + 1, k).toLowerCase();
  if (name !== 'pre' && name !== 'script' && name !== 'style' && name !== 'textarea') return false;
  return k >= end || isSpaceOrTab(text.charCodeAt(k)) || text.charCodeAt(k) === 62;
}

/** One complete open or closing tag at `i`, its name starting with a letter, and nothing after it on the line but spaces and tabs. */
function loneTagAt(text: string, i: number, end: number): boolean {
  if (!isAsciiAlpha(text.charCodeAt(text.charCodeAt(i + 1) === 47 ? i + 2 : i + 1))) return false;
  let r: number;
  try {
    r = htmlTextEnd(text, i, end);
  } catch (e) {
    // A tag that may run onto the next line is not complete on this one.
    if (e === DECLINE) return false;
    throw e;
  }
  if (r < 0) return false;
  while (r < end && isSpaceOrTab(text.charCodeAt(r))) r++;
  return r >= end;
}

/** True when "<" at i opens an HTML block of kind 6: "<name" or "</name" then a space, tab, line end, ">" or "/>". */
function htmlBlockAt(text: string, i: number, end: number): boolean {
  let k = i + 1;
  if (text.charCodeAt(k) === 47) k++;
  const from = k;
  if (!isAsciiAlpha(text.charCodeAt(k))) return false;
  while (k < end && (isAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 45)) k++;
  if (!HTML_BLOCK_NAMES.has(text.slice(from, k).toLowerCase())) return false;
  const c = text.charCodeAt(k);
  return k >= end || isSpaceOrTab(c) || c === 62 || (c === 47 && text.charCodeAt(k + 1) === 62);
}

/**
 * Where the front matter fence `fence` ("---" or "+++") at `at` ends, when it stands alone on its
 * line (spaces and tabs after it, then a line break, `end` or the text's end), as micromark reads
 * an opening or closing fence ("--- we" or "----" is none); else -1. Shared by the scanner, the
 * prose and the chunker, so they open and close front matter where the parser does.
 */
export function frontMatterFenceEnd(text: string, at: number, end: number, fence: string): number {
  if (at + fence.length > end || !text.startsWith(fence, at)) return -1;
  let k = at + fence.length;
  while (k < end && isSpaceOrTab(text.charCodeAt(k))) k++;
  return k >= end || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13 ? k : -1;
}

/** The front matter fence the line at `at` opens ("---" YAML, "+++" TOML), if any (frontMatterFenceEnd). */
export function frontMatterFenceAt(text: string, at: number): '---' | '+++' | undefined {
  if (frontMatterFenceEnd(text, at, text.length, '---') >= 0) return '---';
  return frontMatterFenceEnd(text, at, text.length, '+++') >= 0 ? '+++' : undefined;
}

/**
 * Front matter opening at `start` with `fence` ("---" YAML, "+++" TOML) as remark-frontmatter
 * reads it: undefined when the first line is not an opening fence; `closed: false` when no
 * closing fence comes before `end`; else its value (YAML, as mdast-util-frontmatter gives it),
 * where the closing fence ends, and where the next line starts (or `end`).
 */
export function scanFrontMatter(text: string, start: number, end: number, fence: string): { closed: false } | { closed: true; value: string; end: number; rest: number } | undefined {
  const fenceEnd = (at: number): number => frontMatterFenceEnd(text, at, end, fence);
  const open = fenceEnd(start);
  if (open < 0 || open >= end) return undefined;
  let i = open;
  while (i < end) {
    // i is at a line ending: the next line may close.
    const next = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    const close = next <= end ? fenceEnd(next) : -1;
    if (close >= 0) {
      const rest = close >= end ? end : text.charCodeAt(close) === 13 && text.charCodeAt(close + 1) === 10 ? close + 2 : close + 1;
      // The value is the text between the fences, less one line ending at each end.
      return { closed: true, value: text.slice(open, next).replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, ''), end: close, rest: Math.min(rest, end) };
    }
    i = next;
    while (i < end && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  }
  return { closed: false };
}

/** True when [i, end) is a thematic break: three or more of one of "-", "*", "_", and spaces or tabs. */
function thematicBreak(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 45 && c !== 42 && c !== 95) return false;
  let count = 0;
  for (let k = i; k < end; k++) {
    const d = text.charCodeAt(k);
    if (d === c) count++;
    else if (!isSpaceOrTab(d)) return false;
  }
  return count >= 3;
}

/** The depth of the ATX heading opening at i ("#" to "######" then a space, tab or the line end), else 0 ("#hashtag" is text). */
export function atxDepth(text: string, i: number, end: number): number {
  let k = i;
  while (k < end && k - i < 7 && text.charCodeAt(k) === 35) k++;
  return k - i <= 6 && (k >= end || isSpaceOrTab(text.charCodeAt(k))) ? k - i : 0;
}

/** An ATX heading on line [i, end). */
function heading(text: string, i: number, end: number, html: LiteProse['html']): LiteBlock[] {
  const depth = atxDepth(text, i, end);
  let s = i + depth;
  while (s < end && isSpaceOrTab(text.charCodeAt(s))) s++;
  let e = end;
  while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
  // A closing sequence: #s after a space or tab, or nothing but #s.
  let h = e;
  while (h > s && text.charCodeAt(h - 1) === 35) h--;
  if (h < e && (h === s || isSpaceOrTab(text.charCodeAt(h - 1)))) {
    e = h;
    while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
  }
  if (e <= s) return [];
  const inline = inlineContent(text, [{ start: s, end: e, eolEnd: e }], html);
  return inline ? [{ kind: 'heading', depth, listItem: false, start: i, end, inline }] : [];
}

// ---- Inline content ----

const enum T {
  Data,
  Eol,
  Break,
  Code,
  Autolink,
  Delim,
  Link,
  Escape,
  Html,
}

interface Token {
  type: T;
  start: number;
  end: number;
  /** Delimiter runs: marker, flanking, remaining length and the parts used. */
  marker?: number;
  open?: boolean;
  close?: boolean;
  left?: number;
  removed?: boolean;
  closeUses?: number[];
  openUses?: number[];
  /** Links: label content and destination. */
  children?: Token[];
  url?: string;
}

/** Character class as micromark's classifyCharacter: 1 whitespace, 2 punctuation or symbol, 0 other (by UTF-16 code unit). */
const classCache = new Uint8Array(65536);
const WHITESPACE = /\s/;
const PUNCTUATION = /\p{P}|\p{S}/u;
function classify(code: number): number {
  if (Number.isNaN(code)) return 1;
  let k = classCache[code];
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = code === 32 || code === 9 || code === 10 || code === 13 || WHITESPACE.test(ch) ? 2 : PUNCTUATION.test(ch) ? 3 : 1;
    classCache[code] = k;
  }
  return k - 1;
}

/** True when `&` at i starts what the parser may read as a character reference ("&amp;", "&#1;", "&#x1;"). */
function referenceAt(text: string, i: number, end: number): boolean {
  let k = i + 1;
  if (text.charCodeAt(k) === 35) {
    k++;
    if (text.charCodeAt(k) === 120 || text.charCodeAt(k) === 88) k++;
  }
  const from = k;
  while (k < end && isAlnum(text.charCodeAt(k))) k++;
  return k > from && text.charCodeAt(k) === 59;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

function isControl(c: number): boolean {
  return c < 32 || c === 127;
}

/**
 * The inline content of a paragraph or heading as text and markers, as prose.ts builds it from
 * the parser's tree; undefined when it holds nothing; declines what the scanner does not handle.
 */
function inlineContent(text: string, lines: Line[], html: LiteProse['html']): LiteInline[] | undefined {
  const tokens = tokenize(text, lines, html);
  let delimiters = 0;
  const count = (list: Token[]) => {
    for (const t of list) {
      if (t.type === T.Delim) delimiters++;
      else if (t.type === T.Link) count(t.children!);
    }
  };
  count(tokens);
  if (delimiters > MAX_DELIMITERS) decline();
  const out = new Emitter(text);
  out.emit(tokens);
  out.flush();
  return out.items.length ? out.items : undefined;
}

/** Inline tokens of the lines, left to right as micromark reads them; links resolved, emphasis not yet. */
function tokenize(text: string, lines: Line[], html: LiteProse['html']): Token[] {
  const root: Token[] = [];
  let list = root;
  // An open link label: where it started and the list it will go back into.
  let label: { at: number; parent: Token[] } | undefined;
  let backticks: Map<number, { at: number[]; line: number[]; next: number }> | undefined;
  const lastLine = lines.length - 1;
  let failedLinks = 0;
  let failedTags = 0;
  let li = 0;
  let p = lines[0].start;
  while (li <= lastLine) {
    const line = lines[li];
    // Trailing spaces and tabs: a hard break (two spaces or more, no tab, not the last line) or dropped.
    let trail = line.end;
    while (trail > p && isSpaceOrTab(text.charCodeAt(trail - 1))) trail--;
    let data = p;
    const flushData = (to: number) => {
      if (to > data) list.push({ type: T.Data, start: data, end: to });
    };
    let resume = -1; // set when a code span runs onto a later line
    let hardBreak = false; // a backslash ended the line
    while (p < trail) {
      const c = text.charCodeAt(p);
      if (c === 42 || c === 95) {
        flushData(p);
        let e = p + 1;
        while (e < trail && text.charCodeAt(e) === c) e++;
        const before = p === line.start ? 1 : classify(text.charCodeAt(p - 1));
        const after = e >= line.end ? 1 : classify(text.charCodeAt(e));
        const open = after === 0 || (after === 2 && before !== 0);
        const close = before === 0 || (before === 2 && after !== 0);
        list.push({
          type: T.Delim,
          start: p,
          end: e,
          marker: c,
          open: c === 42 ? open : open && (before !== 0 || !close),
          close: c === 42 ? close : close && (after !== 0 || !open),
          left: e - p,
        });
        p = data = e;
      } else if (c === 96) {
        let e = p + 1;
        while (e < trail && text.charCodeAt(e) === 96) e++;
        backticks ??= backtickRuns(text, lines, li);
        const runs = backticks.get(e - p);
        // The first run of the same length after this one closes the code span.
        let found = -1;
        if (runs) {
          while (runs.next < runs.at.length && runs.at[runs.next] <= p) runs.next++;
          if (runs.next < runs.at.length) found = runs.next;
        }
        if (found < 0) {
          p = e; // literal backticks
          continue;
        }
        flushData(p);
        list.push({ type: T.Code, start: p, end: runs!.at[found] + (e - p) });
        const closeLine = runs!.line[found];
        const after = runs!.at[found] + (e - p);
        if (closeLine !== li) {
          resume = after;
          li = closeLine;
          break;
        }
        p = data = after;
      } else if (c === 91) {
        // [
        if (label) decline(); // brackets inside a link label
        flushData(p);
        label = { at: p, parent: list };
        list = [];
        p = data = p + 1;
      } else if (c === 93) {
        // ]
        if (!label) {
          p++;
          continue;
        }
        flushData(p);
        const resource = text.charCodeAt(p + 1) === 40 ? inlineResource(text, p + 2, line.end) : undefined;
        if (resource) {
          const children = list;
          list = label.parent;
          list.push({ type: T.Link, start: label.at, end: resource.end, children, url: resource.url });
          label = undefined;
          p = data = resource.end;
        } else {
          if (referencesMatter) decline();
          // No resource and no definitions: "[" and "]" are text. What follows is read again as
          // text: a bounded number of times per block, to stay linear.
          if (text.charCodeAt(p + 1) === 40 && ++failedLinks > MAX_FAILED_LINKS) decline();
          const children = list;
          list = label.parent;
          list.push({ type: T.Data, start: label.at, end: label.at + 1 });
          for (const t of children) list.push(t);
          label = undefined;
          data = p;
          p++;
        }
      } else if (c === 60) {
        // <
        // micromark tries an autolink first, then inline HTML; else "<" is text.
        const d = text.charCodeAt(p + 1);
        const link = isAsciiAlpha(d) ? uriAutolinkEnd(text, p, line.end) : -1;
        if (link > 0) {
          flushData(p);
          list.push({ type: T.Autolink, start: p, end: link });
          p = data = link;
          continue;
        }
        if (emailAutolinkMay(text, p, line.end)) decline();
        const tag = isAsciiAlpha(d) || d === 47 || d === 33 || d === 63 ? htmlTextEnd(text, p, line.end) : -1;
        if (tag > 0) {
          flushData(p);
          list.push({ type: T.Html, start: p, end: tag });
          html.push({ start: p, end: tag });
          p = data = tag;
        } else {
          // Not HTML: the "<" is text. What follows was read ahead once: a bounded number of
          // times per block, to stay linear.
          if (tag < -1 && ++failedTags > MAX_FAILED_LINKS) decline();
          p++;
        }
      } else if (c === 38) {
        if (referenceAt(text, p, line.end)) decline();
        p++;
      } else if (c === 92) {
        // \ before a line ending is a hard break (not at the end of the block); before ASCII
        // punctuation, an escape: the character, as text; otherwise a backslash.
        const d = text.charCodeAt(p + 1);
        if (p + 1 === line.end && li < lastLine) {
          flushData(p);
          list.push({ type: T.Break, start: p, end: line.eolEnd });
          hardBreak = true;
          p = data = p + 1;
        } else if (p + 1 < line.end && isAsciiPunctuation(d)) {
          if (d === 96) decline(); // an escaped backtick can still close a code span
          flushData(p);
          list.push({ type: T.Escape, start: p, end: p + 2 });
          p = data = p + 2;
        } else p++;
      } else if (c === 33 && text.charCodeAt(p + 1) === 91) decline(); // images
      else p++;
    }
    if (resume >= 0) {
      // A code span ended on line li: go on from its end (the lines it covered are inside it).
      p = resume;
      continue;
    }
    flushData(trail);
    if (li < lastLine && !hardBreak) {
      const spaces = line.end - trail;
      let tabs = false;
      for (let k = trail; k < line.end; k++) if (text.charCodeAt(k) === 9) tabs = true;
      if (spaces >= 2 && !tabs) list.push({ type: T.Break, start: trail, end: line.eolEnd });
      else list.push({ type: T.Eol, start: line.end, end: line.eolEnd });
    }
    li++;
    if (li <= lastLine) p = lines[li].start;
  }
  if (label) {
    // A label never closed: its "[" is text.
    const children = list;
    list = label.parent;
    list.push({ type: T.Data, start: label.at, end: label.at + 1 });
    for (const t of children) list.push(t);
  }
  return root;
}

/** Backtick runs from line `from` on, by length, in order (code span closers). */
function backtickRuns(text: string, lines: Line[], from: number): Map<number, { at: number[]; line: number[]; next: number }> {
  const runs = new Map<number, { at: number[]; line: number[]; next: number }>();
  for (let li = from; li < lines.length; li++) {
    const { start, end } = lines[li];
    for (let k = indexIn(text, '`', start, end); k >= 0; k = indexIn(text, '`', k, end)) {
      let e = k + 1;
      while (e < end && text.charCodeAt(e) === 96) e++;
      let r = runs.get(e - k);
      if (!r) runs.set(e - k, (r = { at: [], line: [], next: 0 }));
      r.at.push(k);
      r.line.push(li);
      k = e;
    }
  }
  return runs;
}

/** End of the URI autolink at `<` (i), which starts with a letter, or -1 when there is none there (micromark's autolink, scheme branch). */
function uriAutolinkEnd(text: string, i: number, end: number): number {
  let k = i + 1;
  while (k < end && (isAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 43 || text.charCodeAt(k) === 45 || text.charCodeAt(k) === 46)) k++;
  const scheme = k - i - 1;
  if (text.charCodeAt(k) !== 58 || scheme < 2 || scheme > 32) return -1;
  for (k++; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 62) return k + 1;
    if (c === 32 || c === 60 || isControl(c)) return -1;
  }
  return -1;
}

/**
 * True when `<` at i may open an email autolink: a run of atext characters, not only letters
 * ("</a@b>", "<1a@b.co>"), then "@" (micromark's autolink, email branch).
 */
function emailAutolinkMay(text: string, i: number, end: number): boolean {
  let k = i + 1;
  if (text.charCodeAt(k) === 64) return false;
  while (k < end && isAtext(text.charCodeAt(k))) k++;
  return text.charCodeAt(k) === 64;
}

/** micromark-util-character's asciiAtext: [#-'*+\--9=?A-Z^-~]. */
function isAtext(c: number): boolean {
  return (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === 61 || c === 63 || (c >= 65 && c <= 90) || (c >= 94 && c <= 126);
}

/**
 * Inline HTML at `<` (i) as micromark's html-text reads it, within the line ending at `end`: its
 * end; -1 when "<" is text (nothing was read past it); -2 when "<" is text, found by reading
 * ahead. Declines what may run onto the next line, processing instructions, declarations and
 * CDATA. Open tags, closing tags and comments are taken.
 */
function htmlTextEnd(text: string, i: number, end: number): number {
  let k = i + 1;
  const c = text.charCodeAt(k);
  if (c === 33) {
    // "<!--" opens a comment; it ends at the first "-->" from its own dashes on ("<!-->" is one).
    if (text.charCodeAt(k + 1) !== 45 || text.charCodeAt(k + 2) !== 45) decline();
    const close = indexIn(text, '-->', k + 1, end);
    if (close < 0) decline();
    return close + 3;
  }
  if (c === 63) decline();
  if (c === 47) {
    // A closing tag: "</" name, spaces or tabs, ">".
    k++;
    if (!isAsciiAlpha(text.charCodeAt(k))) return -1;
    while (k < end && (isAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 45)) k++;
    while (k < end && isSpaceOrTab(text.charCodeAt(k))) k++;
    if (k >= end) decline();
    return text.charCodeAt(k) === 62 ? k + 1 : -2;
  }
  // An open tag: "<" name, attributes, optional "/", ">".
  while (k < end && (isAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 45)) k++;
  if (k >= end) decline();
  let d = text.charCodeAt(k);
  if (d !== 47 && d !== 62 && !isSpaceOrTab(d)) return -2;
  for (;;) {
    // Between attributes.
    if (k >= end) decline();
    d = text.charCodeAt(k);
    if (d === 62) return k + 1;
    if (d === 47) return text.charCodeAt(k + 1) === 62 && k + 1 < end ? k + 2 : -2;
    if (isSpaceOrTab(d)) {
      k++;
      continue;
    }
    if (!(d === 58 || d === 95 || isAsciiAlpha(d))) return -2;
    // An attribute name, then maybe "=" and a value.
    k++;
    while (k < end && isAttributeNameChar(text.charCodeAt(k))) k++;
    k = skipSpaces(text, k, end);
    if (k >= end) decline();
    if (text.charCodeAt(k) !== 61) continue;
    k = skipSpaces(text, k + 1, end);
    if (k >= end) decline();
    d = text.charCodeAt(k);
    if (d === 60 || d === 61 || d === 62 || d === 96) return -2;
    if (d === 34 || d === 39) {
      const close = indexIn(text, d === 34 ? '"' : "'", k + 1, end);
      if (close < 0) decline();
      k = close + 1;
      if (k >= end) decline();
      d = text.charCodeAt(k);
      if (d !== 47 && d !== 62 && !isSpaceOrTab(d)) return -2;
      continue;
    }
    // Unquoted: up to a space, tab, "/" or ">".
    for (k++; ; k++) {
      if (k >= end) decline();
      d = text.charCodeAt(k);
      if (d === 34 || d === 39 || d === 60 || d === 61 || d === 96) return -2;
      if (d === 47 || d === 62 || isSpaceOrTab(d)) break;
    }
  }
}

function isAttributeNameChar(c: number): boolean {
  return c === 45 || c === 46 || c === 58 || c === 95 || isAlnum(c);
}

/**
 * An inline link's resource from after "(" at i, on the line ending at `end`: its end and URL,
 * or undefined when it is not one (then "[" and "]" are text). Declines what may run onto the
 * next line, and escapes or character references that would change the URL.
 */
function inlineResource(text: string, i: number, end: number): { end: number; url: string } | undefined {
  let k = skipSpaces(text, i, end);
  let url = '';
  if (k >= end) decline();
  if (text.charCodeAt(k) === 60) {
    const from = k + 1;
    for (k = from; k < end && text.charCodeAt(k) !== 62; k++) {
      const c = text.charCodeAt(k);
      if (c === 92 || (c === 38 && referenceAt(text, k, end))) decline();
      if (c === 60) return undefined;
    }
    if (k >= end) return undefined; // no line ending in <...>
    url = text.slice(from, k);
    k++;
  } else if (text.charCodeAt(k) !== 41) {
    const from = k;
    let balance = 0;
    for (; k < end; k++) {
      const c = text.charCodeAt(k);
      if (balance === 0 && (c === 41 || isSpaceOrTab(c))) break;
      if (c === 40) {
        if (++balance > 32) return undefined;
      } else if (c === 41) balance--;
      else if (c === 92 || (c === 38 && referenceAt(text, k, end))) decline();
      else if (isSpaceOrTab(c) || isControl(c)) return undefined;
    }
    if (balance !== 0) return undefined;
    url = text.slice(from, k);
  }
  const spaced = k;
  k = skipSpaces(text, k, end);
  if (k >= end) decline(); // the resource may go on on the next line
  let c = text.charCodeAt(k);
  if (c !== 41 && k > spaced && (c === 34 || c === 39)) {
    // A title, on this line: it is not prose.
    for (k++; k < end && text.charCodeAt(k) !== c; k++) if (text.charCodeAt(k) === 92) k++;
    if (k >= end) decline();
    k = skipSpaces(text, k + 1, end);
    if (k >= end) decline();
    c = text.charCodeAt(k);
  } else if (c === 40 && k > spaced) decline(); // a (title)
  return c === 41 ? { end: k + 1, url } : undefined;
}

function skipSpaces(text: string, k: number, end: number): number {
  while (k < end && isSpaceOrTab(text.charCodeAt(k))) k++;
  return k;
}

/** Emphasis as micromark resolves it: each closer, left to right, takes the nearest usable opener before it. */
function resolveEmphasis(list: Token[]): void {
  const runs = list.filter((t) => t.type === T.Delim);
  for (let i = 0; i < runs.length; i++) {
    const closer = runs[i];
    while (closer.close && closer.left! > 0) {
      let j = i - 1;
      for (; j >= 0; j--) {
        const opener = runs[j];
        if (opener.removed || !opener.open || opener.left === 0 || opener.marker !== closer.marker) continue;
        // The rule of three, with the runs' current lengths.
        if ((opener.close || closer.open) && closer.left! % 3 && !((opener.left! + closer.left!) % 3)) continue;
        break;
      }
      if (j < 0) break;
      const opener = runs[j];
      const use = opener.left! > 1 && closer.left! > 1 ? 2 : 1;
      opener.left! -= use;
      closer.left! -= use;
      (opener.openUses ??= []).push(use);
      (closer.closeUses ??= []).push(use);
      for (let k = j + 1; k < i; k++) runs[k].removed = true;
    }
  }
}

/** Turns tokens into text and markers, merging text as mdast does (adjacent text in the same parent is one node). */
class Emitter {
  items: LiteInline[] = [];
  private value = '';
  private start = -1;
  private end = -1;
  /** Emphasis and links entered so far: a link's content holding one changes what it is. */
  private groups = 0;

  constructor(private readonly text: string) {}

  emit(list: Token[]): void {
    resolveEmphasis(list);
    for (const t of list) {
      switch (t.type) {
        case T.Data:
        case T.Eol:
          this.add(t.start, t.end);
          break;
        case T.Escape:
          this.add(t.start, t.end, this.text[t.start + 1]);
          break;
        case T.Break:
          this.flush();
          this.items.push({ marker: '\n', at: t.start });
          break;
        case T.Html:
          this.flush();
          this.items.push({ marker: isBreakTag(this.text.slice(t.start, t.end)) ? LINE_SEPARATOR : OBJECT, at: t.start });
          break;
        case T.Code:
        case T.Autolink:
          this.flush();
          this.items.push({ marker: OBJECT, at: t.start });
          break;
        case T.Delim: {
          let at = t.start;
          for (const use of t.closeUses ?? []) {
            this.flush();
            at += use;
          }
          let opened = 0;
          for (const use of t.openUses ?? []) opened += use;
          if (t.end - opened > at) this.add(at, t.end - opened);
          at = t.end - opened;
          for (let k = (t.openUses?.length ?? 0) - 1; k >= 0; k--) {
            this.flush();
            this.groups++;
          }
          break;
        }
        case T.Link: {
          this.flush();
          const mark = this.items.length;
          const groups = this.groups;
          this.emit(t.children!);
          this.flush();
          const only = this.items.length === mark + 1 ? this.items[mark] : undefined;
          if (only && 'value' in only && this.groups === groups && isAutolinkLabel(only.value, t.url!)) {
            this.items.length = mark;
            this.items.push({ marker: OBJECT, at: t.start });
          }
          break;
        }
      }
    }
  }

  /** Text at source [start, end): the source itself, or `value` (an escaped character). */
  private add(start: number, end: number, value = this.text.slice(start, end)): void {
    if (this.start < 0) {
      this.start = start;
      this.value = value;
    } else this.value += value;
    this.end = end;
  }

  flush(): void {
    if (this.start >= 0) this.items.push({ value: this.value, start: this.start, end: this.end });
    this.start = -1;
    this.value = '';
  }
}

/** prose.ts `isAutolink` for a link whose content is one text node. */
function isAutolinkLabel(label: string, url: string): boolean {
  return label === url || url === 'mailto:' + label || url === 'http://' + label || url === 'https://' + label || label.includes('://');
}
