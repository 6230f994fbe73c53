/**
 * Prose extraction: turns a markdown or plain-text document into blocks of prose, each with a
 * map back to exact offsets in the source. Only prose is checked: code, HTML, URLs, link
 * destinations, front matter, definitions and template tags (templates.ts) are left out.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, PhrasingContent, Parent } from 'mdast';
import type { DocumentFormat } from './types.js';
import { endsIndented, splitBlankSeparated, type Chunk } from './chunks.js';
import { maskTemplates } from './templates.js';
import { frontMatterFenceAt, isBreakTag, LINE_SEPARATOR, scanFrontMatter, scanMarkdown, type LiteProse } from './markdown-lite.js';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell' | 'alt';

/** A run where block text [text, text+length) equals source [source, source+length). */
/**
 * How a block's text maps to its source: runs of three numbers, [text offset, source offset,
 * length] (length 0 for a character that stands for something else, such as a reference or a
 * marker), in text order. Flat and of exact length: an editor keeps every block of a long
 * document, and an array of small objects costs several times as much.
 */
export type Segments = number[];

export interface Block {
  kind: BlockKind;
  /** Heading depth (1-6) for headings. */
  depth?: number;
  /** True for paragraphs in list items. */
  listItem?: boolean;
  /** The prose, with inline markup removed; U+FFFC stands where inline code or HTML was. */
  text: string;
  /** Source range of the block. */
  start: number;
  end: number;
  segments: Segments;
}

export interface HtmlComment {
  start: number;
  end: number;
  value: string;
}

export interface Prose {
  blocks: Block[];
  /** Raw front matter (YAML) when present. */
  frontMatter?: { value: string; start: number; end: number };
  /** HTML nodes (for suppression comments). */
  html: HtmlComment[];
}

/** Marks where non-prose inline content was: it breaks phrases and counts as no word. */
export const OBJECT = '\uFFFC';

export { LINE_SEPARATOR };

/** Prose as the reports give it: an HTML line break (LINE_SEPARATOR, U+2028) is a line break, "\n". */
export function reportText(prose: string): string {
  return prose.includes(LINE_SEPARATOR) ? prose.replace(/\u2028/g, '\n') : prose;
}

/**
 * GFM tables only. The other GFM extensions change nothing for prose (strikethrough text, task
 * items and footnotes are prose either way; bare URLs are skipped by the tokenizer) and the
 * autolink-literal one alone costs a third of the parse.
 */
function remarkGfmTables(this: Processor): void {
  const data = this.data() as Record<string, unknown[] | undefined>;
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTables).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
/** For chunks after the first: front matter only exists at the start of a document. */
const bodyProcessor = unified().use(remarkParse).use(remarkGfmTables).freeze();
/** The same without tables, which cost about half the parse, for text that cannot hold one (`mayHoldTable`). */
const processorNoTables = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const bodyProcessorNoTables = unified().use(remarkParse).freeze();

/**
 * False when the text cannot hold a GFM table. A table needs a delimiter row, and a delimiter
 * row needs a `|` or an alignment colon, which always touches a hyphen (`:-`, `-:`): a cell is
 * `:?-+:?` (micromark-extension-gfm-table).
 */
function mayHoldTable(text: string): boolean {
  return text.includes('|') || text.includes(':-') || text.includes('-:');
}

/** Map a block-text offset to a source offset. */
export function toSource(block: Block, offset: number): number {
  const segs = block.segments;
  let lo = 0;
  let hi = segs.length / 3 - 1;
  if (hi < 0) return block.start;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid * 3] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const k = lo * 3;
  return segs[k + 1] + Math.min(Math.max(offset - segs[k], 0), segs[k + 2]);
}

/** Move segments' source offsets by `shift`. */
function shiftSegments(segs: Segments, shift: number): void {
  for (let k = 1; k < segs.length; k += 3) segs[k] += shift;
}

/** Map an end offset (exclusive) in block text to the source. */
export function toSourceEnd(block: Block, end: number): number {
  if (end <= 0) return toSource(block, 0);
  return toSource(block, end - 1) + 1;
}

