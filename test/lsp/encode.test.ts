// The stdio encoder puts a publishDiagnostics notification together from each diagnostic's JSON,
// kept with the diagnostic: the bytes must be those of JSON.stringify, message after message.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import type { Message } from 'vscode-languageserver/node';
import { encodeMessage } from '../../server/src/lsp/encode.js';

const diagnostic = (n: number, message: string): Diagnostic => ({
  range: { start: { line: n, character: 0 }, end: { line: n, character: 4 } },
  severity: 2,
  code: `entry-${n}`,
  source: 'Plain Words',
  message,
  data: { ruleId: 'jargon', entryId: n % 2 ? `entry-${n}` : undefined },
  ...(n % 3 ? { codeDescription: { href: `https://example.org/docs#entry-${n}` } } : {}),
});

const publish = (diagnostics: unknown[], version = 1): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///tmp/a%20b.md', version, diagnostics } }) as Message;

const same = (msg: Message) => expect(encodeMessage(msg).equals(Buffer.from(JSON.stringify(msg), 'utf8'))).toBe(true);

describe('the message encoder', () => {
  it('gives the bytes of JSON.stringify, with diagnostics reused, dropped, added and reordered', () => {
    const messages = ['Try “use” instead of “utilise”.', 'A quote " and a backslash \\ and a tab \t', 'Lone \ud800 surrogate', 'Émigré – naïve 😀'];
    let list = Array.from({ length: 40 }, (_, n) => diagnostic(n, messages[n % messages.length]));
    for (let version = 1; version <= 6; version++) {
      same(publish(list, version));
      // Next version: some dropped, some new, the rest moved about.
      list = [...list.slice(5).reverse(), diagnostic(100 + version, `New ${version} “quoted”`), ...list.slice(0, 3)];
    }
  });

  it('encodes other messages, and diagnostics it cannot split off, whole', () => {
    same(publish([]));
    same({ jsonrpc: '2.0', id: 3, result: { kind: 'full', items: [diagnostic(1, 'x')] } } as Message);
    same({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [diagnostic(2, 'y')], uri: 'file:///x', version: 2 } } as Message);
    same({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: [diagnostic(3, 'z'), null] } } as Message);
    same({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'Plain Words “started”' } } as Message);
  });
});
