/**
 * Code actions, built from the server's own findings for the document version it holds (never
 * from ranges the client sends back). Each action carries its edit, versioned where the client
 * supports it, so clients that never resolve actions still work and stale edits are refused.
 */
import { applyEdits as applyJsonEdits, modify, parseTree, findNodeAtLocation, type FormattingOptions } from 'jsonc-parser';
import {
  CodeActionKind,
  CreateFile,
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  TextEdit,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, fixAll, type DocumentFormat, type Finding, type TextEdit as EngineEdit } from '../engine/index.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.plainwords`;

/** The project file that "Add to project word list" and "Turn off" write to. */
export interface ProjectFile {
  uri: string;
  /** Current content; undefined when the file does not exist yet. */
  text?: string;
  /** Its version when it is open in the editor, else null. */
  version: number | null;
  /** The words already allowed (to offer no duplicate). */
  allow: string[];
  /** Rules already set. */
  rules: Record<string, string>;
}

export interface ActionInput {
  doc: TextDocument;
  format: DocumentFormat;
  /** Findings for doc.version, with their diagnostics (same order). */
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Every finding, including those past the diagnostics limit (for fix all). */
  allFindings?: Finding[];
  /** Requested range as offsets into doc. */
  start: number;
  end: number;
  only?: string[];
  /** Client supports versioned `documentChanges`. */
  documentChanges: boolean;
  /** Client supports creating files in a workspace edit. */
  createFiles: boolean;
  projectFile?: ProjectFile;
}

export function kindMatches(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function quote(s: string): string {
  return `“${s}”`;
}

/** A workspace edit on the document, versioned when the client supports it. */
export function documentEdit(doc: TextDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(doc.uri, doc.version), edits)] };
  return { changes: { [doc.uri]: edits } };
}

export function toTextEdit(doc: TextDocument, e: EngineEdit): TextEdit {
  return TextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.newText);
}

/** The edits of "fix all" for these findings: unambiguous single replacements, never overlapping. */
export function fixAllEdits(doc: TextDocument, findings: Finding[]): TextEdit[] {
  const { applied } = applyFixes(doc.getText(), fixAll(findings));
  return applied.map((e) => toTextEdit(doc, e));
}

function replacementTitle(f: Finding, text: string): string {
  if (f.ruleId === 'acronym') return `Explain ${quote(f.actual)}: ${quote(text)}`;
  if (text.trim() === '') return `Remove ${quote(f.actual)}`;
  return `Replace ${quote(f.actual)} with ${quote(text)}`;
}

export function codeActions(input: ActionInput): CodeAction[] {
  const { doc, findings, diagnostics, only } = input;
  const out: CodeAction[] = [];
  const hits: number[] = [];
  findings.forEach((f, i) => {
    if (f.start <= input.end && f.end >= input.start) hits.push(i);
  });
  if (kindMatches(CodeActionKind.QuickFix, only)) {
    for (const i of hits) {
      const f = findings[i];
      const diagnostic = diagnostics[i];
      f.replacements.forEach((r, k) => {
        out.push({
          title: replacementTitle(f, r.text),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          // Preferred actions are what an editor's "auto fix" applies: never one the entry leaves to the writer.
          isPreferred: k === 0 && r.fixable !== false,
          edit: documentEdit(doc, [toTextEdit(doc, r.edit)], input.documentChanges),
        });
      });
    }
    for (const i of hits) {
      const ignore = ignoreHere(input, findings[i], diagnostics[i]);
      if (ignore) out.push(ignore);
    }
    const seen = new Set<string>();
    for (const i of hits) {
      const f = findings[i];
      const key = f.actual.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const add = addToWordList(input, f, diagnostics[i]);
      if (add) out.push(add);
    }
    const seenIds = new Set<string>();
    for (const i of hits) {
      const f = findings[i];
      if (!f.entryId || seenIds.has(f.entryId)) continue;
      seenIds.add(f.entryId);
      const off = turnOff(input, f, diagnostics[i]);
      if (off) out.push(off);
    }
  }
  if (kindMatches(FIX_ALL_KIND, only)) {
    const edits = fixAllEdits(doc, input.allFindings ?? findings);
    if (edits.length) {
      out.push({
        title: `Fix all Plain Words problems that have one clear fix (${edits.length})`,
        kind: FIX_ALL_KIND,
        edit: documentEdit(doc, edits, input.documentChanges),
      });
    }
  }
  return out;
}

function lineBreakOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : i < 0 && text.includes('\r') ? '\r' : '\n';
}

