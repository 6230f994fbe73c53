/**
 * JUnit XML for CI test reports: one testsuite per file, one failing testcase per finding (a file
 * with no findings has one passing testcase), files that could not be read as errors.
 */
import { VERSION } from '../node/version.js';
import { isOverMax, plural, readingAgeOf, SEVERITIES, totals, type FileResult, type RenderContext, type RunSummary } from './report.js';
import { wellFormed } from './terminal.js';

/** Escape text for XML content and attribute values; characters XML 1.0 forbids become U+FFFD. */
export function escapeXml(s: string): string {
  return wellFormed(s)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Escape element content (line breaks kept as they are). */
function escapeText(s: string): string {
  return escapeXml(s).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}

const MAX_NAME = 80;

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > MAX_NAME ? one.slice(0, MAX_NAME - 1) + '…' : one;
}

/** A file's testsuite. */
export function junitFile(r: FileResult, ctx: RenderContext): string {
  const cases: string[] = [];
  const path = escapeXml(r.path);
  if (isOverMax(readingAgeOf(r.readability), ctx.maxReadingAge)) {
    const message = `The reading age is ${Math.round(readingAgeOf(r.readability)!.age!)}, over the maximum of ${ctx.maxReadingAge}.`;
    cases.push(
      `    <testcase name="reading age" classname="${path}" file="${path}">\n` +
        `      <failure message="${escapeXml(message)}" type="error">${escapeText(`${r.path}: ${message}`)}</failure>\n    </testcase>`,
    );
  }
  for (const f of r.findings) {
    const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const rule = f.entryId ?? f.ruleId;
    const body = [`${r.path}:${pos} ${f.severity} ${f.message} (${rule})`, ...(f.explanation ? [f.explanation] : []), ...(f.url ? [f.url] : [])].join('\n');
    cases.push(
      `    <testcase name="${escapeXml(`${pos} ${rule}: ${short(f.actual)}`)}" classname="${path}" file="${path}" line="${f.range.start.line + 1}">\n` +
        `      <failure message="${escapeXml(f.message)}" type="${f.severity}">${escapeText(body)}</failure>\n` +
        `    </testcase>`,
    );
  }
  const failures = cases.length;
  if (!cases.length) cases.push(`    <testcase name="no findings" classname="${path}" file="${path}"/>`);
  return `  <testsuite name="${path}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>\n`;
}

/** The root element, with totals (the suites are kept until the end for them). */
export function junitHead(s: RunSummary): string {
  const t = totals(s.files);
  const findings = SEVERITIES.reduce((n, k) => n + t[k], 0);
  const over = s.files.filter((f) => f.overMax).length;
  const tests = s.files.reduce((n, f) => n + Math.max(1, SEVERITIES.reduce((k, x) => k + f.counts[x], 0) + (f.overMax ? 1 : 0)), 0) + s.errors.length;
  const name = `Plain Words ${VERSION}: ${plural(findings, 'finding')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeXml(name)}" tests="${tests}" failures="${findings + over}" errors="${s.errors.length}">\n`;
}

/** Files that could not be read, as errors, and the end of the root. */
export function junitTail(s: RunSummary): string {
  let out = '';
  for (const e of s.errors) {
    const path = escapeXml(e.path);
    out +=
      `  <testsuite name="${path}" tests="1" failures="0" errors="1" skipped="0">\n` +
      `    <testcase name="read" classname="${path}" file="${path}">\n` +
      `      <error message="${escapeXml(e.message)}" type="read-error">${escapeText(`${e.path}: ${e.message}`)}</error>\n` +
      `    </testcase>\n  </testsuite>\n`;
  }
  return out + `</testsuites>\n`;
}
