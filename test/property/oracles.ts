// Checks shared by property tests and `npm run fuzz`. Each throws an Error that says what is
// wrong and where, so that a shrunk counterexample reads on its own.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit } from '../../server/src/engine/index.js';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const MARK = /^\p{M}/u;
const BASE = /^[\p{L}\p{N}]/u;

/** Why an offset is not a place a range may start or end, or undefined when it is fine. */
export function badBoundary(text: string, offset: number): string | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return `offset ${offset} is outside the text (length ${text.length})`;
  if (offset > 0 && offset < text.length) {
    const before = text.charCodeAt(offset - 1);
    const after = text.charCodeAt(offset);
    if (isHigh(before) && isLow(after)) return `offset ${offset} splits a surrogate pair`;
    if (before === 13 && after === 10) return `offset ${offset} splits a CRLF`;
    if (MARK.test(text.slice(offset, offset + 2))) {
      // Walk back over marks to the base character: a letter or digit keeps its marks.
      let k = offset;
      while (k > 0 && MARK.test(text.slice(k - 1, k))) k--;
      const base = k > 0 ? String.fromCodePoint(text.codePointAt(isLow(text.charCodeAt(k - 1)) && k > 1 ? k - 2 : k - 1)!) : '';
      if (BASE.test(base)) return `offset ${offset} separates "${base}" from its combining mark`;
    }
  }
  return undefined;
}

/** True when a string has no lone surrogate (what a strict JSON or UTF-8 encoder needs). */
export function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c)) {
      if (!isLow(s.charCodeAt(i + 1))) return false;
      i++;
    } else if (isLow(c)) return false;
  }
  return true;
}

function fail(text: string, f: Finding | TextEdit, why: string): never {
  const at = 'ruleId' in f ? `${f.ruleId}${f.entryId ? `/${f.entryId}` : ''} [${f.start}, ${f.end})` : `edit [${f.start}, ${f.end}) → ${JSON.stringify(f.newText)}`;
  throw new Error(`${at}: ${why}\n  text: ${JSON.stringify(text.length > 400 ? text.slice(Math.max(0, f.start - 100), f.end + 100) : text)}`);
}

/**
 * Every finding: offsets inside the text and on boundaries (no split surrogate pair, CRLF or
 * combining mark), positions equal to an independent LSP TextDocument's, `actual` equal to the
 * text at the range, messages well formed, and replacement edits valid and next to the finding.
 */
export function assertValidFindings(text: string, findings: Finding[]): void {
  const doc = TextDocument.create('file:///x.md', 'markdown', 0, text);
  let last = -1;
  for (const f of findings) {
    if (f.start > f.end) fail(text, f, 'start after end');
    for (const o of [f.start, f.end]) {
      const bad = badBoundary(text, o);
      if (bad) fail(text, f, bad);
    }
    if (f.start < last) fail(text, f, `findings out of order (previous started at ${last})`);
    last = f.start;
    const start = doc.positionAt(f.start);
    const end = doc.positionAt(f.end);
    if (f.range.start.line !== start.line || f.range.start.character !== start.character || f.range.end.line !== end.line || f.range.end.character !== end.character) {
      fail(text, f, `range ${JSON.stringify(f.range)} but the offsets are at ${JSON.stringify({ start, end })}`);
    }
    if (f.actual !== text.slice(f.start, f.end)) fail(text, f, `actual ${JSON.stringify(f.actual)} is not the text at the range ${JSON.stringify(text.slice(f.start, f.end))}`);
    if (!isWellFormed(f.message)) fail(text, f, `message has a lone surrogate: ${JSON.stringify(f.message)}`);
    if (!['error', 'warning', 'info', 'hint'].includes(f.severity)) fail(text, f, `severity ${String(f.severity)}`);
    for (const r of f.replacements) {
      const e = r.edit;
      if (e.start > e.end) fail(text, e, 'edit start after end');
      for (const o of [e.start, e.end]) {
        const bad = badBoundary(text, o);
        if (bad) fail(text, e, `replacement edit of ${f.ruleId}/${f.entryId}: ${bad}`);
      }
      if (e.end < f.start || e.start > f.end) fail(text, e, `replacement edit does not touch its finding [${f.start}, ${f.end})`);
      if (!isWellFormed(r.text) || !isWellFormed(e.newText)) fail(text, e, 'replacement has a lone surrogate');
    }
  }
}

/**
 * Applied edits (sorted, from applyFixes) turned `before` into `after` and changed nothing
 * else: the text between edits is unchanged and in place.
 */
export function assertOnlyEditsChanged(before: string, after: string, applied: TextEdit[]): void {
  let at = 0;
  let out = 0;
  for (const e of applied) {
    if (e.start < at) throw new Error(`applied edits overlap at ${e.start}`);
    const kept = before.slice(at, e.start);
    if (after.slice(out, out + kept.length) !== kept) throw new Error(`text outside the edits changed between ${at} and ${e.start}: ${JSON.stringify(kept)} became ${JSON.stringify(after.slice(out, out + kept.length))}`);
    out += kept.length;
    if (after.slice(out, out + e.newText.length) !== e.newText) throw new Error(`edit at ${e.start} did not put ${JSON.stringify(e.newText)}`);
    out += e.newText.length;
    at = e.end;
  }
  const tail = before.slice(at);
  if (after.slice(out) !== tail) throw new Error(`text after the last edit changed: ${JSON.stringify(tail.slice(0, 80))} became ${JSON.stringify(after.slice(out, out + 80))}`);
}

/** Findings without what depends on nothing but the text (for equality across runs). */
export function comparable(findings: Finding[]): unknown[] {
  return findings.map((f) => ({ ...f }));
}
