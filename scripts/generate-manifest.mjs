// Writes the extension manifest's generated part, package.json contributes.configuration, from
// the settings schema the language server uses (server/src/lsp/settings-schema.ts, or
// schemas/settings.schema.json when that exists), so the two cannot drift.
//   node scripts/generate-manifest.mjs           update package.json (only that field)
//   node scripts/generate-manifest.mjs --check   exit 1 and say what differs, change nothing
// test/extension/manifest.test.ts runs the same comparison.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_JSON = 'schemas/settings.schema.json';
export const SCHEMA_TS = 'server/src/lsp/settings-schema.ts';


/** The settings schema object, from the JSON file or the TypeScript module (transpiled with esbuild). */
export async function loadSettingsSchema(root = ROOT) {
  const json = join(root, SCHEMA_JSON);
  if (existsSync(json)) return { schema: JSON.parse(readFileSync(json, 'utf8')), source: SCHEMA_JSON };
  const ts = join(root, SCHEMA_TS);
  if (!existsSync(ts)) throw new Error(`no settings schema: neither ${SCHEMA_JSON} nor ${SCHEMA_TS} exists`);
  const esbuild = await import('esbuild');
  const out = await esbuild.build({ entryPoints: [ts], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const schema = mod.settingsSchema ?? mod.default;
  if (!schema || typeof schema !== 'object' || !schema.properties) throw new Error(`${SCHEMA_TS} must export settingsSchema with "properties"`);
  return { schema, source: SCHEMA_TS };
}

/** Drop the schema's own annotations (x-*) that VS Code does not know, recursively. */
function clean(value) {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) if (!k.startsWith('x-')) out[k] = clean(v);
    return out;
  }
  return value;
}

/** contributes.configuration for a settings schema. Descriptions with Markdown (backticks) become markdownDescription. */
export function configurationFromSchema(schema) {
  const props = { ...schema.properties };
  const properties = {};
  let order = 0;
  for (const [rawName, spec] of Object.entries(props)) {
    const name = rawName.startsWith('plainwords.') ? rawName : `plainwords.${rawName}`;
    const setting = clean(spec);
    if (typeof setting.description !== 'string' || !setting.description.trim()) throw new Error(`setting ${name} has no description`);
    if (/`|\*\*|\]\(/.test(setting.description)) {
      setting.markdownDescription = setting.description;
      delete setting.description;
    }
    setting.order = order++;
    properties[name] = setting;
  }
  return { title: schema.title ?? 'Plain Words', properties };
}

export async function expectedConfiguration(root = ROOT) {
  const { schema, source } = await loadSettingsSchema(root);
  return { configuration: configurationFromSchema(schema), source };
}

async function main() {
  const check = process.argv.includes('--check');
  const { configuration, source } = await expectedConfiguration();
  const file = join(ROOT, 'package.json');
  // Read just before writing: other scripts edit package.json too; only this field is touched.
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text);
  const current = pkg.contributes?.configuration;
  if (isDeepStrictEqual(current, configuration)) {
    console.log(`package.json contributes.configuration matches ${source} (${Object.keys(configuration.properties).length} settings)`);
    return;
  }
  if (check) {
    const names = new Set([...Object.keys(current?.properties ?? {}), ...Object.keys(configuration.properties)]);
    const differ = [...names].filter((n) => !isDeepStrictEqual(current?.properties?.[n], configuration.properties[n]));
    console.error(`package.json contributes.configuration is out of date with ${source}: ${differ.join(', ') || 'title'}. Run: node scripts/generate-manifest.mjs`);
    process.exit(1);
  }
  pkg.contributes = { ...(pkg.contributes ?? {}), configuration };
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
  console.log(`package.json contributes.configuration written from ${source} (${Object.keys(configuration.properties).length} settings)`);
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  main().catch((e) => {
    console.error(`generate-manifest: ${e.message}`);
    process.exit(1);
  });
}
