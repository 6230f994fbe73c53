// The official SARIF 2.1.0 schema and validator, both from the @microsoft/sarif-multitool npm
// package (a devDependency): the validator is a self-contained .NET program in the package for
// this platform, and the schema is embedded in it as a resource, read from there (no download).
import { accessSync, chmodSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { ROOT } from './harness.js';

const require = createRequire(join(ROOT, 'package.json'));

/** Path of the Sarif.Multitool program for this platform. */
export function multitoolPath(): string {
  const path: string = require('@microsoft/sarif-multitool');
  try {
    accessSync(path, constants.X_OK);
  } catch {
    // Its install script (chmod u+x) does not run when npm skips install scripts.
    chmodSync(path, 0o755);
  }
  return path;
}

/** The SARIF 2.1.0 JSON schema embedded in the multitool. */
export function officialSarifSchema(): Record<string, unknown> {
  const bin = readFileSync(multitoolPath());
  const at = bin.indexOf(Buffer.from('"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"'));
  if (at < 0) throw new Error('the SARIF schema was not found in the multitool');
  const start = bin.lastIndexOf(0x7b /* { */, at);
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < bin.length; i++) {
    const c = bin[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return JSON.parse(bin.subarray(start, i + 1).toString('utf8'));
  }
  throw new Error('the SARIF schema in the multitool is not complete');
}

let validator: ValidateFunction | undefined;

/** An ajv validator for the official schema (formats checked too). */
export function sarifValidator(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s) && URL.canParse(s, 'file:///base/'));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  validator = ajv.compile(officialSarifSchema());
  return validator;
}

/**
 * Run `Sarif.Multitool validate` on a log with the SARIF and GitHub rule sets. The rule that
 * fetches every URI to see whether it is reachable is turned off: tests use no network.
 * Returns the validator's results (errors, warnings and notes about the log).
 */
export function multitoolValidate(sarifFile: string, workDir: string): Array<{ ruleId: string; level: string; text: string }> {
  const config = join(workDir, 'validation.xml');
  writeFileSync(
    config,
    '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">\n' +
      '    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />\n  </Properties>\n</Properties>\n',
  );
  const out = join(workDir, 'validation.sarif');
  const r = spawnSync(multitoolPath(), ['validate', sarifFile, '--config', config, '--rule-kind', 'Sarif;Gh;Ghas', '--output', out, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  if (r.error) throw r.error;
  if (!/Analysis completed successfully/.test(r.stdout)) throw new Error(`Sarif.Multitool validate failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const log = JSON.parse(readFileSync(out, 'utf8'));
  return (log.runs?.[0]?.results ?? []).map((x: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }) => ({
    ruleId: x.ruleId,
    level: x.level ?? 'warning',
    text: x.message.text ?? `${x.message.id}: ${(x.message.arguments ?? []).join(' | ')}`,
  }));
}
