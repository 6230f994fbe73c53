/**
 * The plainwords command line: `plainwords check`, `plainwords dictionary check|new`,
 * `plainwords lsp`. Exit codes: 0 passed, 1 findings over the gate, 2 usage, config or read error.
 */
import { pushAll } from '../engine/index.js';
import { runCheck } from './check.js';
import { runDictionary } from './dictionary.js';
import { VERSION } from '../node/version.js';

export const HELP = `Plain Words ${VERSION}: plain English for health and social care writing.

Usage:
  plainwords check [files, folders, globs]   check markdown and text files (default: .)
  plainwords dictionary check [paths]        validate dictionary entries and run their examples
  plainwords dictionary new "term"           print a filled-in entry skeleton
  plainwords lsp --stdio                     start the language server
  plainwords check --help                    all the options of check

Exit codes: 0 passed, 1 findings over the gate, 2 usage, config or read error.`;

export const CHECK_HELP = `Usage: plainwords check [options] [files, folders, globs]

Checks markdown (.md, .markdown, .mdx, ...) and text (.txt) files; folders are walked, skipping
what .gitignore and .plainwordsignore files exclude. With no paths, checks the current folder.

Output:
  -f, --format <name>        stylish (default), json, sarif, github, junit or html
  -o, --output <file>        write the report to a file instead of standard output
  --no-progress              never show the progress bar (it shows on a terminal only)

Input and config:
  -c, --config <file>        project config (default: the nearest .plainwords.json)
  --audience <public|staff>  audience for every file (default: front matter, then config)
  --stdin                    read one document from standard input
  --stdin-filename <name>    the name to report for --stdin (its extension sets the format)

Gates (exit code 1 when passed):
  --max-warnings <n>         fail when there are more than n warnings (any error always fails)
  --min-severity <level>     error, warning, info or hint: findings below are not reported
  --max-reading-age <n>      fail when a document's reading age is over n

Fixes:
  --fix                      apply the unambiguous fixes to the files, then report what is left
  --fix-dry-run              print the changes --fix would make as a unified diff

Baselines:
  --write-baseline <file>    record today's findings (the run then passes the findings gate)
  --baseline <file>          report and fail only on findings that are not in the baseline

Speed:
  -j, --jobs <n>             files checked in parallel (default: 2/3 of the cores; 1 = no workers)

Exit codes: 0 passed, 1 findings over the gate, 2 usage, config or read error.`;

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(HELP + '\n');
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        process.stdout.write(VERSION + '\n');
        return 0;
      case 'check':
        return await runCheck(rest);
      case 'dictionary':
        return await runDictionary(rest);
      case 'lsp': {
        const { startServer } = await import('../lsp/node-main.js');
        startServer(rest);
        return -1; // keeps running
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`plainwords: ${e.message}\nRun "plainwords --help" for usage.\n`);
      return 2;
    }
    process.stderr.write(`plainwords: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

/** Parse --flag value / --flag=value options; returns positionals and a map. */
export function parseArgs(args: string[], spec: Record<string, 'string' | 'boolean'>): { positionals: string[]; options: Record<string, string | boolean> } {
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      pushAll(positionals, args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') || (arg.startsWith('-') && arg.length === 2)) {
      const eq = arg.indexOf('=');
      const name = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
      const kind = spec[name];
      if (!kind) throw new UsageError(`unknown option "${arg}"`);
      if (kind === 'boolean') {
        if (eq > 0) throw new UsageError(`option "--${name}" takes no value`);
        options[name] = true;
      } else {
        const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`option "--${name}" needs a value`);
        options[name] = value;
      }
    } else positionals.push(arg);
  }
  return { positionals, options };
}
