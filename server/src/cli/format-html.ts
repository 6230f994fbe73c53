/**
 * A self-contained HTML report for people who do not use an editor: each document with its
 * jargon highlighted (the suggestion shows on hover or keyboard focus), the reading age of each
 * section, and a list of suggestions. One file, no scripts, nothing loaded from anywhere (its
 * Content-Security-Policy forbids it), and every piece of document text is escaped.
 */
import { LineIndex, type Finding, type Severity } from '../engine/index.js';
import { VERSION } from '../node/version.js';
import { fixOf, isOverMax, plural, readingAgeOf, sectionsOf, SEVERITIES, totals, type FileResult, type RenderContext, type RunSummary } from './report.js';
import { wellFormed } from './terminal.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return wellFormed(s)
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Must fix', warning: 'Should fix', info: 'Consider', hint: 'Hint' };

function ageClass(age: number | null, target: number | undefined, max: number | undefined): string {
  if (age === null) return 'none';
  const limit = max ?? target;
  if (limit === undefined) return 'plain';
  const a = Math.round(age);
  return a <= limit ? 'ok' : a - limit <= 2 ? 'close' : 'over';
}

function ageText(age: number | null): string {
  return age === null ? 'Not enough text to score' : `Reading age ${Math.round(age)}`;
}

function tip(f: Finding): string {
  const fix = fixOf(f);
  const parts = [`<b>${escapeHtml(f.message)}</b>`];
  if (f.explanation) parts.push(`<span class="why">${escapeHtml(f.explanation)}</span>`);
  if (fix) parts.push(`<span class="fix">Suggested: “${escapeHtml(fix.text)}”</span>`);
  return `<span class="tip" role="tooltip">${parts.join('')}</span>`;
}

/** Findings about a whole sentence: shown as a highlighted sentence, like a Hemingway view. */
const SENTENCE_RULES = new Set(['hard-sentence', 'long-sentence']);
/** Findings about a whole paragraph: shown as a badge where the paragraph starts. */
const PARAGRAPH_RULES = new Set(['reading-age']);

/**
 * The document text with sentences and words highlighted and reading-age badges at sections
 * and hard paragraphs. Highlights nest properly: a word inside a highlighted sentence is marked
 * inside it; a word mark that would cross a sentence's edge is left out (it is still listed).
 */
