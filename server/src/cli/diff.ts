/**
 * A unified diff of two texts, line by line (Myers' O(ND) algorithm on the lines between the
 * common head and tail), for --fix-dry-run. Lines keep a "\r" before their "\n", so a diff of a
 * CRLF file applies with patch or git apply; a missing final newline is marked as diff(1) does.
 */

const CONTEXT = 3;
/** Beyond this many inserted and deleted lines, the changed middle is shown as one replacement. */
const MAX_EDITS = 2000;

/** Split into lines; each keeps everything but its final "\n". `last` says whether the text ends with "\n". */
function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The shortest edit script between two arrays of lines (Myers 1986, with the trace kept). */
function myers(a: string[], b: string[]): Op[] {
  // Trim the common head and tail: fixes change few lines of long files.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    if (d > MAX_EDITS) {
      // Too different to be worth the memory: replace the whole middle.
      const ops: Op[] = [];
      for (let i = 0; i < head; i++) ops.push({ kind: ' ', line: a[i], a: i, b: i });
      A.forEach((line, i) => ops.push({ kind: '-', line, a: head + i, b: head }));
      B.forEach((line, i) => ops.push({ kind: '+', line, a: head + n, b: head + i }));
      for (let i = tail; i > 0; i--) ops.push({ kind: ' ', line: a[a.length - i], a: a.length - i, b: b.length - i });
      return ops;
    }
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // Walk the trace back from (n, m).
  const mid: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      mid.push({ kind: ' ', line: A[x], a: x, b: y });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      mid.push({ kind: '+', line: B[y], a: x, b: y });
    } else {
      x--;
      mid.push({ kind: '-', line: A[x], a: x, b: y });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    mid.push({ kind: ' ', line: A[x], a: x, b: y });
  }
  mid.reverse();
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', line: a[i], a: i, b: i });
  for (const op of mid) ops.push({ ...op, a: op.a + head, b: op.b + head });
  for (let i = tail; i > 0; i--) ops.push({ kind: ' ', line: a[a.length - i], a: a.length - i, b: b.length - i });
  return ops;
}

/** A unified diff (`--- a/path`, `+++ b/path`, hunks with 3 lines of context), or '' when equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = lines(before);
  const b = lines(after);
  const aEndsNl = before === '' || before.endsWith('\n');
  const bEndsNl = after === '' || after.endsWith('\n');
  // A changed final newline shows as a change of the last line.
  const A = a.map((l, i) => (i === a.length - 1 && !aEndsNl ? l + '\u0000' : l));
  const B = b.map((l, i) => (i === b.length - 1 && !bEndsNl ? l + '\u0000' : l));
  const ops = myers(A, B);
  let out = `--- a/${path}\n+++ b/${path}\n`;
  const changes = ops.map((op, i) => (op.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  let i = 0;
  while (i < changes.length) {
    let start = Math.max(0, changes[i] - CONTEXT);
    let end = Math.min(ops.length, changes[i] + CONTEXT + 1);
    let j = i + 1;
    while (j < changes.length && changes[j] - CONTEXT <= end) {
      end = Math.min(ops.length, changes[j] + CONTEXT + 1);
      j++;
    }
    const hunk = ops.slice(start, end);
    const aStart = hunk.find((o) => o.kind !== '+')?.a ?? hunk[0].a;
    const bStart = hunk.find((o) => o.kind !== '-')?.b ?? hunk[0].b;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    const range = (s: number, len: number) => (len === 1 ? `${s + 1}` : `${len === 0 ? s : s + 1},${len}`);
    out += `@@ -${range(aStart, aLen)} +${range(bStart, bLen)} @@\n`;
    for (const op of hunk) {
      const noNl = op.line.endsWith('\u0000');
      out += op.kind + (noNl ? op.line.slice(0, -1) : op.line) + '\n';
      if (noNl) out += '\\ No newline at end of file\n';
    }
    i = j;
    start = end;
  }
  return out;
}
