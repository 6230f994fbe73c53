/**
 * Template tags in documentation sites' markdown: Liquid and Jekyll (`{% include x.html %}`,
 * `{{ site.baseurl }}`), Nunjucks and Jinja (`{{ govukButton({ text: "Save" }) }}`,
 * `{# note #}`) and Hugo shortcodes (`{{< figure >}}`, `{{% note %}}`). The site's template
 * engine runs before markdown does, so what a tag holds is code (names, file paths, object
 * keys such as `key:` and `actions:`), never prose a reader sees as written. Tags are masked
 * before the markdown is read: every character of a tag but its line breaks becomes U+FFFC,
 * which no phrase matches across and which counts as no word, and markdown syntax inside a tag
 * ("|", "*", "`") no longer shapes the blocks around it. Offsets do not move (the mask has the
 * tag's length), so findings outside tags keep their exact places.
 *
 * A tag never runs over a blank line nor over a line that opens or closes a code fence: so a tag
 * lies within one blank-line-separated piece, and masking each piece alone gives what masking
 * the whole document gives (the chunking invariant, chunks.ts). An opener with no closer before
 * such a line is left as text, and so is every other opener up to that line (the scan stays
 * linear: no opener is searched from twice).
 *
 * In markdown, abbreviation definitions (`*[GDS]: Government Digital Service` on a line of their
 * own, which kramdown, PHP Markdown Extra and Python-Markdown read and never show) are masked the
 * same way: they are not prose either.
 */

/** The text with every template tag (and in markdown, abbreviation definition) masked, or the text itself when it holds none. */
export function maskTemplates(text: string, markdown = true): string {
  const t = markdown ? masked(text, abbreviations(text)) : text;
  return masked(t, tags(t));
}

/** [start, end) of each template tag, in order. */
function tags(text: string): number[] {
  const out: number[] = [];
  let at = text.indexOf('{');
  while (at >= 0 && at + 1 < text.length) {
    const next = text.charCodeAt(at + 1);
    // "{{" (with Hugo's "{{<" and "{{%"), "{%" and "{#".
    if (next !== 123 && next !== 37 && next !== 35) {
      at = text.indexOf('{', at + 1);
      continue;
    }
    const end = tagEnd(text, at, next);
    // No closer before a blank line or a fence: none of the openers up to there is a tag.
    if (end < 0) {
      at = text.indexOf('{', -end);
      continue;
    }
    out.push(at, end);
    at = text.indexOf('{', end);
  }
  return out;
}

/** The text with each range in `ranges` ([start, end) pairs, in order) masked but its line breaks. */
function masked(text: string, ranges: number[]): string {
  if (!ranges.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    parts.push(text.slice(at, ranges[k]), text.slice(ranges[k], ranges[k + 1]).replace(/[^\r\n]/g, '\uFFFC'));
    at = ranges[k + 1];
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Where the tag opened at `start` ends (exclusive), or minus the offset the search stopped at
 * (a blank line, a fence line or the end of the text) when it does not close.
 * `{{` closes at the `}}` that brings its braces back to level (objects inside it hold braces of
 * their own); `{%` at the first `%}`; `{#` at the first `#}`.
 */
function tagEnd(text: string, start: number, kind: number): number {
  const n = text.length;
  let depth = 2;
  let i = start + 2;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      // A line break: the tag goes on only if the next line is neither blank nor a fence.
      let j = i + 1;
      if (c === 13 && text.charCodeAt(j) === 10) j++;
      if (stopsTag(text, j)) return -j;
      i = j;
      continue;
    }
    if (kind === 123) {
      if (c === 123) depth++;
      else if (c === 125 && --depth === 0) return i + 1;
    } else if (c === 125 && text.charCodeAt(i - 1) === kind && i - 1 > start + 1) {
      return i + 1;
    }
    i++;
  }
  return -n;
}

/** True when the line at `at` is blank or opens or closes a code fence (three ` or ~ after at most three spaces). */
function stopsTag(text: string, at: number): boolean {
  let i = at;
  let spaces = 0;
  while (spaces < 4 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    i++;
    spaces++;
  }
  const c = text.charCodeAt(i);
  if (i >= text.length || c === 10 || c === 13) return true;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return true;
  if (spaces < 4 && (c === 96 || c === 126)) return text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
  return false;
}

/** The abbreviations a markdown text defines with words ("GDS" for "*[GDS]: Government Digital Service"). */
export function definedAbbreviations(text: string): string[] {
  const out: string[] = [];
  const lines = abbreviations(text);
  for (let i = 0; i < lines.length; i += 2) {
    const line = text.slice(lines[i], lines[i + 1]);
    const close = line.indexOf(']:');
    const abbreviation = line.slice(2, close).trim();
    if (abbreviation && /\p{L}/u.test(line.slice(close + 2))) out.push(abbreviation);
  }
  return out;
}

/** [start, end) of each line that defines an abbreviation ("*[GDS]: Government Digital Service"), in order. */
function abbreviations(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('*['); at >= 0; at = text.indexOf('*[', at + 2)) {
    // At the start of a line, after at most three spaces.
    let s = at;
    while (s > 0 && at - s < 3 && text.charCodeAt(s - 1) === 32) s--;
    if (s > 0 && text.charCodeAt(s - 1) !== 10 && text.charCodeAt(s - 1) !== 13) continue;
    // "*[", the abbreviation (no "]"), then "]:", all on this line; a line is read once.
    let close = at + 2;
    while (close < text.length && text.charCodeAt(close) !== 93 && text.charCodeAt(close) !== 10 && text.charCodeAt(close) !== 13) close++;
    let end = close;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (close > at + 2 && text.charCodeAt(close) === 93 && text.charCodeAt(close + 1) === 58) out.push(at, end);
    at = end - 2;
  }
  return out;
}