function renderText(r: FileResult, doc: number, maxAge: number | undefined, target: number | undefined): string {
  const idOf = (i: number) => `d${doc}-f${i}`;
  const text = r.text;
  const lines = new LineIndex(text);
  // Orders at one offset: inner close, outer close, badges, outer open, inner open.
  type Event = { at: number; order: number; html: string };
  const events: Event[] = [];
  const outer: Array<{ start: number; end: number }> = [];
  const inner: Array<{ start: number; end: number }> = [];
  const tipOf = (f: Finding, i: number) => tip(f).replace('role="tooltip"', `role="tooltip" id="${idOf(i)}-tip"`);
  r.findings.forEach((f, i) => {
    if (!SENTENCE_RULES.has(f.ruleId) || f.end <= f.start) return;
    if (outer.length && f.start < outer[outer.length - 1].end) return;
    outer.push({ start: f.start, end: f.end });
    events.push({ at: f.start, order: 3, html: `<span class="s ${f.severity}" tabindex="0" id="${idOf(i)}" aria-describedby="${idOf(i)}-tip">` });
    events.push({ at: f.end, order: 1, html: `${tipOf(f, i)}</span>` });
  });
  const crossesOuter = (start: number, end: number) => outer.some((o) => (start < o.start && end > o.start) || (start < o.end && end > o.end));
  r.findings.forEach((f, i) => {
    if (SENTENCE_RULES.has(f.ruleId) || f.end <= f.start) return;
    if (PARAGRAPH_RULES.has(f.ruleId)) {
      events.push({ at: f.start, order: 2, html: `<span class="age para ${f.severity}" tabindex="0" id="${idOf(i)}" aria-describedby="${idOf(i)}-tip">Hard paragraph${tipOf(f, i)}</span>` });
      return;
    }
    if ((inner.length && f.start < inner[inner.length - 1].end) || crossesOuter(f.start, f.end)) return;
    inner.push({ start: f.start, end: f.end });
    events.push({ at: f.start, order: 4, html: `<mark class="f ${f.severity}" tabindex="0" id="${idOf(i)}" aria-describedby="${idOf(i)}-tip">` });
    events.push({ at: f.end, order: 0, html: `${tipOf(f, i)}</mark>` });
  });
  for (const s of sectionsOf(r.readability)) {
    // Sections too short to score get no badge: a page of "not enough text" helps nobody.
    if (s.age === null) continue;
    const at = s.line < lines.lineCount ? lines.starts[s.line] : text.length;
    // A badge never goes inside a word mark.
    if (inner.some((m) => m.start < at && m.end > at)) continue;
    events.push({ at, order: 2, html: `<span class="age ${ageClass(s.age, target, maxAge)}" title="${escapeHtml(s.title)}">${escapeHtml(ageText(s.age))}</span>` });
  }
  // Paragraph badges inside a word mark would break nesting: move them before it.
  for (const e of events) {
    if (e.order !== 2) continue;
    const m = inner.find((x) => x.start < e.at && x.end > e.at);
    if (m) e.at = m.start;
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  let at = 0;
  for (const e of events) {
    out += escapeHtml(text.slice(at, e.at)) + e.html;
    at = e.at;
  }
  return out + escapeHtml(text.slice(at));
}

const STYLE = `
:root{--ink:#0b0c0c;--muted:#505a5f;--line:#b1b4b6;--bg:#fff;--panel:#f3f2f1;--error:#d4351c;--warning:#f47738;--info:#1d70b8;--hint:#6f777b;--ok:#00703c;--close:#b58840}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header,main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem}
header{border-bottom:4px solid var(--info)}
h1{font-size:1.75rem;margin:.25rem 0}
h2{font-size:1.3rem;margin:2rem 0 .25rem;word-break:break-all}
.meta{color:var(--muted);margin:.25rem 0 1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
th{font-weight:600}
td.path{word-break:break-all}
.doc{white-space:pre-wrap;overflow-wrap:anywhere;font:1.05rem/1.7 Georgia,"Times New Roman",serif;background:var(--panel);padding:1rem 1.25rem;border-left:4px solid var(--line)}
mark.f{position:relative;background:#fff2cc;color:inherit;border-bottom:2px solid var(--warning);cursor:help;padding:0 1px}
mark.error{background:#f6d7d2;border-color:var(--error)}
mark.info{background:#d2e2f1;border-color:var(--info)}
mark.hint{background:#e8e8e8;border-color:var(--hint)}
mark.f:focus{outline:3px solid #fd0;outline-offset:1px}
.tip{display:none;position:absolute;left:0;top:1.6em;z-index:2;width:min(24rem,80vw);white-space:normal;font:.9rem/1.4 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;background:var(--ink);color:#fff;padding:.6rem .75rem;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.3)}
.tip b{display:block;font-weight:600}
.tip .why,.tip .fix{display:block;margin-top:.35rem}
.tip .fix{color:#b7f0c8}
mark.f:hover>.tip,mark.f:focus>.tip{display:block}
.s{position:relative;background:#fcf3c4;cursor:help}
.s.warning,.s.error{background:#f7d4cc}
.s:focus{outline:3px solid #fd0;outline-offset:1px}
.s:hover:not(:has(mark:hover))>.tip,.s:focus>.tip{display:block}
.age.para{position:relative;cursor:help;background:var(--close)}
.age.para:hover>.tip,.age.para:focus>.tip{display:block;font-weight:400}
.age{display:inline-block;font:600 .8rem/1.4 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;padding:0 .45rem;margin-right:.4rem;border-radius:3px;background:var(--muted);color:#fff;vertical-align:.1em}
.age.ok{background:var(--ok)}.age.close{background:var(--close)}.age.over{background:var(--error)}.age.none{background:var(--hint)}
.badge{display:inline-block;white-space:nowrap;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.85rem;font-weight:600}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning);color:#0b0c0c}.badge.info{background:var(--info)}.badge.hint{background:var(--hint)}
.errors{border-left:4px solid var(--error);padding:.5rem 1rem;background:#fbeae8}
.legend span{margin-right:1rem}
@media print{.tip{display:none!important}}
`;

/** A document's section: its text with highlights and section reading ages, then its suggestions. */
export function htmlFile(r: FileResult, ctx: RenderContext, index: number): string {
  const id = index + 1;
  const ra = readingAgeOf(r.readability);
  let body = `<section aria-labelledby="d${id}-h"><h2 id="d${id}-h"><a id="d${id}"></a>${escapeHtml(r.path)}</h2>\n`;
  const meta = [plural(r.findings.length, 'suggestion')];
  if (ra) meta.unshift(ra.age === null || !ra.reliable ? `Too little text for a reading age (target ${ra.target})` : `Reading age ${Math.round(ra.age)} (target ${ra.target})`);
  if (isOverMax(ra, ctx.maxReadingAge)) meta.push(`over the maximum reading age of ${ctx.maxReadingAge}`);
  body += `<p class="meta">${escapeHtml(meta.join(' · '))}</p>\n`;
  body += `<div class="doc">${renderText(r, id, ctx.maxReadingAge, ra?.target)}</div>\n`;
  if (r.findings.length) {
    body += '<table><thead><tr><th>Line</th><th>Words</th><th>Suggestion</th><th>Level</th></tr></thead><tbody>\n';
    r.findings.forEach((f, i) => {
      body += `<tr><td><a href="#d${id}-f${i}">${f.range.start.line + 1}</a></td><td>${escapeHtml(f.actual)}</td><td>${escapeHtml(f.message)}</td><td><span class="badge ${f.severity}">${SEVERITY_LABEL[f.severity]}</span></td></tr>\n`;
    });
    body += '</tbody></table>\n';
  }
  return body + '</section>\n';
}

/** The page up to the documents: summary, errors, and a table of documents with their reading ages. */
export function htmlHead(s: RunSummary): string {
  const t = totals(s.files);
  const total = SEVERITIES.reduce((n, k) => n + t[k], 0);
  let body = `<header><h1>Plain Words report</h1><p class="meta">${escapeHtml(
    `${plural(s.files.length, 'document')} checked, ${plural(total, 'suggestion')}` + (s.baselined ? ` (${s.baselined} known ones not shown)` : '') + '.',
  )} Hover over or tab to a highlighted word to see a plainer way to say it.</p></header>\n<main>\n`;
  if (s.errors.length) {
    body += `<section class="errors"><h2>Documents that could not be checked</h2><ul>${s.errors
      .map((e) => `<li><b>${escapeHtml(e.path)}</b>: ${escapeHtml(e.message)}</li>`)
      .join('')}</ul></section>\n`;
  }
  body += '<table><thead><tr><th>Document</th><th>Reading age</th><th>Suggestions</th></tr></thead><tbody>\n';
  for (const f of s.files) {
    const ra = f.readingAge;
    const scored = ra && ra.reliable && ra.age !== null;
    const age = ra
      ? `<span class="age ${scored ? ageClass(ra.age, ra.target, s.maxReadingAge) : 'none'}">${scored ? Math.round(ra.age!) : 'Not scored'}</span> target ${ra.target}`
      : '–';
    const n = SEVERITIES.reduce((k, x) => k + f.counts[x], 0);
    body += `<tr><td class="path"><a href="#d${f.index + 1}">${escapeHtml(f.path)}</a></td><td>${age}</td><td>${n}</td></tr>\n`;
  }
  body += '</tbody></table>\n';
  body += `<p class="legend">${SEVERITIES.map((k) => `<span><span class="badge ${k}">${SEVERITY_LABEL[k]}</span></span>`).join('')}</p>\n`;
  return (
    `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="Plain Words ${escapeHtml(VERSION)}">\n` +
    `<title>Plain Words report</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}`
  );
}

export function htmlTail(): string {
  return `</main>\n</body>\n</html>\n`;
}
