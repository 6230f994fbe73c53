#!/usr/bin/env node
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`plainwords: internal error: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