class BlockBuilder {
  text = '';
  private runs: Segments = [];

  constructor(private readonly source: string) {}

  /** Append text that maps to source [srcStart, srcEnd). */
  append(value: string, srcStart: number, srcEnd: number): void {
    if (value.length === 0) return;
    if (srcEnd - srcStart === value.length && this.source.startsWith(value, srcStart)) {
      this.push(this.text.length, srcStart, value.length);
      this.text += value;
      return;
    }
    // The value differs from the source (escapes, entities, stripped container prefixes such as
    // "> " on continuation lines): align character by character, greedily, within the node.
    const base = this.text.length;
    let s = srcStart;
    // Continuation lines lose their indentation and "> " prefixes, however long: a character
    // is looked for past that run (else 16 spaces of indentation misplaced every later word).
    // The run is found once per position, so characters that are not found cost no rescan.
    let blankFrom = -1;
    let blankTo = -1;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      let from = s;
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '>') {
        if (blankFrom !== s) {
          blankFrom = s;
          blankTo = s;
          for (let c = this.source.charCodeAt(blankTo); blankTo < srcEnd && (c === 32 || c === 9 || c === 10 || c === 13 || c === 62); c = this.source.charCodeAt(++blankTo));
        }
        from = blankTo;
      }
      // A character reference ("&#73;", "&eacute;") stands for this character: it takes the
      // reference's place, and never a later identical character (that misplaced the words after).
      if (ch !== '&' && this.source.charCodeAt(from) === 38) {
        const ref = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(this.source.slice(from, Math.min(srcEnd, from + 34)));
        if (ref) {
          this.push(base + i, from, 0);
          s = from + ref[0].length;
          // A reference to an astral character gives two code units.
          if (i + 1 < value.length && (value.charCodeAt(i) & 0xfc00) === 0xd800) this.push(base + ++i, from, 0);
          continue;
        }
      }
      let k = from;
      const limit = Math.min(srcEnd, from + 16);
      while (k < limit && this.source[k] !== ch) k++;
      if (k < limit) {
        this.push(base + i, k, 1);
        s = k + 1;
      } else {
        this.push(base + i, Math.min(s, srcEnd - 1 < srcStart ? srcStart : srcEnd - 1), 0);
      }
    }
    this.text += value;
  }

  /** Append a marker that maps to a position in the source. */
  marker(ch: string, at: number): void {
    this.push(this.text.length, at, 0);
    this.text += ch;
  }

  /** The segments so far, in an array of their own of exact length (the builder's grows with slack). */
  get segments(): Segments {
    return this.runs.slice();
  }

  private push(text: number, source: number, length: number): void {
    const runs = this.runs;
    const k = runs.length - 3;
    if (k >= 0 && length > 0 && runs[k + 2] > 0 && runs[k] + runs[k + 2] === text && runs[k + 1] + runs[k + 2] === source) {
      runs[k + 2] += length;
      return;
    }
    runs.push(text, source, length);
  }
}

function isAutolink(node: { url: string; children: PhrasingContent[] }): boolean {
  if (node.children.length !== 1 || node.children[0].type !== 'text') return false;
  const label = node.children[0].value;
  const url = node.url;
  return label === url || url === 'mailto:' + label || url === 'http://' + label || url === 'https://' + label || label.includes('://');
}

