/**
 * Terminal helpers: colour decisions (NO_COLOR, FORCE_COLOR, a TTY) and making document text
 * safe to print (a document must never be able to send escape sequences to the terminal).
 */

/** Whether to colour output written to a stream. FORCE_COLOR wins, then NO_COLOR, then the TTY. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, toFile: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (toFile) return false;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

/** Replace control characters (escape sequences, carriage returns, ...) with a visible mark; tabs become spaces. */
export function sanitize(s: string): string {
  return s.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
}

/** Lone UTF-16 surrogates replaced with U+FFFD (strict JSON and XML readers reject them): the engine's own. */
export { wellFormed } from '../engine/index.js';

/**
 * JSON.stringify with `space`, every lone surrogate written as U+FFFD. JSON.stringify writes a
 * lone surrogate as an escape (\udc80), which a reader turns back into a lone surrogate, and only
 * a lone one: a pair is written as it is. So the escapes are replaced in the output, stepping over
 * escaped backslashes (\\udc80 in the output is a backslash and "udc80"). A replacer
 * function that did this per string made JSON.stringify call it for every value: `plainwords
 * check --format json` on ../shared/corpus (234 MB of JSON) took about 0.4 s longer.
 */
export function wellFormedJson(value: unknown, space: number): string {
  const s = JSON.stringify(value, null, space);
  return s.includes('\\ud') ? s.replace(/\\\\|\\ud[89a-f][0-9a-f]{2}/g, (m) => (m.length === 2 ? m : '\ufffd')) : s;
}
