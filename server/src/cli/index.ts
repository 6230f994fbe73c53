#!/usr/bin/env node
import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './main.js';
import { runWorker } from './worker.js';

if (!isMainThread && workerData?.plainwordsWorker) {
  // This bundle also runs the checking workers of `plainwords check` (see pool.ts).
  runWorker(workerData);
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`plainwords: internal error: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
