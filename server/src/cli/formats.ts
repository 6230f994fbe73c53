/**
 * The output formats of `plainwords check`, each in three parts (see report.ts): a head, one
 * part per file, and a tail. `buffered` formats need the run's totals in their head, so their
 * file parts are kept (as text) until the end; the others are written as they come.
 */
import { githubFile, githubTail } from './format-github.js';
import { htmlFile, htmlHead, htmlTail } from './format-html.js';
import { junitFile, junitHead, junitTail } from './format-junit.js';
import { sarifFile, sarifHead, sarifTail } from './format-sarif.js';
import { jsonFile, jsonHead, jsonTail, stylishFile, stylishTail, type FileResult, type RenderContext, type RunSummary } from './report.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface Formatter {
  buffered: boolean;
  /** Written between two non-empty file parts. */
  separator: string;
  /** For buffered formats the summary is given; streamed formats get none. */
  head(summary: RunSummary | undefined): string;
  file(r: FileResult, ctx: RenderContext, index: number): string;
  tail(summary: RunSummary): string;
}

export const FORMATTERS: Record<Format, Formatter> = {
  stylish: { buffered: false, separator: '', head: () => '', file: stylishFile, tail: stylishTail },
  json: { buffered: false, separator: ',', head: jsonHead, file: jsonFile, tail: jsonTail },
  sarif: { buffered: false, separator: ',', head: sarifHead, file: sarifFile, tail: sarifTail },
  github: { buffered: false, separator: '', head: () => '', file: githubFile, tail: githubTail },
  junit: { buffered: true, separator: '', head: (s) => junitHead(s!), file: junitFile, tail: junitTail },
  html: { buffered: true, separator: '', head: (s) => htmlHead(s!), file: htmlFile, tail: htmlTail },
};