/** Extract the prose blocks of a document. Never throws on any string. */
export function extractProse(original: string, format: DocumentFormat, allowFrontMatter = true): Prose {
  // Template tags ("{{ site.baseurl }}", "{% include x.html %}") are code, and abbreviation
  // definitions ("*[GDS]: Government Digital Service") are never shown: masked, at their length.
  const source = maskTemplates(original, format === 'markdown');
  // A byte order mark is kept in offsets; parse a space in its place so offsets stay aligned.
  const text = source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source;
  if (format === 'text') return extractText(text);
  const bom = source.charCodeAt(0) === 0xfeff;
  // Link reference definitions ("[id]: url") reach across pieces: see `bracketed` below.
  const definitions = text.includes(']:');
  if (definitions && (tooComplexForMarkdown(text) || isPlainProse(text))) return extractText(text);
  // Paragraphs with no markdown syntax at all need no parser, and the scanner (markdown-lite.ts)
  // takes most other pieces: same blocks, much faster. Runs of the pieces it declines are
  // parsed together. Pieces parse independently (chunks.ts), so this is exact.
  // Split the source, byte order mark and all: the chunker reads "---" after one as front matter
  // (and so never splits inside it), where the space standing for it here would hide it.
  const pieces = splitBlankSeparated(source, 'markdown');
  if (definitions) {
    // Fences and HTML blocks that may run over blank lines inside a container (where the pieces
    // may not parse independently): the whole text to the parser, as it always was.
    if (pieces.length <= 1 || MAY_SPAN_PIECES.test(text)) return parseMarkdown(text, allowFrontMatter, bom);
    // Front matter holds no definition nor reference ("tags: [a]" is YAML): the first piece is
    // looked at from where it ends. It is read with the first piece, so that piece must not be
    // one of those parsed with the definitions; nor may front matter run on past it.
    let from = pieces[0].start;
    // Front matter opens only on the document's first line: after a byte order mark (a space
    // here, which the parser reads as the mark) at the next character; never after blank lines.
    const fence = allowFrontMatter && from === 0 ? frontMatterFenceAt(text, bom ? 1 : 0) : undefined;
    if (fence) {
      const scanned = !bom ? scanFrontMatter(text, 0, pieces[0].end, fence) : undefined;
      if (!scanned?.closed) return parseMarkdown(text, allowFrontMatter, bom);
      from = scanned.rest;
    }
    const { marked, scanned: taken } = bracketed(text, pieces, from);
    if (fence && marked[0]) return parseMarkdown(text, allowFrontMatter, bom);
    return extractPieces(text, pieces, allowFrontMatter, bom, marked, taken);
  }
  return extractPieces(text, pieces, allowFrontMatter, bom);
}