/**
 * "Ignore here" (markdown only: plain text is read as it is, so a comment would show to its
 * readers; there the project word list or turning the entry off are offered instead). A comment
 * on its own line before the finding's line when that line starts a block; in the middle of a
 * paragraph, list or table a line of its own would split the block, so the comment goes right
 * after the flagged words instead, on the same line, where it does not show either.
 */
function ignoreHere(input: ActionInput, f: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  const { doc } = input;
  if (input.format !== 'markdown') return undefined;
  const id = f.entryId ?? f.ruleId;
  const line = f.range.start.line;
  const lineText = (n: number) => doc.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/[\r\n]+$/, '');
  const current = lineText(line);
  const startsBlock = line === 0 || lineText(line - 1).trim() === '' || /^\s{0,3}#{1,6}\s/.test(current);
  let edit: TextEdit;
  if (startsBlock) {
    let indent = /^[ \t]*/.exec(current)![0];
    if (line === 0 && doc.getText().charCodeAt(0) === 0xfeff) indent = '';
    const at = line === 0 && doc.getText().charCodeAt(0) === 0xfeff ? { line: 0, character: 1 } : { line, character: 0 };
    edit = TextEdit.insert(at, `${indent}<!-- plainwords-disable-next-line ${id} -->${lineBreakOf(doc.getText())}`);
  } else {
    edit = TextEdit.insert(doc.positionAt(f.end), `<!-- plainwords-disable-line ${id} -->`);
  }
  return {
    title: `Ignore ${quote(f.actual)} here`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: documentEdit(doc, [edit], input.documentChanges),
  };
}

function formattingOf(text: string): FormattingOptions {
  const eol = lineBreakOf(text);
  const m = /\n([ \t]+)\S/.exec(text);
  if (m && m[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: m ? m[1].length : 2, eol };
}

/** An edit of the project file at a JSON path, or the whole new file when it does not exist. */
function projectFileEdit(input: ActionInput, path: Array<string | number>, value: unknown, isArrayInsertion: boolean, fresh: object): WorkspaceEdit | undefined {
  const file = input.projectFile!;
  if (file.text === undefined) {
    if (!input.createFiles || !input.documentChanges) return undefined;
    const content = JSON.stringify(fresh, null, 2) + '\n';
    return {
      documentChanges: [
        CreateFile.create(file.uri, { ignoreIfExists: true }),
        TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(file.uri, null), [TextEdit.insert({ line: 0, character: 0 }, content)]),
      ],
    };
  }
  const text = file.text;
  const errors: never[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (!tree || errors.length || tree.type !== 'object') return undefined;
  // An "allow" that is not an array (a broken file) is left for the writer to mend.
  if (isArrayInsertion && findNodeAtLocation(tree, [path[0]]) && findNodeAtLocation(tree, [path[0]])!.type !== 'array') return undefined;
  const jsonEdits = modify(text, path, value, { isArrayInsertion, formattingOptions: formattingOf(text) });
  if (!jsonEdits.length) return undefined;
  const fileDoc = TextDocument.create(file.uri, 'json', file.version ?? 0, text);
  const edits = jsonEdits.map((e) => TextEdit.replace({ start: fileDoc.positionAt(e.offset), end: fileDoc.positionAt(e.offset + e.length) }, e.content));
  // Check the result is valid JSON before offering it.
  const after = applyJsonEdits(text, jsonEdits);
  const check: never[] = [];
  parseTree(after, check, { allowTrailingComma: true });
  if (check.length) return undefined;
  if (input.documentChanges) return { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(file.uri, file.version), edits)] };
  return { changes: { [file.uri]: edits } };
}

function addToWordList(input: ActionInput, f: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  const file = input.projectFile;
  if (!file) return undefined;
  const word = f.actual.replace(/\s+/g, ' ').trim();
  if (!word || word.length > 200) return undefined;
  if (file.allow.some((w) => w.toLowerCase() === word.toLowerCase())) return undefined;
  const edit = projectFileEdit(input, ['allow', -1], word, true, { allow: [word] });
  if (!edit) return undefined;
  return {
    title: `Add ${quote(word)} to the project word list (.plainwords.json)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit,
  };
}

function turnOff(input: ActionInput, f: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  const file = input.projectFile;
  if (!file || !f.entryId || file.rules[f.entryId] === 'off') return undefined;
  const edit = projectFileEdit(input, ['rules', f.entryId], 'off', false, { rules: { [f.entryId]: 'off' } });
  if (!edit) return undefined;
  return {
    title: `Turn off ${quote(f.entryId)} for this project (.plainwords.json)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit,
  };
}
