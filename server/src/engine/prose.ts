/**
 * Prose extraction: turns a markdown or plain-text document into blocks of prose, each with a
 * map back to exact offsets in the source. Only prose is checked: code, HTML, URLs, link
 * destinations, front matter and definitions are left out.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, PhrasingContent, Parent } from 'mdast';
import type { DocumentFormat } from './types.js';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell' | 'alt';

/** A run where block text [text, text+length) equals source [source, source+length). */
interface Segment {
  text: number;
  source: number;
  length: number;
}

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
  segments: Segment[];
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

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
/** For chunks after the first: front matter only exists at the start of a document. */
const bodyProcessor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Map a block-text offset to a source offset. */
export function toSource(block: Block, offset: number): number {
  const segs = block.segments;
  let lo = 0;
  let hi = segs.length - 1;
  if (hi < 0) return block.start;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].text <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo];
  return seg.source + Math.min(Math.max(offset - seg.text, 0), seg.length);
}

/** Map an end offset (exclusive) in block text to the source. */
export function toSourceEnd(block: Block, end: number): number {
  if (end <= 0) return toSource(block, 0);
  return toSource(block, end - 1) + 1;
}

class BlockBuilder {
  text = '';
  segments: Segment[] = [];

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
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      let k = s;
      const limit = Math.min(srcEnd, s + 16);
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

  private push(text: number, source: number, length: number): void {
    const last = this.segments[this.segments.length - 1];
    if (last && length > 0 && last.length > 0 && last.text + last.length === text && last.source + last.length === source) {
      last.length += length;
      return;
    }
    this.segments.push({ text, source, length });
  }
}

function isAutolink(node: { url: string; children: PhrasingContent[] }): boolean {
  if (node.children.length !== 1 || node.children[0].type !== 'text') return false;
  const label = node.children[0].value;
  const url = node.url;
  return label === url || url === 'mailto:' + label || url === 'http://' + label || url === 'https://' + label || label.includes('://');
}

/** Extract the prose blocks of a document. Never throws on any string. */
export function extractProse(source: string, format: DocumentFormat, allowFrontMatter = true): Prose {
  // A byte order mark is kept in offsets; parse a space in its place so offsets stay aligned.
  const text = source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source;
  // Markdown the parser would take super-linear time on, or recurse too deeply for, is checked
  // as plain text instead (docs/robustness.md).
  if (format === 'text' || tooComplexForMarkdown(text)) return extractText(text);
  const tree = (allowFrontMatter ? processor : bodyProcessor).parse(text) as Root;
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
          builder.marker(OBJECT, pos?.start.offset ?? 0);
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
export function tooComplexForMarkdown(text: string): boolean {
  const n = text.length;
  let runs = 0;
  let brackets = 0;
  let codeRuns = 0;
  let angles = 0;
  let prev = 0;
  let lineStart = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      // Container depth of this line: block quote markers, list markers and indentation.
      let depth = 0;
      let k = i;
      let columns = 0;
      for (;;) {
        const d = text.charCodeAt(k);
        if (d === 32) columns++;
        else if (d === 9) columns += 4;
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
    if (c === 10 || c === 13) lineStart = true;
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
    blocks.push({ kind: 'paragraph', text: value, start: lineStart, end, segments: [{ text: 0, source: lineStart, length: value.length }] });
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
  let at = text.indexOf('<!--');
  while (at >= 0) {
    const close = text.indexOf('-->', at + 4);
    if (close < 0) break;
    out.push({ start: at, end: close + 3, value: text.slice(at, close + 3) });
    at = text.indexOf('<!--', close + 3);
  }
  return out;
}
