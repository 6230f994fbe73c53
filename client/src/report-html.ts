/**
 * Renders the readability report as one HTML page for a webview. Pure: no VS Code API, so it is
 * tested directly. Everything from the document is escaped; the page loads nothing remote (its
 * Content-Security-Policy allows only its own nonce'd style and script).
 */
import type { ReportView, Range } from './protocol.js';

export interface RenderOptions {
  /** The webview's `cspSource` (used for nothing but the policy). */
  cspSource: string;
  /** A fresh random nonce for the inline style and script. */
  nonce: string;
  /** The document's file name, shown in the title. */
  documentName: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and for quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A whole number for display, or a dash when there is none. */
function num(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(Math.round(value)) : '–';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** How a reading age compares with the target, in words a non-specialist reads at a glance. */
export function verdict(age: number | null, target: number): { cls: 'ok' | 'close' | 'over' | 'none'; text: string } {
  if (age === null || !Number.isFinite(age)) return { cls: 'none', text: 'Not enough text to score' };
  const a = Math.round(age);
  if (a <= target) return { cls: 'ok', text: 'Easy enough for the intended readers' };
  if (a - target <= 2) return { cls: 'close', text: 'A little too hard: simplify the hardest sentences' };
  return { cls: 'over', text: 'Too hard for many readers' };
}

export const BAR_WIDTH = 150;

/** An SVG bar for one reading age with a marker at the target. Sizes are SVG attributes, not CSS, so the strict policy allows them. */
export function bar(age: number | null, target: number, scaleMax: number): string {
  const label = age === null ? `No reading age, target ${target}` : `Reading age ${num(age)}, target ${target}`;
  const cls = verdict(age, target).cls;
  const w = age === null ? 0 : Math.max(2, Math.min(BAR_WIDTH, Math.round((age / scaleMax) * BAR_WIDTH)));
  const t = Math.round((target / scaleMax) * BAR_WIDTH);
  return (
    `<svg class="bar" width="${BAR_WIDTH + 2}" height="18" viewBox="0 0 ${BAR_WIDTH + 2} 18" role="img" aria-label="${escapeHtml(label)}">` +
    `<rect class="track" x="1" y="3" width="${BAR_WIDTH}" height="12" rx="3"></rect>` +
    `<rect class="fill ${cls}" x="1" y="3" width="${w}" height="12" rx="3"></rect>` +
    `<line class="target" x1="${t + 1}" y1="0" x2="${t + 1}" y2="18"></line>` +
    `</svg>`
  );
}

function rangeAttrs(r: Range): string {
  return `data-sl="${r.start.line}" data-sc="${r.start.character}" data-el="${r.end.line}" data-ec="${r.end.character}"`;
}

/** The text shown in the status bar for a report (exported for tests). */
export function statusText(report: Pick<ReportView, 'readingAge' | 'target'>): string {
  const age = report.readingAge === null ? '–' : String(Math.round(report.readingAge));
  return `$(book) Reading age ${age} · target ${report.target}`;
}

export function isOverTarget(report: Pick<ReportView, 'readingAge' | 'target'>): boolean {
  return report.readingAge !== null && Math.round(report.readingAge) > report.target;
}

/** The full HTML page for a report. */
export function renderReport(report: ReportView, options: RenderOptions): string {
  const { nonce } = options;
  const target = report.target;
  const ages = [report.readingAge, ...report.sections.map((s) => s.readingAge)].filter((a): a is number => typeof a === 'number' && Number.isFinite(a));
  const scaleMax = Math.max(20, target + 4, ...ages.map((a) => Math.ceil(a) + 1));
  const overall = verdict(report.readingAge, target);
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${options.cspSource} data:`,
    "font-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');

  const sections = report.sections.length
    ? `<table class="sections"><thead><tr><th scope="col">Section</th><th scope="col">Reading age against target ${escapeHtml(target)}</th><th scope="col" class="n">Age</th><th scope="col" class="n">Words</th><th scope="col" class="n">Sentences</th></tr></thead><tbody>` +
      report.sections
        .map((s) => {
          const v = verdict(s.readingAge, target);
          return (
            `<tr class="${v.cls}"><th scope="row"><button class="jump linkish" ${rangeAttrs(s.range)} title="Go to this section">${escapeHtml(s.title || 'Untitled section')}</button></th>` +
            `<td>${bar(s.readingAge, target, scaleMax)}</td><td class="n age">${num(s.readingAge)}${s.reliable ? '' : '<span class="rough" title="Too short for a reliable score">*</span>'}</td><td class="n">${num(s.words)}</td><td class="n">${num(s.sentences)}</td></tr>`
          );
        })
        .join('') +
      `</tbody></table>` +
      (report.sections.some((s) => !s.reliable) ? `<p class="help">* A short section: its reading age is a rough guide only.</p>` : '')
    : `<p class="empty">No sections to show.</p>`;

  const sentences = report.hardestSentences.length
    ? `<ol class="sentences">` +
      report.hardestSentences
        .map(
          (s) =>
            `<li><button class="jump sentence" ${rangeAttrs(s.range)} title="Go to this sentence in the document">` +
            `<span class="pill ${verdict(s.readingAge, target).cls}">Age ${num(s.readingAge)}</span> ` +
            `<span class="text">${escapeHtml(s.text)}</span></button></li>`,
        )
        .join('') +
      `</ol>`
    : `<p class="empty">No hard sentences found.</p>`;

  const jargon = report.jargon.length
    ? `<table class="jargon"><thead><tr><th scope="col">Words found</th><th scope="col" class="n">Times</th><th scope="col">What to do</th></tr></thead><tbody>` +
      report.jargon.map((j) => `<tr><td class="term">${escapeHtml(j.text)}</td><td class="n">${num(j.count)}</td><td>${escapeHtml(j.advice)}</td></tr>`).join('') +
      `</tbody></table>`
    : `<p class="empty">No jargon found.</p>`;

  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/[&"<>]/g, (c) => ESCAPES[c]!)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Readability: ${escapeHtml(options.documentName)}</title>
<style nonce="${escapeHtml(nonce)}">${STYLE}</style>
</head>
<body>
<header>
<h1>Readability of ${escapeHtml(options.documentName)}</h1>
<div class="summary ${overall.cls}" id="summary">
<div class="big"><span class="label">Reading age</span> <span class="value" id="reading-age">${num(report.readingAge)}</span></div>
<div class="big"><span class="label">Target</span> <span class="value" id="target">${escapeHtml(target)}</span></div>
<p class="verdict">${escapeHtml(overall.text)}${report.readingAge !== null && !report.reliable ? escapeHtml(` (a rough guide: the document has fewer than ${report.minWords} words)`) : ''}</p>
</div>
<p class="counts" id="counts">${plural(report.words, 'word')} in ${plural(report.sentences, 'sentence')}. Audience: ${escapeHtml(report.audience)}.</p>
<p class="help">A reading age is the age at which a typical reader in the UK can read the text easily. Each bar shows a section; the line across it marks the target.</p>
</header>
<main>
<section aria-labelledby="h-sections"><h2 id="h-sections">Sections</h2>${sections}</section>
<section aria-labelledby="h-sentences"><h2 id="h-sentences">Hardest sentences</h2><p class="help">Select a sentence to go to it in the document.</p>${sentences}</section>
<section aria-labelledby="h-jargon"><h2 id="h-jargon">Jargon found</h2>${jargon}</section>
</main>
<script nonce="${escapeHtml(nonce)}">${SCRIPT}</script>
</body>
</html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 24px; line-height: 1.45; }
h1 { font-size: 1.4em; margin: 16px 0 8px; }
h2 { font-size: 1.1em; margin: 22px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, #8884); padding-bottom: 4px; }
.summary { display: flex; flex-wrap: wrap; align-items: baseline; gap: 24px; padding: 12px 16px; border-radius: 6px; border-left: 6px solid #888; background: var(--vscode-textBlockQuote-background, #8881); }
.summary.ok { border-left-color: #2e9e4f; } .summary.close { border-left-color: #d8a200; } .summary.over { border-left-color: #d4351c; }
.big .label { font-size: 0.95em; opacity: 0.8; } .big .value { font-size: 2em; font-weight: 600; }
.verdict { margin: 0; font-weight: 600; }
.counts { margin: 10px 0 0; } .rough { opacity: 0.7; margin-left: 1px; } td.term { font-weight: 600; } .help, .muted, .empty { opacity: 0.75; font-size: 0.95em; }
table { border-collapse: collapse; width: 100%; max-width: 900px; }
th, td { text-align: left; padding: 4px 6px; vertical-align: middle; border-bottom: 1px solid var(--vscode-panel-border, #8882); }
th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.over td.age { color: #d4351c; font-weight: 600; } tr.close td.age { color: #b07f00; font-weight: 600; }
svg.bar { display: block; }
svg.bar .track { fill: var(--vscode-editorWidget-background, #8882); stroke: var(--vscode-panel-border, #8886); }
svg.bar .fill.ok { fill: #2e9e4f; } svg.bar .fill.close { fill: #d8a200; } svg.bar .fill.over { fill: #d4351c; } svg.bar .fill.none { fill: transparent; }
svg.bar .target { stroke: var(--vscode-foreground); stroke-width: 2; }
button.jump { font: inherit; color: inherit; background: none; border: 0; padding: 2px 0; cursor: pointer; text-align: left; }
button.linkish { color: var(--vscode-textLink-foreground); font-weight: 600; }
button.jump:hover .text, button.linkish:hover { text-decoration: underline; }
button.jump:focus-visible { outline: 2px solid var(--vscode-focusBorder); }
ol.sentences { padding-left: 1.6em; max-width: 900px; } ol.sentences li { margin: 6px 0; } button.sentence { vertical-align: top; }
.pill { display: inline-block; min-width: 4.2em; padding: 0 6px; border-radius: 9px; font-size: 0.85em; font-weight: 600; color: #fff; background: #777; text-align: center; }
.pill.ok { background: #2e7d32; } .pill.close { background: #8a6500; } .pill.over { background: #b3261e; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const el = event.target instanceof Element ? event.target.closest('button.jump') : null;
  if (!el) return;
  const n = (k) => Number(el.getAttribute(k));
  vscode.postMessage({ type: 'reveal', range: { start: { line: n('data-sl'), character: n('data-sc') }, end: { line: n('data-el'), character: n('data-ec') } } });
});
`;

/** A message from the report page, checked: the page is trusted no more than any other input. */
export function parseReportMessage(message: unknown): { type: 'reveal'; range: Range } | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as { type?: unknown; range?: unknown };
  if (m.type !== 'reveal' || !m.range || typeof m.range !== 'object') return undefined;
  const r = m.range as Record<string, Record<string, unknown> | undefined>;
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const s = r.start, e = r.end;
  if (!s || !e || !ok(s.line) || !ok(s.character) || !ok(e.line) || !ok(e.character)) return undefined;
  return { type: 'reveal', range: { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } } };
}
