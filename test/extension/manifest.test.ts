// The extension manifest (package.json) against what it describes: the settings schema the server
// uses, the commands the client registers, the files it names, the bundle entries.
import { Ajv } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedConfiguration } from '../../scripts/generate-manifest.mjs';

const ROOT = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const clientSource = readdirSync(join(ROOT, 'client/src'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(ROOT, 'client/src', f), 'utf8'))
  .join('\n');

describe('contributes.configuration', () => {
  it('is generated from the server settings schema (run `node scripts/generate-manifest.mjs` after changing it)', async () => {
    const { configuration } = await expectedConfiguration(ROOT);
    expect(pkg.contributes.configuration).toEqual(configuration);
  });

  it('has the client-only settings and a description for every setting', () => {
    const props = pkg.contributes.configuration.properties as Record<string, Record<string, unknown>>;
    expect(props['plainwords.languages']?.default).toEqual(['markdown', 'plaintext']);
    expect(props['plainwords.trace.server']?.enum).toEqual(['off', 'messages', 'verbose']);
    for (const [name, spec] of Object.entries(props)) {
      expect(name).toMatch(/^plainwords\./);
      const text = (spec.description ?? spec.markdownDescription) as string;
      expect(text, name).toBeTruthy();
      expect(text.length, name).toBeGreaterThan(20);
    }
  });

  it('each default is valid against its own setting schema', () => {
    const ajv = new Ajv({ strict: false });
    for (const [name, spec] of Object.entries(pkg.contributes.configuration.properties as Record<string, Record<string, unknown>>)) {
      const { default: value, scope: _scope, order: _order, markdownDescription: _md, enumDescriptions: _ed, ...schema } = spec;
      expect(ajv.validate(schema, value), `${name}: ${ajv.errorsText()}`).toBe(true);
    }
  });

  it('every setting is in the table of docs/vscode.md, with its default', () => {
    const doc = readFileSync(join(ROOT, 'docs/vscode.md'), 'utf8');
    const squash = (v: string) => v.replace(/[\s`]/g, '');
    for (const [name, spec] of Object.entries(pkg.contributes.configuration.properties as Record<string, { default: unknown }>)) {
      const row = new RegExp(`^\\| \`${name.replace(/\./g, '\\.')}\` \\| ([^|]+) \\|`, 'm').exec(doc);
      expect(row, `${name} has a row in the settings table`).not.toBeNull();
      const documented = squash(row![1]);
      const actual = typeof spec.default === 'string' ? spec.default : JSON.stringify(spec.default);
      expect(documented, `${name} default`).toBe(squash(actual));
    }
  });

  it('restricts, in untrusted workspaces, only settings that exist', () => {
    const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations as string[];
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(restricted.length).toBeGreaterThan(0);
    for (const name of restricted) expect(Object.keys(pkg.contributes.configuration.properties)).toContain(name);
  });
});

describe('commands', () => {
  const contributed = (pkg.contributes.commands as Array<{ command: string; title: string; category: string }>).map((c) => c.command);
  const registered = [...clientSource.matchAll(/reg\('(plainwords\.[A-Za-z]+)'/g)].map((m) => m[1]);

  it('every contributed command is registered by the client, and the other way round', () => {
    expect([...registered].sort()).toEqual([...contributed].sort());
    expect(contributed).toEqual(
      expect.arrayContaining([
        'plainwords.checkWorkspace',
        'plainwords.fixAll',
        'plainwords.addToWordList',
        'plainwords.openDictionaryEntry',
        'plainwords.showReadabilityReport',
        'plainwords.restartServer',
      ]),
    );
  });

  it('are titled "Plain Words: ..." in the Command Palette', () => {
    for (const c of pkg.contributes.commands) {
      expect(c.category).toBe('Plain Words');
      expect(c.title).toMatch(/^[A-Z]/);
    }
  });

  it('menus name only contributed commands', () => {
    for (const items of Object.values(pkg.contributes.menus as Record<string, Array<{ command: string }>>)) {
      for (const item of items) expect(contributed).toContain(item.command);
    }
  });
});

describe('files the manifest names', () => {
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
  const packaged = (file: string) => ignore.split('\n').includes(`!${file}`);

  it('JSON validation points at schemas that exist, compile and are packaged', () => {
    const ajv = new Ajv({ strict: false });
    const matches = (pkg.contributes.jsonValidation as Array<{ fileMatch: string; url: string }>).map((v) => v.fileMatch);
    expect(matches).toEqual(expect.arrayContaining(['.plainwords.json', 'dictionaries/entries/**/*.json']));
    for (const { url } of pkg.contributes.jsonValidation) {
      const file = url.replace(/^\.\//, '');
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      expect(() => ajv.compile(JSON.parse(readFileSync(join(ROOT, file), 'utf8')))).not.toThrow();
      expect(packaged(file), `${file} in .vscodeignore`).toBe(true);
    }
  });

  it('a real dictionary entry is valid against the schema the editor uses for it', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'dictionaries/entry.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    const dir = join(ROOT, 'dictionaries/entries/wordy-phrase');
    const entry = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!), 'utf8'));
    expect(validate(entry), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...entry, id: 42 })).toBe(false);
  });

  it('main and browser are the desktop and web bundles, built from client sources', () => {
    expect(pkg.main).toBe('./dist/extension.js');
    expect(pkg.browser).toBe('./dist/web-extension.js');
    expect(existsSync(join(ROOT, 'client/src/extension.ts'))).toBe(true);
    expect(existsSync(join(ROOT, 'client/src/web-extension.ts'))).toBe(true);
    for (const bundle of ['dist/extension.js', 'dist/web-extension.js', 'dist/server.js', 'dist/browser-server.js']) expect(packaged(bundle), bundle).toBe(true);
    expect(ignore.split('\n')[ignore.split('\n').findIndex((l) => !l.startsWith('#'))]).toBe('**');
  });

  it('activates for the default languages', () => {
    expect(pkg.activationEvents).toEqual(expect.arrayContaining(['onLanguage:markdown', 'onLanguage:plaintext']));
  });

  it('the icon is a 128x128 PNG', () => {
    const png = readFileSync(join(ROOT, pkg.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
  });

  it('has what the Marketplace needs', () => {
    expect(pkg.publisher).toBe('plainwords');
    expect(pkg.name).toBe('plainwords');
    expect(pkg.displayName).toBe('Plain Words');
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository.url).toMatch(/^https:\/\//);
    expect(pkg.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    for (const f of ['LICENSE', 'CHANGELOG.md', 'docs/vscode.md']) expect(existsSync(join(ROOT, f)), f).toBe(true);
  });
});
