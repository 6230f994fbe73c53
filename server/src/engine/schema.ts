/**
 * A small JSON Schema (draft-07 subset) validator, driven by the project's own schema files so
 * the schema stays the one source of truth. Supports: type, enum, const, required, properties,
 * additionalProperties, items, minItems, maxItems, minLength, maxLength, pattern, minimum,
 * maximum, oneOf, anyOf, $ref to local definitions. Patterns come from our schemas only.
 */
import { maxOf, pushAll } from './lists.js';
import { firstSentence } from './text.js';

export interface SchemaError {
  /** JSON path segments to the value at fault. */
  path: Array<string | number>;
  message: string;
}

type Schema = Record<string, any>;

const patternCache = new Map<string, RegExp>();

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

export function validateSchema(value: unknown, schema: Schema, root: Schema = schema, path: Array<string | number> = [], depth = 0): SchemaError[] {
  if (depth > 64) return [{ path, message: 'is nested too deeply' }];
  const errors: SchemaError[] = [];
  if (schema.$ref) {
    const name = String(schema.$ref).replace(/^#\/definitions\//, '');
    const target = root.definitions?.[name];
    return target ? validateSchema(value, target, root, path, depth + 1) : [{ path, message: `unknown schema reference ${schema.$ref}` }];
  }
  if (schema.type) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(value, t))) {
      return [{ path, message: `must be ${types.map(article).join(' or ')}, not ${article(typeOf(value))}` }];
    }
  }
  if (schema.enum && !schema.enum.some((e: unknown) => e === value)) {
    errors.push({ path, message: `must be one of ${schema.enum.map((e: unknown) => JSON.stringify(e)).join(', ')}; got ${JSON.stringify(value)}` });
  }
  if (schema.oneOf || schema.anyOf) {
    const options: Schema[] = schema.oneOf ?? schema.anyOf;
    const results = options.map((o) => validateSchema(value, o, root, path, depth + 1));
    const ok = results.filter((r) => r.length === 0).length;
    if (ok === 0) {
      // Report the option whose errors go deepest: usually the one the writer meant.
      const depthOf = (r: SchemaError[]) => maxOf(r, (e) => e.path.length);
      const best = results.sort((a, b) => depthOf(b) - depthOf(a))[0];
      pushAll(errors, best);
    }
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push({ path, message: schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters` });
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push({ path, message: `must be at most ${schema.maxLength} characters` });
    if (schema.pattern) {
      let re = patternCache.get(schema.pattern);
      if (!re) patternCache.set(schema.pattern, (re = new RegExp(schema.pattern, 'u')));
      if (!re.test(value)) errors.push({ path, message: `${JSON.stringify(value)} does not have the expected form${schema.description ? ` (${firstSentence(schema.description).replace(/\.$/, '')})` : ''}` });
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push({ path, message: `must be at least ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum) errors.push({ path, message: `must be at most ${schema.maximum}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push({ path, message: `must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}` });
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push({ path, message: `must have at most ${schema.maxItems} items` });
    if (schema.items) value.forEach((item, i) => pushAll(errors, validateSchema(item, schema.items, root, [...path, i], depth + 1)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) errors.push({ path, message: `is missing the required field "${key}"` });
    }
    const props: Schema = schema.properties ?? {};
    for (const [key, v] of Object.entries(obj)) {
      // Own properties only: "__proto__" or "constructor" must not pass as known fields.
      if (Object.prototype.hasOwnProperty.call(props, key)) pushAll(errors, validateSchema(v, props[key], root, [...path, key], depth + 1));
      else if (schema.additionalProperties === false) errors.push({ path: [...path, key], message: `is not a known field${suggest(key, Object.keys(props))}` });
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        pushAll(errors, validateSchema(v, schema.additionalProperties, root, [...path, key], depth + 1));
      }
    }
  }
  return errors;
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function suggest(key: string, known: string[]): string {
  const lower = key.toLowerCase();
  const close = known.find((k) => k.toLowerCase() === lower || editDistance(k.toLowerCase(), lower) <= 2);
  return close ? ` (did you mean "${close}"?)` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return dp[a.length][b.length];
}

/** Format a JSON path for messages: examples.flag[0].fixed */
export function formatPath(path: Array<string | number>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(top level)';
}
