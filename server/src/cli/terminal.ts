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
