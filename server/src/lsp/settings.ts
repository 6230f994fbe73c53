/**
 * Editor settings: read what the client answers for `workspace/configuration` (section
 * `plainwords`), whatever its shape. A client that never answers, answers `null` or sends
 * values of the wrong type gets the defaults from settings-schema.ts for those settings.
 */
import { CATEGORIES, hasWords, type Audience, type Category, type PlainwordsConfig, type SeverityOrOff } from '../engine/index.js';
import { settingsSchema } from './settings-schema.js';

export interface Settings {
  audience: Audience;
  readingAge: Record<Audience, number>;
  categories: Partial<Record<Category, SeverityOrOff>>;
  rules: Record<string, SeverityOrOff>;
  allow: string[];
  codeLens: boolean;
  maxFileSize: number;
}

const props = settingsSchema.properties;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  audience: props['plainwords.audience'].default,
  readingAge: { public: props['plainwords.readingAge.public'].default, staff: props['plainwords.readingAge.staff'].default },
  categories: {},
  rules: {},
  allow: [],
  codeLens: props['plainwords.codeLens'].default,
  maxFileSize: props['plainwords.maxFileSize'].default,
}) as Settings;

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value at a dotted path, in nested form ({a: {b: 1}}) or flat form ({'a.b': 1}). */
function lookup(raw: Record<string, unknown>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(raw, path)) return raw[path];
  const [head, ...rest] = path.split('.');
  if (!rest.length) return undefined;
  const inner = raw[head];
  return isObject(inner) ? lookup(inner, rest.join('.')) : undefined;
}

/**
 * Settings from the client's answer. `problems` names each ignored value (shown once in the log).
 * Accepts the section's object ({audience: ...}) or a whole settings object ({plainwords: {...}}).
 */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const s: Settings = { ...DEFAULT_SETTINGS, readingAge: { ...DEFAULT_SETTINGS.readingAge }, categories: {}, rules: {}, allow: [] };
  if (raw === null || raw === undefined) return { settings: s, problems };
  if (!isObject(raw)) return { settings: s, problems: ['plainwords settings: expected an object; using the defaults'] };
  const src = isObject(raw.plainwords) ? raw.plainwords : raw;
  const bad = (name: string, value: unknown, expected: string) => problems.push(`plainwords.${name}: ${JSON.stringify(value)} is not ${expected}; using the default`);

  const audience = lookup(src, 'audience');
  if (audience !== undefined && audience !== null) {
    if (audience === 'public' || audience === 'staff') s.audience = audience;
    else bad('audience', audience, '"public" or "staff"');
  }
  for (const who of ['public', 'staff'] as const) {
    const age = lookup(src, `readingAge.${who}`);
    if (age === undefined || age === null) continue;
    if (typeof age === 'number' && Number.isInteger(age) && age >= 5 && age <= 25) s.readingAge[who] = age;
    else bad(`readingAge.${who}`, age, 'a whole number from 5 to 25');
  }
  const categories = lookup(src, 'categories');
  if (isObject(categories)) {
    for (const [k, v] of Object.entries(categories)) {
      if (!(CATEGORIES as readonly string[]).includes(k)) problems.push(`plainwords.categories: "${k}" is not a category (${CATEGORIES.join(', ')})`);
      else if (typeof v === 'string' && SEVERITIES.has(v)) s.categories[k as Category] = v as SeverityOrOff;
      else bad(`categories.${k}`, v, 'error, warning, info, hint or off');
    }
  } else if (categories !== undefined && categories !== null) bad('categories', categories, 'an object');
  const rules = lookup(src, 'rules');
  if (isObject(rules)) {
    for (const [k, v] of Object.entries(rules)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) s.rules[k] = v as SeverityOrOff;
      else bad(`rules.${k}`, v, 'error, warning, info, hint or off');
    }
  } else if (rules !== undefined && rules !== null) bad('rules', rules, 'an object');
  const allow = lookup(src, 'allow');
  if (Array.isArray(allow)) {
    for (const w of allow) {
      // An entry with no words ("&") would allow nothing: said, not kept.
      if (typeof w === 'string' && w.length <= 200 && hasWords(w)) s.allow.push(w);
      else bad('allow', w, 'a word or phrase');
    }
  } else if (allow !== undefined && allow !== null) bad('allow', allow, 'a list of words');
  const codeLens = lookup(src, 'codeLens');
  if (typeof codeLens === 'boolean') s.codeLens = codeLens;
  else if (codeLens !== undefined && codeLens !== null) bad('codeLens', codeLens, 'true or false');
  const maxFileSize = lookup(src, 'maxFileSize');
  if (typeof maxFileSize === 'number' && maxFileSize >= 0 && Number.isFinite(maxFileSize)) s.maxFileSize = Math.floor(maxFileSize);
  else if (maxFileSize !== undefined && maxFileSize !== null) bad('maxFileSize', maxFileSize, 'a number of bytes');
  return { settings: s, problems };
}

/**
 * The config the engine gets: editor settings first, then the project file on top (the project
 * file is what the team and CI share, so it wins wherever it says something).
 */
export function effectiveConfig(settings: Settings, project: PlainwordsConfig): PlainwordsConfig {
  return {
    ...project,
    audience: project.audience ?? settings.audience,
    categories: { ...settings.categories, ...project.categories },
    rules: { ...settings.rules, ...project.rules },
    readingAge: { ...settings.readingAge, ...project.readingAge },
  };
}
