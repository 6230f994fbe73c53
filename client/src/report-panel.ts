/**
 * The readability report: one webview panel showing the report for one document, refreshed as
 * the document changes. Selecting a sentence or section reveals it in the editor.
 */
import * as vscode from 'vscode';
import { parseReportMessage, renderReport } from './report-html.js';
import type { ReadabilitySource } from './status-bar.js';

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

export class ReportPanel implements vscode.Disposable {
  static readonly viewType = 'plainwords.readabilityReport';
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly source: ReadabilitySource, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document.uri.toString() === this.uri?.toString()) this.schedule(600);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.panel && this.uri && e.uris.some((u) => u.toString() === this.uri!.toString())) this.schedule(100);
      }),
    );
  }

  /** Open (or bring forward) the report for a document. */
  async show(uri: vscode.Uri): Promise<void> {
    this.uri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        ReportPanel.viewType,
        `Readability: ${baseName(uri)}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [], retainContextWhenHidden: false },
      );
      this.panel.iconPath = undefined;
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((m) => void this.onMessage(m));
      this.panel.webview.html = this.message('Working out the reading age…');
    } else {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = `Readability: ${baseName(uri)}`;
    await this.refresh();
  }

  get visibleDocument(): vscode.Uri | undefined {
    return this.panel ? this.uri : undefined;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    const generation = ++this.generation;
    try {
      const report = await this.source(uri);
      if (generation !== this.generation || panel !== this.panel) return;
      panel.webview.html = report
        ? renderReport(report, { cspSource: panel.webview.cspSource, nonce: nonce(), documentName: baseName(uri) })
        : this.message('This document is not checked by Plain Words (see the setting plainwords.languages).');
    } catch (e) {
      if (generation !== this.generation || panel !== this.panel) return;
      this.log.warn(`Readability report failed: ${(e as Error).message ?? e}`);
      panel.webview.html = this.message(`Plain Words could not score this document: ${(e as Error).message ?? e}`);
    }
  }

  private message(text: string): string {
    const n = nonce();
    const esc = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'"><style nonce="${n}">body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:16px 20px}</style></head><body><p>${esc}</p></body></html>`;
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseReportMessage(raw);
    if (!message || !this.uri) return;
    const r = message.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const document = await vscode.workspace.openTextDocument(this.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri!.toString());
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
