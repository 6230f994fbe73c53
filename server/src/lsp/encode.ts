/**
 * The JSON encoder of the server's messages on a stream (stdio and sockets). A
 * publishDiagnostics notification is put together from each diagnostic's UTF-8 JSON, kept with
 * the diagnostic: the server reuses a diagnostic while its finding stays where it is, so typing
 * in a long document does not encode its thousand diagnostics again on every keystroke. The
 * bytes are exactly those of JSON.stringify; any other message is encoded whole, as the library
 * does. Diagnostics must not be changed once sent (the server never changes them).
 */
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver';

const encoded = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');
const TAIL = Buffer.from(']}}');

function lastKey(o: object): string | undefined {
  const keys = Object.keys(o);
  return keys[keys.length - 1];
}

/** JSON.stringify(msg) in UTF-8, with the parts of a publishDiagnostics notification's diagnostics encoded once each. */
export function encodeMessage(msg: Message): Buffer {
  const m = msg as { method?: unknown; params?: { diagnostics?: unknown } };
  const diagnostics = m.method === 'textDocument/publishDiagnostics' ? m.params?.diagnostics : undefined;
  // The diagnostics go between the message's last '[' and ']' when they are the last member of
  // its last member (as the server sends them) and every one is an object.
  const split =
    Array.isArray(diagnostics) &&
    diagnostics.length > 0 &&
    lastKey(msg) === 'params' &&
    lastKey(m.params!) === 'diagnostics' &&
    diagnostics.every((d) => typeof d === 'object' && d !== null && !Array.isArray(d));
  if (!split) return Buffer.from(JSON.stringify(msg), 'utf8');
  const head = JSON.stringify({ ...msg, params: { ...m.params, diagnostics: [] } });
  const parts: Buffer[] = [Buffer.from(head.slice(0, -TAIL.length), 'utf8')];
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i] as Diagnostic;
    let bytes = encoded.get(d);
    if (!bytes) encoded.set(d, (bytes = Buffer.from(JSON.stringify(d), 'utf8')));
    if (i > 0) parts.push(COMMA);
    parts.push(bytes);
  }
  parts.push(TAIL);
  return Buffer.concat(parts);
}

/** The encoder for a StreamMessageWriter, which must be UTF-8 (the default). */
export const messageEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(msg: Message): Promise<Uint8Array> {
    try {
      return Promise.resolve(encodeMessage(msg));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};
