// Language server figures, through the protocol: dist/server.js runs as a child process and this
// script talks JSON-RPC to it over stdio, as an editor does.
//   - initialize → first diagnostics of a small document (goal: under 300 ms);
//   - edit → diagnostics latency on a ~1 MB markdown document: 200 one-character edits at random
//     places in prose, each timed from didChange to the publishDiagnostics of that version
//     (goal: p95 under 30 ms), beside a full check of the same document;
//   - peak memory (RSS) of the server holding a 5 MB document (goal: under 200 MB).
// Debounce is set to 0 for the measurements (initializationOptions.debounce), so the figures are
// the server's own work plus the protocol, not a waiting time. Missed goals are printed, never fatal.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusFiles } from './corpus.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const serverJs = fileURLToPath(new URL('../../dist/server.js', import.meta.url));
if (!existsSync(serverJs)) {
  console.log('dist/server.js is missing: run npm run build first.');
  process.exit(1);
}

const GOALS = { startup: 300, p95: 30, rss: 200 };
const verdict = (ok) => (ok ? 'met' : 'MISSED');

// A deterministic random sequence, so runs are comparable.
let seed = 20240611;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

/** Markdown of at least `bytes`: the corpus concatenated, or generated prose when it is absent. */
function document(bytes) {
  const files = corpusFiles();
  if (files) {
    const parts = [];
    let size = 0;
    for (let round = 0; size < bytes; round++) {
      for (const f of files) {
        if (!/\.(md|markdown)$/i.test(f.path)) continue;
        parts.push(f.text);
        size += Buffer.byteLength(f.text) + 2;
        if (size >= bytes) break;
      }
      if (round > 50) break;
    }
    return { text: parts.join('\n\n'), source: `${parts.length} markdown files of ../shared/corpus, concatenated` };
  }
  const words = 'the people we support can ask for help at home with meals and medicines and we utilise a care package in order to facilitate their discharge from hospital and the team will leverage local services going forward'.split(' ');
  const paras = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    if (n % 12 === 0) paras.push(`## Section ${n / 12 + 1}`);
    const sentences = [];
    for (let s = 0; s < 4; s++) {
      const len = 8 + Math.floor(random() * 14);
      const w = Array.from({ length: len }, () => words[Math.floor(random() * words.length)]);
      sentences.push(w.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.');
    }
    const p = sentences.join(' ');
    paras.push(p);
    size += p.length + 2;
    n++;
  }
  return { text: paras.join('\n\n') + '\n', source: '../shared/corpus is absent: generated prose' };
}

