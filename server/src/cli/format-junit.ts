/**
 * JUnit XML for CI test reports: one testsuite per file, one failing testcase per finding (a file
 * with no findings has one passing testcase), files that could not be read as errors.
 */
import { VERSION } from '../node/version.js';
import { plural, type Report } from './report.js';
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

export function formatJunit(report: Report): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of report.results) {
    const cases: string[] = [];
    for (const f of r.findings) {
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const rule = f.entryId ?? f.ruleId;
      const body = [`${r.path}:${pos} ${f.severity} ${f.message} (${rule})`, ...(f.explanation ? [f.explanation] : []), ...(f.url ? [f.url] : [])].join('\n');
      cases.push(
        `    <testcase name="${escapeXml(`${pos} ${rule}: ${f.actual}`)}" classname="${escapeXml(r.path)}" file="${escapeXml(r.path)}" line="${f.range.start.line + 1}">\n` +
          `      <failure message="${escapeXml(f.message)}" type="${f.severity}">${escapeText(body)}</failure>\n` +
          `    </testcase>`,
      );
    }
    if (!cases.length) cases.push(`    <testcase name="no findings" classname="${escapeXml(r.path)}" file="${escapeXml(r.path)}"/>`);
    tests += cases.length;
    failures += r.findings.length;
    suites.push(
      `  <testsuite name="${escapeXml(r.path)}" tests="${cases.length}" failures="${r.findings.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  for (const e of report.errors) {
    tests++;
    suites.push(
      `  <testsuite name="${escapeXml(e.path)}" tests="1" failures="0" errors="1" skipped="0">\n` +
        `    <testcase name="read" classname="${escapeXml(e.path)}" file="${escapeXml(e.path)}">\n` +
        `      <error message="${escapeXml(e.message)}" type="read-error">${escapeText(`${e.path}: ${e.message}`)}</error>\n` +
        `    </testcase>\n  </testsuite>`,
    );
  }
  const name = `Plain Words ${VERSION}: ${plural(failures, 'finding')}`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${escapeXml(name)}" tests="${tests}" failures="${failures}" errors="${report.errors.length}">\n` +
    (suites.length ? suites.join('\n') + '\n' : '') +
    `</testsuites>\n`
  );
}
