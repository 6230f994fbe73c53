/**
 * The status bar item: the active document's reading age against its target, warning-coloured
 * when over; a click opens the readability report.
 */
import * as vscode from 'vscode';
import type { ReportView } from './protocol.js';
import { isOverTarget, statusText } from './report-html.js';
import { isChecked } from './settings.js';

export type ReadabilitySource = (uri: vscode.Uri, token?: vscode.CancellationToken) => Promise<ReportView | undefined>;

export class ReadingAgeStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  private generation = 0;

  constructor(private readonly source: ReadabilitySource, private readonly log: vscode.LogOutputChannel) {
    this.item = vscode.window.createStatusBarItem('plainwords.readingAge', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Plain Words reading age';
    this.item.command = 'plainwords.showReadabilityReport';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(400);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(50);
      }),
    );
  }

  /** Refresh soon (after `delay` ms), dropping any refresh still waiting. */
  schedule(delay = 0): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.pending?.cancel();
    const document = vscode.window.activeTextEditor?.document;
    if (!isChecked(document)) {
      this.item.hide();
      return;
    }
    const cts = (this.pending = new vscode.CancellationTokenSource());
    try {
      const report = await this.source(document.uri, cts.token);
      if (generation !== this.generation) return;
      if (!report) {
        this.item.hide();
        return;
      }
      this.item.text = statusText(report);
      const over = isOverTarget(report);
      this.item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.tooltip = new vscode.MarkdownString(
        (report.readingAge === null
          ? 'Not enough text to score a reading age yet.'
          : `UK reading age **${Math.round(report.readingAge)}**; the target for ${report.audience === 'staff' ? 'staff' : 'the public'} is **${report.target}**.` +
            (over ? ' The document is harder than the target.' : ' The document meets its target.')) +
          `\n\n${report.words} words, ${report.sentences} sentences. Select to open the readability report.`,
      );
      this.item.accessibilityInformation = { label: `Reading age ${report.readingAge === null ? 'not known' : Math.round(report.readingAge)}, target ${report.target}${over ? ', over target' : ''}` };
      this.item.show();
    } catch (e) {
      if (generation !== this.generation || cts.token.isCancellationRequested) return;
      this.log.warn(`Reading age unavailable: ${(e as Error).message ?? e}`);
      this.item.text = '$(book) Reading age –';
      this.item.backgroundColor = undefined;
      this.item.tooltip = `Plain Words could not score this document: ${(e as Error).message ?? e}`;
      this.item.show();
    } finally {
      cts.dispose();
      if (this.pending === cts) this.pending = undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
