// Output formats beyond their golden files: SARIF against the official 2.1.0 schema and the
// official validator, JSON against schemas/report.schema.json, HTML that no document can
// inject into, XML that stays well formed whatever the document holds, and escaping rules.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../server/src/cli/format-github.js';
import { escapeXml } from '../../server/src/cli/format-junit.js';
import { escapeHtml } from '../../server/src/cli/format-html.js';
import { buildCase, ROOT, runCli, tempDir } from './harness.js';
import { multitoolValidate, sarifValidator } from './sarif-tools.js';

const root = tempDir('plainwords-formats-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NASTY = [
  '# <script>alert(1)</script> heading',
  '',
  'We utilise <img src=x onerror=alert(2)> and "quotes" & \'apostrophes\' in order to test.',
  'A leverage</mark></span><b onclick=alert(3)>bold</b> attempt with `<code>` and \u0001 a control character.',
  '',
  '<!-- a comment that says utilise -->',
  '',
  'Tricky text: ]]> </textarea> <style>body{display:none}</style> utilise.',
  '',
].join('\n');

function project(name: string, files: Record<string, string> = {}): string {
  const dir = join(root, name);
  buildCase({ description: name, project: 'basic', files, args: [] }, dir);
  return dir;
}

describe('sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema and passes Sarif.Multitool validate', async () => {
    const dir = project('sarif', { 'docs/nasty.md': NASTY, 'docs/ünï cödé, 100%.md': 'We utilise it.\n' });
    // A file that cannot be read is reported as a tool notification; the log stays valid.
    writeFileSync(join(dir, 'docs/broken.md'), Buffer.from([0x77, 0xff, 0x0a]));
    const r = await runCli(['check', '--no-builtin', '--format', 'sarif', '--output', 'report.sarif', 'docs'], { cwd: dir });
    expect(r.code).toBe(2);
    const sarif = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain('docs/broken.md');
    // One rule per dictionary entry with results, each described and linked to its docs.
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.map((x: { id: string }) => x.id)).toEqual(['going-forward', 'icb', 'in-order-to', 'leverage', 'stakeholder', 'utilise']);
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(5);
      expect(rule.fullDescription.text.length).toBeGreaterThan(5);
      expect(rule.help.text.length).toBeGreaterThan(5);
      expect(rule.helpUri).toMatch(new RegExp(`#${rule.id}$`));
    }
    const results = sarif.runs[0].results;
    const unicode = results.find((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0].physicalLocation.artifactLocation.uri.includes('%C3%BC'));
    expect(unicode.locations[0].physicalLocation.artifactLocation.uri).toBe('docs/%C3%BCn%C3%AF%20c%C3%B6d%C3%A9%2C%20100%25.md');
    // Fixes: one per replacement, as artifact changes.
    const utilise = results.find((x: { ruleId: string }) => x.ruleId === 'utilise');
    expect(utilise.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('use');

    const found = multitoolValidate(join(dir, 'report.sarif'), dir);
    expect(found.filter((x) => x.level === 'error'), JSON.stringify(found, null, 2)).toEqual([]);
    expect(found.filter((x) => x.level === 'warning'), JSON.stringify(found, null, 2)).toEqual([]);
  });

  it('the schema check is not a rubber stamp: a broken log fails it', async () => {
    const validate = sarifValidator();
    const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'severe' }] }] };
    expect(validate(bad)).toBe(false);
  });
});

describe('json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8')));

  it('matches schemas/report.schema.json, with findings, readability, errors and the reading-age gate', async () => {
    const dir = project('json', { 'docs/nasty.md': NASTY });
    writeFileSync(join(dir, 'docs/broken.md'), Buffer.from([0x77, 0xff, 0x0a]));
    const r = await runCli(['check', '--no-builtin', '--format', 'json', '--max-reading-age', '12', 'docs'], { cwd: dir });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(report.errors).toEqual([{ path: 'docs/broken.md', message: 'is not valid UTF-8 (first bad byte at offset 1)' }]);
    expect(report.summary.exitCode).toBe(2);
    expect(report.files.every((f: { readability: unknown }) => f.readability)).toBe(true);
  });

  it('a report with fixes and a baseline matches too', async () => {
    const dir = project('json-fix');
    expect((await runCli(['check', '--no-builtin', '--write-baseline', 'base.json', 'docs/letter.txt'], { cwd: dir })).code).toBe(0);
    const r = await runCli(['check', '--no-builtin', '--format', 'json', '--fix', '--baseline', 'base.json', 'docs'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(report.files.find((f: { path: string }) => f.path === 'docs/letter.txt').fixed).toBe(2);
  });
});

