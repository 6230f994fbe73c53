// `plainwords dictionary check` and `dictionary new`, and project dictionaries layered over the
// built-in one, through the bundled command line.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'plainwords-dict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], cwd = dir) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

const entry = (over: object = {}) => ({
  $schema: '../../entry.schema.json',
  id: 'hub-and-spoke',
  terms: ['hub and spoke'],
  inflect: 'noun',
  replacements: ['central service with local clinics'],
  why: 'A planning phrase that does not say where people go.',
  category: 'nhs-jargon',
  source: 'Plain Words editors',
  examples: {
    flag: [{ text: 'We run a hub and spoke model.', fixed: 'We run a central service with local clinics model.' }],
    ok: ['We run a central clinic and local clinics.'],
  },
  ...over,
});

describe('plainwords dictionary', () => {
  it('check passes a good entry and runs its examples', () => {
    mkdirSync(join(dir, 'good/nhs-jargon'), { recursive: true });
    writeFileSync(join(dir, 'good/nhs-jargon/hub-and-spoke.json'), JSON.stringify(entry(), null, 2));
    const r = run(['dictionary', 'check', 'good']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1 entries in 1 files, 2 examples: all passed.\n');
    expect(r.status).toBe(0);
  });

  it('check fails a broken entry with file, line and what is wrong', () => {
    mkdirSync(join(dir, 'bad/nhs-jargon'), { recursive: true });
    const broken = entry({ examples: { flag: [{ text: 'We run a hub and spoke model.', fixed: 'We run a hub model.' }], ok: ['Our hub and spoke model works.'] } });
    writeFileSync(join(dir, 'bad/nhs-jargon/hub-and-spoke.json'), JSON.stringify(broken, null, 2));
    writeFileSync(join(dir, 'bad/nhs-jargon/typo.json'), '{ "id": "typo", }');
    const r = run(['dictionary', 'check', 'bad']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'bad/nhs-jargon/typo.json:1:17: invalid JSON: expected a field name in double quotes',
      'bad/nhs-jargon/hub-and-spoke.json:18:9: fixing "We run a hub and spoke model." gives "We run a central service with local clinics model.", expected "We run a hub model."',
      'bad/nhs-jargon/hub-and-spoke.json:22:7: "Our hub and spoke model works." should not be flagged by hub-and-spoke, but “hub and spoke” was',
    ]);
  });

  it('new prints a valid skeleton that names where to save it', () => {
    const r = run(['dictionary', 'new', 'hub and spoke']);
    expect(r.status).toBe(0);
    const skeleton = JSON.parse(r.stdout);
    expect(skeleton).toMatchObject({ id: 'hub-and-spoke', terms: ['hub and spoke'], category: 'nhs-jargon' });
    expect(r.stderr).toContain('dictionaries/entries/nhs-jargon/hub-and-spoke.json');
  });

  it('a project dictionary and allow list are layered over the built-in one', () => {
    const proj = join(dir, 'project');
    mkdirSync(join(proj, 'words/nhs-jargon'), { recursive: true });
    writeFileSync(join(proj, 'words/nhs-jargon/hub-and-spoke.json'), JSON.stringify(entry(), null, 2));
    writeFileSync(join(proj, '.plainwords.json'), JSON.stringify({ dictionaries: ['words'], allow: ['utilise'] }));
    writeFileSync(join(proj, 'doc.md'), 'We run a hub and spoke model. We utilise it. We will commence soon.\n');
    const r = run(['check', 'doc.md', '--format', 'json'], proj);
    const ids = JSON.parse(r.stdout).files[0].findings.map((f: { entryId?: string }) => f.entryId);
    expect(ids).toContain('hub-and-spoke');
    expect(ids).toContain('commence');
    expect(ids).not.toContain('utilise');
  });
});
