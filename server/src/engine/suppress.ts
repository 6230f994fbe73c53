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
  return {
    isSuppressed(offset, ids) {
      for (const r of ranges) {
        if (offset < r.start || offset >= r.end) continue;
        if (!r.ids) return true;
        for (const id of ids) if (id && r.ids.has(id)) return true;
      }
      return false;
    },
  };
}
