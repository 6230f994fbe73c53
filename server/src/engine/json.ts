/**
 * JSON parsing with locations, so every problem in a dictionary or config file can name the
 * file, line and field.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from './text.js';

export interface Problem {
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** JSON path of the field, e.g. examples.flag[0].fixed */
  field?: string;
  message: string;
}

export interface ParsedJson {
  value: unknown;
  problems: Problem[];
  /** 1-based line and column of a JSON path (the nearest existing ancestor when absent). */
  locate(path: Array<string | number>): { line: number; column: number };
}

/** Hard limits for files read from a workspace. */
export const MAX_JSON_BYTES = 2_000_000;
export const MAX_JSON_DEPTH = 64;

export function parseJson(text: string, file: string, options: { comments?: boolean } = {}): ParsedJson {
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const p = lines.position(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  if (text.length > MAX_JSON_BYTES) {
    return { value: undefined, problems: [{ file, line: 1, column: 1, message: `is too large (${text.length} characters; the limit is ${MAX_JSON_BYTES})` }], locate: () => ({ line: 1, column: 1 }) };
  }
  // The parser recurses once per level: refuse deep nesting before parsing, so that a hostile
  // file ("[[[[…") gets a message instead of a stack overflow (docs/robustness.md).
  const deep = nestingBeyond(text, MAX_JSON_DEPTH);
  if (deep >= 0) {
    return { value: undefined, problems: [{ file, ...at(deep), message: `is nested more than ${MAX_JSON_DEPTH} levels deep` }], locate: () => at(deep) };
  }
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const tree = parseTree(body, errors, { allowTrailingComma: !!options.comments, disallowComments: !options.comments });
  // One message per place: later errors at the same offset only repeat the first.
  const seen = new Set<number>();
  const problems: Problem[] = errors.filter((e) => !seen.has(e.offset) && seen.add(e.offset)).map((e) => ({ file, ...at(e.offset), message: `invalid JSON: ${describe(printParseErrorCode(e.error))}` }));
  if (tree && depthOf(tree) > MAX_JSON_DEPTH) {
    problems.push({ file, line: 1, column: 1, message: `is nested more than ${MAX_JSON_DEPTH} levels deep` });
    return { value: undefined, problems, locate: () => ({ line: 1, column: 1 }) };
  }
  const value = problems.length || !tree ? undefined : toValue(tree);
  if (!tree && !problems.length) problems.push({ file, line: 1, column: 1, message: 'is empty: expected a JSON object' });
  return {
    value,
    problems,
    locate(path) {
      if (!tree) return { line: 1, column: 1 };
      for (let n = path.length; n >= 0; n--) {
        const node = findNodeAtLocation(tree, path.slice(0, n));
        if (node) {
          // Point at the property name when there is one.
          const target = node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
          return at(target.offset);
        }
      }
      return { line: 1, column: 1 };
    },
  };
}

/** Offset of the first bracket nested deeper than `max` (outside strings and comments), or -1. */
function nestingBeyond(text: string, max: number): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34 || d === 10 || d === 13) break;
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 1;
    } else if (c === 91 || c === 123 /* [ { */) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return -1;
}

function depthOf(node: Node): number {
  let max = 0;
  const stack: Array<[Node, number]> = [[node, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_JSON_DEPTH) return d;
    for (const c of n.children ?? []) stack.push([c, n.type === 'property' ? d : d + 1]);
  }
  return max;
}

function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) Object.defineProperty(obj, String(k.value), { value: toValue(v), enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

function describe(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'bad number',
    PropertyNameExpected: 'expected a field name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected a colon',
    CommaExpected: 'expected a comma',
    CloseBraceExpected: 'expected }',
    CloseBracketExpected: 'expected ]',
    EndOfFileExpected: 'unexpected text after the end',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unfinished comment',
    UnexpectedEndOfString: 'unfinished string',
    UnexpectedEndOfNumber: 'unfinished number',
    InvalidUnicode: 'bad unicode escape',
    InvalidEscapeCharacter: 'bad escape character',
    InvalidCharacter: 'bad character in string',
  };
  return map[code] ?? code;
}
