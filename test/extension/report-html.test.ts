// The readability report page: escaping, the content security policy, the chart, the messages it may send.
import { describe, expect, it } from 'vitest';
import { BAR_WIDTH, bar, escapeHtml, isOverTarget, parseReportMessage, renderReport, statusText, verdict } from '../../client/src/report-html.js';
import type { ReportView } from '../../client/src/protocol.js';

const range = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });

function report(overrides: Partial<ReportView> = {}): ReportView {
  return {
    uri: 'file:///guide.md',
    audience: 'public',
    target: 9,
    readingAge: 12.4,
    reliable: true,
    minWords: 100,
    words: 240,
    sentences: 14,
    sections: [
      { title: 'Leaving hospital', level: 1, range: range(0, 0, 18), readingAge: 8, reliable: true, words: 120, sentences: 8 },
      { title: 'Your medicines', level: 2, range: range(10, 0, 17), readingAge: 15, reliable: false, words: 40, sentences: 2 },
    ],
    hardestSentences: [{ text: 'We will utilise a care package.', readingAge: 16, words: 6, range: range(12, 0, 31) }],
    jargon: [{ text: 'utilise', id: 'utilise', count: 2, advice: 'Try “use” instead of “utilise”.' }],
    ...overrides,
  };
}

const options = { cspSource: 'vscode-webview://abc', nonce: 'n0nce123', documentName: 'guide.md' };

describe('renderReport', () => {
  it('escapes every piece of document text', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const html = renderReport(
      report({
        sections: [{ title: evil, level: 1, range: range(0, 0, 1), readingAge: 10, reliable: true, words: 3, sentences: 1 }],
        hardestSentences: [{ text: evil, readingAge: 14, words: 5, range: range(1, 0, 5) }],
        jargon: [{ text: evil, id: 'x', count: 1, advice: evil }],
      }),
      { ...options, documentName: evil },
    );
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
  });

  it('has a strict content security policy: nonce only, nothing remote', () => {
    const html = renderReport(report(), options);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'nonce-n0nce123'");
    expect(csp).toContain("style-src 'nonce-n0nce123'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(html).toContain('<script nonce="n0nce123">');
    expect(html).toContain('<style nonce="n0nce123">');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/ style="/);
  });

  it('draws a bar per section against the target, coloured by how far over it is', () => {
    const html = renderReport(report(), options);
    expect(html.match(/<svg class="bar"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Reading age 8, target 9"');
    expect(html).toContain('aria-label="Reading age 15, target 9"');
    expect(html).toContain('<tr class="ok">');
    expect(html).toContain('<tr class="over">');
    expect(html).toContain('A short section');
  });

  it('shows the totals, the hardest sentences as links and the jargon with counts', () => {
    const html = renderReport(report(), options);
    expect(html).toContain('<span class="value" id="reading-age">12</span>');
    expect(html).toContain('240 words in 14 sentences');
    expect(html).toContain('data-sl="12" data-sc="0" data-el="12" data-ec="31"');
    expect(html).toMatch(/<td class="term">utilise<\/td><td class="n">2<\/td>/);
    expect(html).toContain('Too hard for many readers');
  });

  it('says so when there is nothing to show', () => {
    const html = renderReport(report({ readingAge: null, sections: [], hardestSentences: [], jargon: [] }), options);
    expect(html).toContain('Not enough text to score');
    expect(html).toContain('No sections to show.');
    expect(html).toContain('No hard sentences found.');
    expect(html).toContain('No jargon found.');
  });
});

describe('bar and verdict', () => {
  it('scales the bar to the reading age and marks the target', () => {
    expect(bar(10, 10, 20)).toContain(`class="fill ok" x="1" y="3" width="${BAR_WIDTH / 2}"`);
    expect(bar(10, 10, 20)).toContain(`x1="${BAR_WIDTH / 2 + 1}"`);
    expect(bar(null, 9, 20)).toContain('class="fill none" x="1" y="3" width="0"');
    expect(bar(99, 9, 20)).toContain(`width="${BAR_WIDTH}" height="12" rx="3"></rect><line`);
  });

  it('uses plain words for how a reading age compares with the target', () => {
    expect(verdict(9, 9).cls).toBe('ok');
    expect(verdict(10.6, 9).cls).toBe('close');
    expect(verdict(12, 9).cls).toBe('over');
    expect(verdict(null, 9).cls).toBe('none');
  });
});

describe('status bar text', () => {
  it('reads "Reading age N · target T" and knows when it is over', () => {
    expect(statusText({ readingAge: 12.4, target: 9 })).toBe('$(book) Reading age 12 · target 9');
    expect(statusText({ readingAge: null, target: 9 })).toBe('$(book) Reading age – · target 9');
    expect(isOverTarget({ readingAge: 9.4, target: 9 })).toBe(false);
    expect(isOverTarget({ readingAge: 9.6, target: 9 })).toBe(true);
    expect(isOverTarget({ readingAge: null, target: 9 })).toBe(false);
  });
});

describe('parseReportMessage', () => {
  it('accepts a well-formed reveal and nothing else', () => {
    const ok = { type: 'reveal', range: range(3, 1, 4) };
    expect(parseReportMessage(ok)).toEqual(ok);
    for (const bad of [null, 'reveal', { type: 'run', range: ok.range }, { type: 'reveal' }, { type: 'reveal', range: range(-1, 0, 1) }, { type: 'reveal', range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } } }]) {
      expect(parseReportMessage(bad)).toBeUndefined();
    }
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml(undefined)).toBe('');
  });
});