/** Fences and the HTML blocks that end at a marker, not at a blank line (CommonMark kinds 1 to 5). */
const MAY_SPAN_PIECES = /```|~~~|<(?:[!?]|pre|script|style|textarea)/i;

/**
 * The pieces a definition can change: those that hold a "]" (a definition or a reference needs
 * one; the first piece from `from` on), and with them every piece that must be parsed with one
 * of them. A piece that ends on a line indented four columns or more changes how the next one
 * parses (see `extractPieces`): the next piece is marked with it, and a piece before a marked one
 * that is not plain prose is marked with it. So no run of marked pieces ends on such a line but
 * at the end of the text. `scanned` holds the scanner's prose of the pieces with a "]" that it
 * took (and so are not marked), for extractPieces to use rather than scan them again.
 */
function bracketed(text: string, pieces: Chunk[], from: number): { marked: boolean[]; scanned: Array<LiteProse | undefined> } {
  let next = text.indexOf(']', from);
  const scanned: Array<LiteProse | undefined> = [];
  const marked = pieces.map((p, k) => {
    if (next >= 0 && next < p.start) next = text.indexOf(']', p.start);
    if (!(next >= 0 && next < p.end)) return false;
    // A piece whose every "[...]" is an inline link (or code, HTML, an autolink) holds no
    // reference: the scanner takes it in extractPieces as in any text. Only where it would:
    // not the first piece (front matter), and neither it nor the piece before ends indented
    // (see below), so no piece left unmarked here is marked by the passes below.
    if (k === 0 || endsIndented(text, pieces[k - 1].end) || (k + 1 < pieces.length && endsIndented(text, p.end))) return true;
    scanned[k] = scanMarkdown(text, p.start, p.end, true);
    return scanned[k] === undefined;
  });
  for (let k = 0; k + 1 < pieces.length; k++) if (marked[k] && endsIndented(text, pieces[k].end)) marked[k + 1] = true;
  for (let k = pieces.length - 2; k >= 0; k--) {
    if (marked[k + 1] && !marked[k] && endsIndented(text, pieces[k].end) && !isPlainProse(text, pieces[k + 1].start, pieces[k + 1].end)) marked[k] = true;
  }
  return { marked, scanned };
}

/**
 * The prose of a text cut into pieces: plain pieces as they stand, the scanner's, and runs of the
 * rest through the parser. With `withDefinitions`, the pieces marked there are parsed all in one
 * text (their runs one after another, blank lines between), so that every reference in them
 * meets every definition, and their blocks are put back in place.
 */
function extractPieces(text: string, pieces: Chunk[], allowFrontMatter: boolean, bom: boolean, withDefinitions?: boolean[], scanned?: Array<LiteProse | undefined>): Prose {
  // A plain piece keeps the spaces that end its lines, which the parser drops. A text with
  // definitions always went to the parser whole: its plain pieces go to the scanner, which
  // gives the parser's blocks exactly.
  const plain = pieces.map((p) => !withDefinitions && isPlainProse(text, p.start, p.end));
  // Markdown the parser would take super-linear time on, or recurse too deeply for, is checked
  // as plain text instead (docs/robustness.md). The limits count per paragraph and per line, so
  // a text is too complex when one of its pieces is; plain pieces never are.
  for (let k = 0; k < pieces.length; k++) if (!plain[k] && tooComplexForMarkdown(text, pieces[k].start, pieces[k].end)) return extractText(text);
  if (pieces.length <= 1) {
    if (isPlainProse(text)) return extractText(text);
    const piece = pieces[0];
    // Front matter needs the parser here: it only opens at offset 0 of the whole text.
    const lite = piece && !(allowFrontMatter && frontMatterFenceAt(text, piece.start)) ? scanMarkdown(text, piece.start, piece.end) : undefined;
    if (!lite) return parseMarkdown(text, allowFrontMatter, bom);
    const out: Prose = { blocks: [], html: [] };
    addLite(text, lite, out);
    return out;
  }
  const out: Prose = { blocks: [], html: [] };
  // Front matter opens only on the document's first line (see extractProse); the scanner reads it
  // there, and the parser after a byte order mark.
  const frontMatterAt = allowFrontMatter && !bom && pieces[0].start === 0;
  // Front matter not closed in the first piece runs on into the next pieces when they are parsed
  // with it: then the scanner is left out, so that the pieces are parsed in the same runs as ever.
  let scan = true;
  // micromark keeps indented code open over blank lines and reads the next block as interrupting
  // it ("2. x" is then no list). Two pieces parsed in one run where the first ends on a line
  // indented four columns or more are left to the parser together, as they always were.
  const afterIndented = (k: number) => k > 0 && !plain[k - 1] && endsIndented(text, pieces[k - 1].end);
  let run = -1;
  const flush = (end: number) => {
    if (run < 0) return;
    append(out, parseMarkdown(text.slice(run, end), allowFrontMatter && run === 0, bom && run === 0), run);
    run = -1;
  };
  // Runs of the pieces parsed with the definitions: where each starts and ends.
  const defined: Array<{ start: number; end: number }> = [];
  for (let k = 0; k < pieces.length; k++) {
    const { start, end } = pieces[k];
    if (withDefinitions?.[k]) {
      flush(start);
      const last = defined[defined.length - 1];
      if (last && withDefinitions[k - 1]) last.end = end;
      else defined.push({ start, end });
      continue;
    }
    if (plain[k]) {
      flush(start);
      // A plain piece has no blank line: it is one paragraph, its text as it stands.
      out.blocks.push({ kind: 'paragraph', text: text.slice(start, end), start, end, segments: [0, start, end - start] });
      continue;
    }
    let lite: LiteProse | undefined;
    let frontMatter: Prose['frontMatter'];
    const fence = start === 0 && allowFrontMatter ? frontMatterFenceAt(text, bom ? 1 : 0) : undefined;
    if (fence) {
      const matter = frontMatterAt ? scanFrontMatter(text, start, end, fence) : undefined;
      // Not closed in this piece, or after a byte order mark (not scanned here): the parser reads
      // the front matter and the pieces after it in one run.
      if (!matter?.closed) scan = false;
      else {
        lite = matter.rest < end ? scanMarkdown(text, matter.rest, end) : { blocks: [], html: [] };
        // TOML front matter is skipped, as the parser path skips it.
        if (fence === '---') frontMatter = { value: matter.value, start, end: matter.end };
      }
    } else if (scan && !afterIndented(k) && !(k + 1 < pieces.length && !plain[k + 1] && endsIndented(text, end))) lite = scanned?.[k] ?? scanMarkdown(text, start, end);
    if (lite) {
      flush(start);
      if (frontMatter) out.frontMatter = frontMatter;
      addLite(text, lite, out);
    } else if (run < 0) run = start;
  }
  flush(text.length);
  if (defined.length) return withParsed(text, out, defined, bom) ?? parseMarkdown(text, allowFrontMatter, bom);
  return out;
}

/**
 * `out` with the prose of the runs `defined` added in document order, parsed as one text (the
 * runs joined by blank lines). Undefined when a block or HTML node of one run reaches past it
 * (then the runs do not parse independently, and the caller parses the whole text).
 */
function withParsed(text: string, out: Prose, defined: Array<{ start: number; end: number }>, bom: boolean): Prose | undefined {
  const at: number[] = [];
  let joined = '';
  for (const r of defined) {
    if (joined) joined += '\n\n';
    at.push(joined.length);
    joined += text.slice(r.start, r.end);
  }
  // Front matter was ruled out by the caller: it is never read here.
  const parsed = parseMarkdown(joined, false, bom && defined[0].start === 0);
  // The run holding compact offset `x`, searched from the last one found (blocks come in order).
  let r = 0;
  const runOf = (x: number): number => {
    while (r + 1 < at.length && at[r + 1] <= x) r++;
    while (r > 0 && at[r] > x) r--;
    return r;
  };
  const fits = (start: number, end: number): number => {
    const k = runOf(start);
    return end - at[k] <= defined[k].end - defined[k].start ? defined[k].start - at[k] : NaN;
  };
  for (const b of parsed.blocks) {
    const shift = fits(b.start, b.end);
    if (Number.isNaN(shift)) return undefined;
    b.start += shift;
    b.end += shift;
    shiftSegments(b.segments, shift);
  }
  r = 0;
  for (const h of parsed.html) {
    const shift = fits(h.start, h.end);
    if (Number.isNaN(shift)) return undefined;
    h.start += shift;
    h.end += shift;
  }
  // Pieces do not overlap, and each one's blocks are in order: a stable sort by start puts the
  // parsed blocks in place (an image's alt text, which starts where its paragraph may start,
  // stays after it).
  out.blocks = out.blocks.concat(parsed.blocks).sort((a, b) => a.start - b.start);
  out.html = out.html.concat(parsed.html).sort((a, b) => a.start - b.start);
  return out;
}

/** The scanner's blocks, built from their inline content as `addBlock` builds them from the parser's tree, and its HTML, added to `out`. */
function addLite(text: string, lite: LiteProse, out: Prose): void {
  for (const b of lite.blocks) {
    const builder = new BlockBuilder(text);
    for (const item of b.inline) {
      if ('marker' in item) builder.marker(item.marker, item.at);
      else builder.append(item.value, item.start, item.end);
    }
    out.blocks.push({ kind: b.kind, depth: b.depth, listItem: b.listItem || undefined, text: builder.text, start: b.start, end: b.end, segments: builder.segments });
  }
  for (const h of lite.html) out.html.push({ start: h.start, end: h.end, value: text.slice(h.start, h.end) });
}

/** Add the prose of a slice that starts at `base` to `out`. */
function append(out: Prose, part: Prose, base: number): void {
  for (const b of part.blocks) {
    b.start += base;
    b.end += base;
    shiftSegments(b.segments, base);
    out.blocks.push(b);
  }
  for (const h of part.html) out.html.push({ start: h.start + base, end: h.end + base, value: h.value });
  if (part.frontMatter && !out.frontMatter) out.frontMatter = { ...part.frontMatter, start: part.frontMatter.start + base, end: part.frontMatter.end + base };
}

/** Prose blocks through the markdown parser (no fast path). Exported for tests. */
export function parseMarkdown(text: string, allowFrontMatter: boolean, bom = false): Prose {
  // `bom`: the text's first character stands for a byte order mark. The parser drops a BOM and
  // counts offsets after it: parse it as a BOM (so that front matter after it is front matter,
  // as the chunker and the command line see it) and count it back into every offset.
  const tables = mayHoldTable(text);
  const parser = allowFrontMatter ? (tables ? processor : processorNoTables) : tables ? bodyProcessor : bodyProcessorNoTables;
  const tree = parser.parse(bom ? '\uFEFF' + text.slice(1) : text) as Root;
  if (bom) shiftOffsets(tree);
  const prose: Prose = { blocks: [], html: [] };
  const walkBlock = (node: RootContent | Root, inList: boolean): void => {
    // TOML front matter is not in mdast's types; it is skipped like YAML.
    if ((node.type as string) === 'toml') return;
    switch (node.type) {
      case 'paragraph':
        addBlock(prose, text, node, 'paragraph', inList);
        return;
      case 'heading':
        addBlock(prose, text, node, 'heading', inList, node.depth);
        return;
      case 'tableCell':
        addBlock(prose, text, node, 'tableCell', inList);
        return;
      case 'html':
        if (node.position) prose.html.push({ start: node.position.start.offset!, end: node.position.end.offset!, value: node.value });
        return;
      case 'yaml':
        if (node.position && !prose.frontMatter) {
          prose.frontMatter = { value: node.value, start: node.position.start.offset!, end: node.position.end.offset! };
        }
        return;
      case 'code':
      case 'definition':
      case 'thematicBreak':
        return;
      default:
        if ('children' in node) {
          const childInList = inList || node.type === 'listItem';
          for (const child of (node as Parent).children) walkBlock(child as RootContent, childInList);
        }
    }
  };
  walkBlock(tree, false);
  return prose;
}

/** Add one to every offset in a tree (each position point once). */
function shiftOffsets(tree: Root): void {
  const seen = new Set<object>();
  const stack: Array<{ position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }> = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    for (const p of node.position ? [node.position.start, node.position.end] : []) {
      if (p.offset !== undefined && !seen.has(p)) {
        seen.add(p);
        p.offset++;
      }
    }
    if (node.children) for (const c of node.children) stack.push(c as (typeof stack)[number]);
  }
}

function addBlock(prose: Prose, source: string, node: Parent & RootContent, kind: BlockKind, inList: boolean, depth?: number): void {
  if (!node.position) return;
  const builder = new BlockBuilder(source);
  const alts: Array<{ alt: string; start: number; end: number }> = [];
  const inline = (children: PhrasingContent[]): void => {
    for (const child of children) {
      const pos = child.position;
      switch (child.type) {
        case 'text':
          if (pos) builder.append(child.value, pos.start.offset!, pos.end.offset!);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'linkReference':
          inline(child.children);
          break;
        case 'link':
          if (isAutolink(child)) builder.marker(OBJECT, pos?.start.offset ?? 0);
          else inline(child.children);
          break;
        case 'break':
          builder.marker('\n', pos?.start.offset ?? 0);
          break;
        case 'image':
        case 'imageReference':
          if (child.alt && pos) alts.push({ alt: child.alt, start: pos.start.offset!, end: pos.end.offset! });
          builder.marker(OBJECT, pos?.start.offset ?? 0);
          break;
        case 'html':
          if (pos) prose.html.push({ start: pos.start.offset!, end: pos.end.offset!, value: child.value });
          builder.marker(isBreakTag(child.value) ? LINE_SEPARATOR : OBJECT, pos?.start.offset ?? 0);
          break;
        default:
          // inlineCode, footnoteReference and anything unknown: not prose.
          builder.marker(OBJECT, pos?.start.offset ?? 0);
      }
    }
  };
  inline(node.children as PhrasingContent[]);
  if (builder.text.length > 0) {
    prose.blocks.push({
      kind,
      depth,
      listItem: inList || undefined,
      text: builder.text,
      start: node.position.start.offset!,
      end: node.position.end.offset!,
      segments: builder.segments,
    });
  }
  for (const { alt, start, end } of alts) {
    // Alt text sits inside ![...]: find it verbatim in the source when it is there.
    const b = new BlockBuilder(source);
    const at = source.indexOf(alt, start);
    if (at >= 0 && at + alt.length <= end) b.append(alt, at, at + alt.length);
    else b.append(alt, start, end);
    prose.blocks.push({ kind: 'alt', text: b.text, start, end, segments: b.segments });
  }
}

/**
 * Limits per paragraph (inline markup) and per line (nesting) beyond which a chunk of markdown
 * is checked as plain text. The markdown parser resolves emphasis, brackets, code spans and
 * inline HTML in time that grows with the square of their number in a paragraph, and builds
 * nested block quotes and lists by recursion: 16 KB of "*a " took seconds, 100 KB of "a]b "
 * over ten, and 10,000 ">" overflowed the stack. Real documents stay far below these limits
 * (see docs/robustness.md for the figures over 2,120 sample documents).
 */
export const MARKDOWN_LIMITS = { emphasisRuns: 500, brackets: 1000, codeRuns: 1000, angles: 4000, nesting: 64 } as const;

/** True when a paragraph or a line of the text exceeds MARKDOWN_LIMITS. One pass over the text. */
export function tooComplexForMarkdown(text: string, from = 0, n = text.length): boolean {
  let runs = 0;
  let brackets = 0;
  let codeRuns = 0;
  let angles = 0;
  let prev = 0;
  let lineStart = true;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      // Container depth of this line: block quote markers, list markers and indentation.
      let depth = 0;
      let k = i;
      let columns = 0;
      for (;;) {
        const d = text.charCodeAt(k);
        // Indentation counts before the first marker (lists nested by indentation); spaces
        // between markers ("> > >") do not nest anything.
        if (d === 32) columns += depth === 0 ? 1 : 0;
        else if (d === 9) columns += depth === 0 ? 4 : 0;
        else if (d === 62 /* > */) depth++;
        else if ((d === 45 || d === 42 || d === 43) && isSpaceOrEnd(text, k + 1)) depth++;
        else if (d >= 48 && d <= 57) {
          let e = k;
          while (e < n && e - k < 9 && text.charCodeAt(e) >= 48 && text.charCodeAt(e) <= 57) e++;
          const m = text.charCodeAt(e);
          if ((m !== 46 && m !== 41) || !isSpaceOrEnd(text, e + 1)) break;
          depth++;
          k = e;
        } else {
          // A blank line ends the paragraph: inline markup is resolved paragraph by paragraph.
          if (depth === 0 && (d === 10 || d === 13 || Number.isNaN(d))) runs = brackets = codeRuns = angles = 0;
          break;
        }
        if (depth > 0 && depth + (columns >> 1) > MARKDOWN_LIMITS.nesting) return true;
        k++;
      }
      lineStart = false;
    }
    // A line starts after \n, or after a \r that is not the first half of a CRLF.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStart = true;
    else if (c === 42 || c === 95 || c === 126 /* * _ ~ */) {
      if (c !== prev && ++runs > MARKDOWN_LIMITS.emphasisRuns) return true;
    } else if (c === 91 || c === 93 /* [ ] */) {
      if (++brackets > MARKDOWN_LIMITS.brackets) return true;
    } else if (c === 96 /* ` */) {
      if (c !== prev && ++codeRuns > MARKDOWN_LIMITS.codeRuns) return true;
    } else if (c === 60 /* < */ && ++angles > MARKDOWN_LIMITS.angles) return true;
    prev = c;
  }
  return false;
}

function isSpaceOrEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * True when markdown would read this text as nothing but paragraphs of literal text: no line
 * starts a block (indent, list marker, heading, quote, fence, table, setext underline, HTML) and
 * no character starts inline syntax (escapes, code, emphasis, links, HTML, entities, tables,
 * strikethrough). Such text is extracted as plain paragraphs, which gives the same prose blocks
 * as the parser (tested against it on every chunk of the corpus).
 */
export function isPlainProse(text: string, from = 0, n = text.length): boolean {
  let lineStart = true;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      // space tab ! # + - : = > | ~ * _ ` <
      if (c === 32 || c === 9 || c === 35 || c === 43 || c === 45 || c === 61 || c === 62 || c === 58) return false;
      if (c >= 48 && c <= 57) {
        let k = i;
        while (k < n && k - i < 10 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        const after = text.charCodeAt(k);
        if (after === 46 || after === 41) return false; // "1." or "1)": an ordered list
      }
    }
    // \ ` * _ [ ] < & | ~
    if (c === 92 || c === 96 || c === 42 || c === 95 || c === 91 || c === 93 || c === 60 || c === 38 || c === 124 || c === 126) return false;
    if (c === 0) return false;
  }
  return true;
}

/** Plain text: paragraphs are separated by blank lines; text maps to itself. */
function extractText(text: string): Prose {
  const blocks: Block[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Skip blank lines.
    let lineStart = i;
    let blank = true;
    while (blank && lineStart < n) {
      let j = lineStart;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < n && (text[j] === '\n' || text[j] === '\r')) {
        lineStart = text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1;
      } else blank = false;
    }
    if (lineStart >= n) break;
    // Read lines until a blank line.
    let end = lineStart;
    let k = lineStart;
    for (;;) {
      while (k < n && text[k] !== '\n' && text[k] !== '\r') k++;
      end = k;
      if (k >= n) break;
      const next = text[k] === '\r' && text[k + 1] === '\n' ? k + 2 : k + 1;
      let j = next;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j >= n || text[j] === '\n' || text[j] === '\r') {
        k = next;
        break;
      }
      k = next;
    }
    const value = text.slice(lineStart, end);
    blocks.push({ kind: 'paragraph', text: value, start: lineStart, end, segments: [0, lineStart, value.length] });
    i = Math.max(k, end + 1);
  }
  const html = findTextComments(text);
  // Suppression comments are not prose: blank them out of the blocks (same length, so offsets hold).
  // Blocks and comments are both in order and do not overlap among themselves: one merge pass
  // (blanking comment by comment over every block took time comments × text; docs/robustness.md).
  let first = 0;
  for (const b of blocks) {
    while (first < html.length && html[first].end <= b.start) first++;
    let parts: string[] | undefined;
    let at = 0;
    for (let k = first; k < html.length && html[k].start < b.end; k++) {
      const from = Math.max(html[k].start, b.start) - b.start;
      const to = Math.min(html[k].end, b.end) - b.start;
      (parts ??= []).push(b.text.slice(at, from), ' '.repeat(to - from));
      at = to;
    }
    if (parts) {
      parts.push(b.text.slice(at));
      b.text = parts.join('');
    }
  }
  return { blocks, html };
}

/** In plain text, suppression comments are written like HTML comments on their own. */
function findTextComments(text: string): HtmlComment[] {
  const out: HtmlComment[] = [];
  // A comment ends in its own paragraph, as in markdown: one spanning a blank line is not a
  // comment (else what it covered depended on how the document was cut into chunks).
  const blank = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)/g;
  let nextBlank = -1;
  let at = text.indexOf('<!--');
  while (at >= 0) {
    const close = text.indexOf('-->', at + 4);
    if (close < 0) break;
    if (nextBlank < at) {
      blank.lastIndex = at;
      nextBlank = blank.exec(text)?.index ?? text.length;
    }
    if (nextBlank < close) {
      at = text.indexOf('<!--', at + 4);
      continue;
    }
    out.push({ start: at, end: close + 3, value: text.slice(at, close + 3) });
    at = text.indexOf('<!--', close + 3);
  }
  return out;
}
