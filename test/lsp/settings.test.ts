// Editor settings: one schema, read whatever shape the editor answers.
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../server/src/lsp/settings-schema.js';
import { DEFAULT_SETTINGS, effectiveConfig, readSettings } from '../../server/src/lsp/settings.js';
import { DEFAULT_READING_AGE } from '../../server/src/engine/readability/report.js';

describe('settings schema', () => {
  it('gives every setting a type, a default and a description, and its defaults match the server and engine', () => {
    for (const [name, spec] of Object.entries(settingsSchema.properties)) {
      expect(name).toMatch(/^plainwords\./);
      expect(spec, name).toHaveProperty('type');
      expect(spec, name).toHaveProperty('default');
      expect((spec as { description: string }).description.length, name).toBeGreaterThan(20);
    }
    expect(DEFAULT_SETTINGS.readingAge).toEqual(DEFAULT_READING_AGE);
    expect(JSON.parse(JSON.stringify(settingsSchema))).toEqual(settingsSchema);
  });
});

describe('readSettings', () => {
  it('uses the defaults for null, undefined and non-objects', () => {
    for (const raw of [null, undefined, 'x', 3, []]) expect(readSettings(raw).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('reads nested and flat shapes, and a whole settings object', () => {
    const nested = readSettings({ readingAge: { public: 10 }, codeLens: true });
    const flat = readSettings({ 'readingAge.public': 10, codeLens: true });
    const whole = readSettings({ plainwords: { readingAge: { public: 10 }, codeLens: true } });
    for (const r of [nested, flat, whole]) {
      expect(r.problems).toEqual([]);
      expect(r.settings.readingAge).toEqual({ public: 10, staff: 14 });
      expect(r.settings.codeLens).toBe(true);
    }
  });

  it('ignores values of the wrong type, naming each', () => {
    const { settings, problems } = readSettings({ audience: 'martians', readingAge: { staff: 99 }, categories: { nope: 'off', medical: 'loud', acronym: 'off' }, rules: { x: 1, y: 'hint' }, allow: ['ok', 5, ''], maxFileSize: -1 });
    expect(settings).toMatchObject({ audience: 'public', readingAge: { staff: 14 }, categories: { acronym: 'off' }, rules: { y: 'hint' }, allow: ['ok'], maxFileSize: 2_000_000 });
    expect(problems).toHaveLength(8);
    expect(problems.join('\n')).toContain('plainwords.audience: "martians"');
  });
});

describe('effectiveConfig', () => {
  it('puts the project file over the editor settings, key by key', () => {
    const { settings } = readSettings({ audience: 'staff', categories: { medical: 'off', acronym: 'hint' }, rules: { a: 'off' }, readingAge: { public: 11 } });
    const config = effectiveConfig(settings, { categories: { medical: 'error' }, rules: { b: 'off' }, readingAge: { staff: 12 } });
    expect(config).toMatchObject({ audience: 'staff', categories: { medical: 'error', acronym: 'hint' }, rules: { a: 'off', b: 'off' }, readingAge: { public: 11, staff: 12 } });
    expect(effectiveConfig(settings, { audience: 'public' }).audience).toBe('public');
  });
});
