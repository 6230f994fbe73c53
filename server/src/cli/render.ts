/**
 * After a file is checked: apply the baseline, render the file's part of the report and keep
 * only a small summary, where the file was checked (in a worker when there are several). What
 * goes back to the main thread is text and counts, never the document or its findings.
 */
import { baselineEntries, baselinePath, BaselineFilter, type BaselineEntry, type BaselineFile } from './baseline.js';
import { FORMATTERS, type Format } from './formats.js';
import type { FixOutcome, Outcome } from './process.js';
import { fileSummary, rulesOf, type FileResult, type FileSummary, type RenderContext, type RuleSeen } from './report.js';

/** How to render (plain data: it is sent to workers). */
export interface RenderSettings {
  format: Format;
  ctx: RenderContext;
  cwd: string;
  /** --baseline: its path (as given) and content. */
  baseline?: { path: string; content: BaselineFile };
  /** --write-baseline: its path (as given). */
  writeBaseline?: string;
}

/** A checked file, ready to be written and counted. */
export interface FileRecord {
  index: number;
  path: string;
  error?: string;
  /** The file's part of the report ('' or no bytes for none): UTF-8 bytes when it comes from a worker. */
  part: string | Uint8Array;
  summary?: FileSummary;
  baselined: number;
  rules: RuleSeen[];
  baselineEntries?: BaselineEntry[];
  fix?: FixOutcome;
}

export class Renderer {
  private filter?: BaselineFilter;

  constructor(private readonly settings: RenderSettings) {
    if (settings.baseline) this.filter = new BaselineFilter(settings.baseline.content);
  }

  /** `file`: the absolute path of the file (for baseline keys). */
  render(o: Outcome, file: string): FileRecord {
    try {
      return this.renderOrThrow(o, file);
    } catch (e) {
      return { index: o.index, path: o.path, error: `internal error while reporting: ${(e as Error)?.stack ?? e}`, part: '', baselined: 0, rules: [] };
    }
  }

  private renderOrThrow(o: Outcome, file: string): FileRecord {
    const { settings } = this;
    if (o.error !== undefined) return { index: o.index, path: o.path, error: o.error, part: '', baselined: 0, rules: [], fix: o.fix };
    const r: FileResult = { path: o.path, text: o.text!, findings: o.findings, readability: o.readability };
    if (o.fix && o.fix.diff === undefined) r.fixed = o.fix.applied;
    const record: FileRecord = { index: o.index, path: o.path, part: '', baselined: 0, rules: [], fix: o.fix };
    if (settings.writeBaseline !== undefined) record.baselineEntries = baselineEntries(baselinePath(settings.writeBaseline, file, settings.cwd), r.text, r.findings);
    if (this.filter) {
      const before = r.findings.length;
      r.findings = this.filter.filter(baselinePath(settings.baseline!.path, file, settings.cwd), r.text, r.findings);
      record.baselined = before - r.findings.length;
    }
    record.summary = fileSummary(r, settings.ctx, o.index);
    record.rules = [...rulesOf([r]).values()];
    record.part = o.fix?.diff !== undefined ? o.fix.diff : FORMATTERS[settings.format].file(r, settings.ctx, o.index);
    return record;
  }
}