/** Every tag in a page, with its attributes (the inline style sheet skipped). */
function tags(html: string): Array<{ name: string; attrs: string }> {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  return [...body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!DOCTYPE html>/g)].map((m) => ({ name: (m[1] ?? '!doctype').toLowerCase(), attrs: m[2] ?? '' }));
}

describe('html', () => {
  it('no document text, file name or dictionary text can inject HTML', async () => {
    const dir = project('html', { 'docs/nasty.md': NASTY, 'docs/x"><svg onload=alert(4)>.md': 'We utilise <svg onload=alert(5)>.\n' });
    // Dictionary text reaches the page too (messages and explanations).
    const entryFile = join(dir, 'dictionary/government-jargon/utilise.json');
    const entry = JSON.parse(readFileSync(entryFile, 'utf8'));
    entry.why = "'Utilise' <script>alert(6)</script> is long & \"formal\".";
    writeFileSync(entryFile, JSON.stringify(entry));
    const r = await runCli(['check', '--no-builtin', '--format', 'html', 'docs'], { cwd: dir });
    expect(r.code).toBe(1);
    const html = r.stdout;
    const allowed = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'h1', 'h2', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'section', 'div', 'span', 'mark', 'b', 'ul', 'li']);
    for (const t of tags(html)) {
      expect(allowed.has(t.name), `unexpected <${t.name}${t.attrs}>`).toBe(true);
      // Attributes: only these names, every value quoted, no event handlers, links only within the page.
      const attrs = [...t.attrs.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)];
      for (const [, name, value] of attrs) {
        expect(['class', 'id', 'href', 'tabindex', 'role', 'title', 'lang', 'charset', 'name', 'content', 'http-equiv', 'aria-describedby', 'aria-labelledby']).toContain(name);
        if (name === 'href') expect(value).toMatch(/^#d\d+(-f\d+)?$/);
      }
      expect(t.attrs.replace(/="[^"]*"/g, '')).toMatch(/^[\sa-zA-Z-/]*$/);
    }
    // The text is all there, escaped.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('x&quot;&gt;&lt;svg onload=alert(4)&gt;.md');
    expect(html).toContain('&lt;script&gt;alert(6)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img|<svg|<textarea|javascript:/i);
    // Self-contained: nothing loaded from anywhere, and a policy that forbids it anyway.
    expect(html).not.toMatch(/(src|href)="(?!#)/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
  });

  it('escapeHtml escapes the five characters and drops control characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>\u0001`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;\ufffd');
  });
});

describe('junit', () => {
  it('stays well formed XML whatever the documents hold', async () => {
    const dir = project('junit', { 'docs/nasty.md': NASTY, 'docs/a&b <c>.md': 'We utilise it.\n' });
    const r = await runCli(['check', '--no-builtin', '--format', 'junit', 'docs'], { cwd: dir });
    expect(r.code).toBe(1);
    const xml = r.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    // No character XML 1.0 forbids, every & starts an entity, < only starts markup.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    const withoutTags = xml.replace(/<\?xml[^>]*\?>|<\/?[a-z]+(\s+[a-z]+="[^"<>]*")*\s*\/?>/g, '');
    expect(withoutTags).not.toMatch(/[<>"]/);
    // Elements balance.
    const stack: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([a-z]+)(?:\s+[a-z]+="[^"]*")*\s*(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]);
    }
    expect(stack).toEqual([]);
    expect(xml).toContain('name="docs/a&amp;b &lt;c&gt;.md"');
    expect(escapeXml('a\u0001\ud800b')).toBe('a\ufffd\ufffdb');
  });
});

describe('github annotations', () => {
  it('escape % \\r \\n in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('docs/a, b: 100%\n.md')).toBe('docs/a%2C b%3A 100%25%0A.md');
  });
});
