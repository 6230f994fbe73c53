/**
 * Adds a term to the project word list: the "allow" array of .plainwords.json. Pure text in,
 * text out (comments and formatting kept), so it is tested without VS Code.
 */
import { applyEdits, modify, parseTree, findNodeAtLocation, type ParseError, parse } from 'jsonc-parser';

export const CONFIG_FILE = '.plainwords.json';

export type WordListResult =
  | { ok: true; text: string; added: boolean }
  | { ok: false; error: string };

/** Tidy a selection into a term: trimmed, inner white space collapsed, outer punctuation dropped. */
export function normaliseTerm(selection: string): string {
  return selection
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'“”‘’([{<*_`]+|[\s"'“”‘’)\]}>*_`.,;:!?]+$/gu, '');
}

/**
 * The config text with `term` in its "allow" list. `text` undefined means the file does not exist
 * yet. A config that is not a JSON object, or whose "allow" is not an array, is an error (never
 * overwritten). A term already there (ignoring case) leaves the text unchanged.
 */
export function addToWordList(text: string | undefined, term: string, eol = '\n'): WordListResult {
  const clean = normaliseTerm(term);
  if (!clean) return { ok: false, error: 'There is no word or phrase to add: select one first.' };
  if (clean.length > 200) return { ok: false, error: 'The selection is too long for the word list (200 characters at most).' };
  if (text === undefined || text.trim() === '') {
    const fresh = JSON.stringify({ allow: [clean] }, null, 2).replace(/\n/g, eol) + eol;
    return { ok: true, text: fresh, added: true };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length || !root) return { ok: false, error: `${CONFIG_FILE} is not valid JSON; fix it before adding words.` };
  if (root.type !== 'object') return { ok: false, error: `${CONFIG_FILE} must hold a JSON object.` };
  const allowNode = findNodeAtLocation(root, ['allow']);
  const formatting = { insertSpaces: !/^\t/m.test(text), tabSize: 2, eol };
  if (allowNode && allowNode.type !== 'array') return { ok: false, error: `"allow" in ${CONFIG_FILE} must be a list of words.` };
  const current: unknown[] = allowNode ? (parse(text.slice(allowNode.offset, allowNode.offset + allowNode.length)) as unknown[]) : [];
  if (current.some((w) => typeof w === 'string' && w.toLowerCase() === clean.toLowerCase())) return { ok: true, text, added: false };
  const edits = allowNode
    ? modify(text, ['allow', current.length], clean, { formattingOptions: formatting, isArrayInsertion: true })
    : modify(text, ['allow'], [clean], { formattingOptions: formatting });
  return { ok: true, text: applyEdits(text, edits), added: true };
}
