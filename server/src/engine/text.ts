/**
 * Offsets and positions. Offsets are UTF-16 code units of the checked string (what JavaScript
 * strings index), so they are LSP positions by construction. Line breaks are \n, \r\n and \r.
 */
import { firstAtOrAfter } from './lists.js';
import type { Position } from './types.js';

const offset = (n: number) => n;

/**
 * The next \n and the next \r at or after an offset, by native search (far faster than a loop
 * over every character; this runs on every keystroke in an editor). Offsets asked for must not
 * decrease.
 */
export class LineBreaks {
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly text: string) {}

  /** The next \n at or after `i`, or -1. */
  lf(i: number): number {
    if (this.nextLf !== -1 && this.nextLf < i) this.nextLf = this.text.indexOf('\n', i);
    return this.nextLf;
  }

  /** The next \r at or after `i`, or -1. */
  cr(i: number): number {
    if (this.nextCr !== -1 && this.nextCr < i) this.nextCr = this.text.indexOf('\r', i);
    return this.nextCr;
  }
}

export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];

  /** The index of `text`; `starts` when they are known already (see afterChange). */
  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    this.starts = starts ?? lineStarts(text);
  }

  /**
   * The index of `text`, worked out from the index of the version before it and the change
   * between them: [start, oldEnd) of the old text became [start, newEnd) of `text`, and the rest
   * is the same (the caller has checked it). Only the changed part is searched for breaks.
   */
  static afterChange(old: LineIndex, text: string, change: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const { start, oldEnd, newEnd } = change;
    const o = old.starts;
    // Whether an offset starts a line depends on the character before it and its own (after
    // \n, or after \r not followed by \n). Old starts before `start` have both before the
    // change; old starts after `oldEnd` have both after it, and move by the change's length.
    const before = firstAtOrAfter(o, start, offset);
    const after = firstAtOrAfter(o, oldEnd + 1, offset);
    const within: number[] = start === 0 ? [0] : [];
    for (let s = Math.max(start, 1); s <= newEnd; s++) {
      const c = text.charCodeAt(s - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(s) !== 10)) within.push(s);
    }
    // Copied whole (much faster than one push per line), then the moved part shifted in place.
    const starts = o.slice(0, before).concat(within, o.slice(after));
    const delta = newEnd - oldEnd;
    if (delta !== 0) for (let k = before + within.length; k < starts.length; k++) starts[k] += delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of an offset (clamped to the text). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** The offset of a position (clamped to the line, excluding its line break). */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.max(start, Math.min(start + pos.character, end));
  }

  /** Offset just before the line's break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}

/** Offset at which each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = new LineBreaks(text);
  for (let i = 0; ; ) {
    const lf = breaks.lf(i);
    const cr = breaks.cr(i);
    if (cr >= 0 && (lf < 0 || cr < lf)) i = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    else if (lf >= 0) i = lf + 1;
    else break;
    starts.push(i);
  }
  return starts;
}

/**
 * Where a chunk of a document stands: its offset and that offset's line and character. Results
 * kept with a chunk's analysis remember the place they were computed at and are moved to the
 * chunk's place in a later version of the document (chunks start at line starts, so only the
 * first line's characters can depend on the place).
 */
export interface Place {
  start: number;
  line: number;
  character: number;
}

export function placeOf(lines: LineIndex, start: number): Place {
  const p = lines.position(start);
  return { start, line: p.line, character: p.character };
}

/** A position computed with its chunk at `from`, for the chunk at `to` (a new object). */
export function movePosition(p: Position, from: Place, to: Place): Position {
  return p.line === from.line ? { line: to.line, character: p.character - from.character + to.character } : { line: p.line - from.line + to.line, character: p.character };
}

export function moveRange(r: { start: Position; end: Position }, from: Place, to: Place): { start: Position; end: Position } {
  return { start: movePosition(r.start, from, to), end: movePosition(r.end, from, to) };
}

const placesMemo = new WeakMap<object, Place[]>();

/** The place of each chunk of a document (memoised per list of chunks). */
export function placesOf(lines: LineIndex, chunks: ReadonlyArray<{ start: number }>): Place[] {
  let places = placesMemo.get(chunks);
  if (!places) {
    places = chunks.map((c) => placeOf(lines, c.start));
    placesMemo.set(chunks, places);
  }
  return places;
}

/**
 * The string with each lone surrogate replaced by U+FFFD: strict JSON, XML and UTF-8 encoders
 * (editors' language clients, SARIF and JUnit readers) reject lone surrogates.
 */
export function wellFormed(s: string): string {
  // Fast path: no surrogate at all (almost every message).
  if (!/[\ud800-\udfff]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += s[i] + s[i + 1];
      i++;
    } else out += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : s[i];
  }
  return out;
}

/**
 * The first sentence of a text, with its full stop: a full stop (or "!" or "?") before a space
 * and a capital, a quote or a bracket ends it, so "e.g. a form" does not. The whole text when
 * it is one sentence.
 */
export function firstSentence(text: string): string {
  const t = text.trim();
  const end = /[.!?](?=\s+[A-Z'"‘“(])/.exec(t);
  return end ? t.slice(0, end.index + 1) : t;
}

/**
 * A string equal to `s` that does not refer to a longer string it was sliced from, and is read
 * quickly. A JSON round trip makes a new flat string that refers to nothing else, and V8 stores
 * it in one byte a character when every character fits. A slice of a text with one curly quote
 * in it is two bytes a character however plain the slice: kept strings took twice the room (a
 * joined copy keeps the two bytes), and reading one character at a time (the tokenizer, the
 * readability counts) took about twice as long as in a one-byte copy.
 */
export function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** The next character after `end` past spaces and line breaks ('' at the end of the text). */
export function nextAfterSpaces(text: string, end: number): string {
  let k = end;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r' || text[k] === '\u00a0')) k++;
  return text.charAt(k);
}
