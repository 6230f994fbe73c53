/**
 * Suppression comments:
 *   <!-- plainwords-disable [id ...] -->        off until enable (for the ids given, or all)
 *   <!-- plainwords-enable [id ...] -->
 *   <!-- plainwords-disable-next-line [id ...] -->
 *   <!-- plainwords-disable-line [id ...] -->
 */
import type { HtmlComment } from './prose.js';
import type { LineIndex } from './text.js';

interface Range {
  start: number;
  end: number;
  /** Entry ids or rule ids; undefined means everything. */
  ids?: Set<string>;
}

export interface Suppressions {
  isSuppressed(offset: number, ids: Array<string | undefined>): boolean;
}

const PREFIX = 'plainwords-';

/** Parse the directives in HTML comments. Unknown directives are ignored. */
export function parseSuppressions(comments: HtmlComment[], lines: LineIndex, length: number): Suppressions {
  const ranges: Range[] = [];
  // Open "disable" regions: key is the id list ('' for all).
  const open = new Map<string, { start: number; ids?: Set<string> }>();
  for (const c of comments) {
    let at = c.value.indexOf('<!--');
    while (at >= 0) {
      const close = c.value.indexOf('-->', at + 4);
      const body = c.value.slice(at + 4, close < 0 ? c.value.length : close).trim();
      at = close < 0 ? -1 : c.value.indexOf('<!--', close + 3);
      if (!body.startsWith(PREFIX)) continue;
      const parts = body.slice(PREFIX.length).split(/[\s,]+/).filter(Boolean);
      const directive = parts.shift();
      const ids = parts.length ? new Set(parts) : undefined;
      const key = parts.slice().sort().join(' ');
      switch (directive) {
        case 'disable':
          if (!open.has(key)) open.set(key, { start: c.end, ids });
          break;
        case 'enable': {
          if (key === '') {
            for (const [k, region] of open) {
              ranges.push({ start: region.start, end: c.start, ids: region.ids });
              open.delete(k);
            }
          } else {
            const region = open.get(key);
            if (region) {
              ranges.push({ start: region.start, end: c.start, ids: region.ids });
              open.delete(key);
            }
          }
          break;
        }
        case 'disable-next-line': {
          const line = lines.position(c.end).line + 1;
          if (line < lines.lineCount) ranges.push({ start: lines.starts[line], end: lines.lineEnd(line), ids });
          break;
        }
        case 'disable-line': {
          const line = lines.position(c.start).line;
          ranges.push({ start: lines.starts[line], end: lines.lineEnd(line), ids });
          break;
        }
      }
    }
  }
  for (const region of open.values()) ranges.push({ start: region.start, end: length, ids: region.ids });
  // Indexed per id (and for "everything"), so that a document with many comments and many
  // findings is not checked in time findings × comments (quadratic; docs/robustness.md).
  const all = new Stabber();
  const byId = new Map<string, Stabber>();
  for (const r of ranges) {
    if (!r.ids) all.add(r);
    else
      for (const id of r.ids) {
        let s = byId.get(id);
        if (!s) byId.set(id, (s = new Stabber()));
        s.add(r);
      }
  }
  return {
    isSuppressed(offset, ids) {
      if (all.contains(offset)) return true;
      for (const id of ids) if (id && byId.get(id)?.contains(offset)) return true;
      return false;
    },
  };
}

/**
 * Ranges sorted by start with the running maximum of their ends: an offset is inside some range
 * when the furthest-reaching range starting at or before it ends after it. O(log n) per query.
 */
class Stabber {
  private list: Range[] = [];
  private starts: number[] = [];
  private maxEnds: number[] = [];
  private sorted = true;

  add(r: Range): void {
    this.list.push(r);
    this.sorted = false;
  }

  contains(offset: number): boolean {
    if (!this.sorted) {
      this.list.sort((a, b) => a.start - b.start);
      this.starts = this.list.map((r) => r.start);
      let max = -Infinity;
      this.maxEnds = this.list.map((r) => (max = Math.max(max, r.end)));
      this.sorted = true;
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0 || this.starts[0] > offset) return false;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.maxEnds[lo] > offset;
  }
}
