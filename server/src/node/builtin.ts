/**
 * The built-in dictionary. In bundles it is inlined at build time (esbuild.mjs validates and
 * embeds dictionaries/); tests resolve the same module to a loader that reads dictionaries/.
 */
import builtin from 'plainwords:dictionary';
import type { DictionaryData } from '../engine/index.js';

export const builtinDictionary: DictionaryData = builtin;