/** Lines that are prose (not code, tables, HTML, front matter or headings), for edits. */
function proseLines(doc) {
  const out = [];
  let fence = false;
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.getText({ start: { line, character: 0 }, end: { line, character: 10_000 } }).replace(/\r?\n$/, '');
    if (/^\s{0,3}(```|~~~)/.test(text)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    if (/^[A-Za-z][a-z]+ [a-z]+ [a-z]+/.test(text) && text.length >= 40 && !text.includes('|') && !text.includes('<')) out.push({ line, length: text.length });
  }
  return out;
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Peak and current RSS of a process, in MB (Linux /proc). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** Start the server and a client; resolves after `initialize`. */
async function start(initializationOptions) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(process.env.PLAINWORDS_BENCH_NODE_ARGS ? process.env.PLAINWORDS_BENCH_NODE_ARGS.split(' ') : []), serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  const published = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    published.set(key, { at: performance.now(), count: p.diagnostics.length });
    waiting.get(key)?.();
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions });
  const initialized = performance.now();
  await connection.sendNotification('initialized', {});
  const diagnostics = (uri, version, timeout = 300_000) =>
    new Promise((resolve, reject) => {
      const key = `${uri}#${version}`;
      if (published.has(key)) return resolve(published.get(key));
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${key}`)), timeout);
      waiting.set(key, () => {
        clearTimeout(timer);
        waiting.delete(key);
        resolve(published.get(key));
      });
    });
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
  };
  return { child, connection, diagnostics, stop, t0, initialized };
}

/**
 * `count` one-character edits at random places in the prose of `doc` (open in the server as
 * version doc.version), each sent as didChange and waited for: the edited document and each
 * edit's time from didChange to the publishDiagnostics of its version, sorted.
 */
async function typeIn(s, doc, count, timeout) {
  const lines = proseLines(doc);
  const times = [];
  for (let i = 0; i < count; i++) {
    const target = lines[Math.floor(random() * lines.length)];
    const character = Math.floor(random() * target.length);
    const change = { range: { start: { line: target.line, character }, end: { line: target.line, character } }, text: 'e' };
    doc = TextDocument.update(doc, [change], doc.version + 1);
    const sent = performance.now();
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [change] });
    const d = await s.diagnostics(doc.uri, doc.version, timeout);
    times.push(d.at - sent);
  }
  return { doc, times: times.sort((a, b) => a - b) };
}

const open = (s, uri, text) => s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
const uriOf = (name) => pathToFileURL(`/tmp/plainwords-bench/${name}`).href;

console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (figures move with the load)`);

// 1. Start-up: initialize → first diagnostics of a small document.
{
  const s = await start({ debounce: 0 });
  const uri = uriOf('small.md');
  await open(s, uri, '# Your visit\n\nWe will utilise the information you give us in order to plan your care.\n');
  const d = await s.diagnostics(uri, 1);
  const ms = d.at - s.t0;
  console.log(
    `start-up: process start + initialize → first diagnostics of a small document: ${ms.toFixed(0)} ms (goal < ${GOALS.startup} ms: ${verdict(ms < GOALS.startup)}); of which loading the server until it answers initialize: ${(s.initialized - s.t0).toFixed(0)} ms, then the first check: ${(d.at - s.initialized).toFixed(0)} ms`,
  );
  await s.stop();
}

// 2. Typing in a ~1 MB document: with every rule, then with the sentence and reading-age rules
// off (dictionary rules only), to show what the readability rules cost per edit.
const READABILITY_OFF = { rules: { 'hard-sentence': 'off', 'long-sentence': 'off', 'reading-age': 'off', 'passive-voice': 'off' } };
for (const [label, settings] of [
  ['all rules', undefined],
  ['sentence and reading-age rules off', READABILITY_OFF],
]) {
  console.log(`-- ${label}`);
  const { text, source } = document(1_000_000);
  const s = await start({ debounce: 0, settings });
  const uri = uriOf('big.md');
  let doc = TextDocument.create(uri, 'markdown', 1, text);
  let t = performance.now();
  await open(s, uri, text);
  const first = await s.diagnostics(uri, 1);
  const firstMs = first.at - t;
  console.log(`document: ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${doc.lineCount} lines (${source}); ${first.count} diagnostics`);
  console.log(`full check of the document when it is opened: ${firstMs.toFixed(0)} ms`);
  let times;
  ({ doc, times } = await typeIn(s, doc, 200));
  const p50 = pct(times, 50);
  const p95 = pct(times, 95);
  console.log(`200 one-character edits in prose, didChange → publishDiagnostics of that version: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms (goal p95 < ${GOALS.p95} ms: ${verdict(p95 < GOALS.p95)})`);
  // For comparison: the same text checked from scratch (a new document, nothing cached).
  const again = uriOf('big-again.md');
  t = performance.now();
  await open(s, again, doc.getText());
  const full = await s.diagnostics(again, 1);
  console.log(`full re-check of the edited document from scratch, for comparison: ${(full.at - t).toFixed(0)} ms`);
  await s.stop();
}

// 3. Memory holding a 5 MB document: over the default size limit (not checked as you type), and
// checked (limit off). After the diagnostics, the status bar's request (the document's reading
// age, as VS Code's client asks after every change) is answered too; then EDITS one-character
// edits are made, each waited for, as someone typing. The peak is taken after the open and again
// after the edits: every edit gives the server a new copy of the whole text (10 MB for 5 MB of
// text with curly quotes), and what V8 lets pile up before it collects counts. The peak moves by
// several MB from run to run with when V8 collects garbage (its heap grows by a factor it works
// out from how fast the machine runs just then), so the checked case runs RUNS times, each in a
// fresh server; the verdict is on the median of the peaks after editing, and every run is printed.
const RUNS = 3;
const EDITS = 100;
for (const [label, options, runs] of [
  ['default limit (2 MB): not checked, one note', { debounce: 0 }, 1],
  ['limit off (plainwords.maxFileSize 0): fully checked', { debounce: 0, settings: { maxFileSize: 0 } }, RUNS],
]) {
  const { text } = document(5_000_000);
  const seen = [];
  for (let run = 0; run < runs; run++) {
    const s = await start(options);
    const before = memoryOf(s.child.pid);
    const uri = uriOf('huge.md');
    const t = performance.now();
    await open(s, uri, text);
    const d = await s.diagnostics(uri, 1, 600_000);
    const status = await s.connection.sendRequest('plainwords/readability', { textDocument: { uri }, summary: true });
    const opened = memoryOf(s.child.pid);
    const { times } = opened ? await typeIn(s, TextDocument.create(uri, 'markdown', 1, text), EDITS, 600_000) : { times: [] };
    const edited = memoryOf(s.child.pid);
    await s.stop();
    if (!opened) {
      console.log(`5 MB document, ${label}: first diagnostics after ${(d.at - t).toFixed(0)} ms; memory not measured (no /proc on this system)`);
      break;
    }
    seen.push({ ms: d.at - t, open: opened.peak, peak: edited.peak, start: before.peak, age: status?.readingAge, p95: pct(times, 95) });
  }
  if (!seen.length) continue;
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const peak = median(seen.map((x) => x.peak));
  const runsText = seen.length > 1 ? `, median of ${seen.length} runs` : '';
  const list = (key) => seen.map((x) => x[key].toFixed(0)).join(', ');
  const first = seen[0];
  console.log(
    `5 MB document (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB), ${label}: first diagnostics after ${median(seen.map((x) => x.ms)).toFixed(0)} ms${first.age !== undefined ? `, then reading age ${first.age} for the status bar` : ''}; server RSS peak after opening ${median(seen.map((x) => x.open)).toFixed(0)} MB (${list('open')}), after ${EDITS} edits ${peak.toFixed(0)} MB (${list('peak')})${runsText}; edit p95 ${median(seen.map((x) => x.p95)).toFixed(0)} ms; ${first.start.toFixed(0)} MB at start (goal < ${GOALS.rss} MB: ${verdict(peak < GOALS.rss)})`,
  );
}
