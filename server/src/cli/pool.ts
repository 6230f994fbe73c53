/**
 * Checks files on all cores with worker threads. Each worker loads the project once, then takes
 * small batches of files until none are left (so that a long file does not hold up the rest),
 * and sends back each file's rendered part of the report. Records arrive in any order; the
 * caller writes them in file order, so output never depends on timing. `jobs` 1 runs
 * everything in this thread.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Project } from '../node/config.js';
import { makeChecker, processFile, type RunSettings, type Task } from './process.js';
import { Renderer, type FileRecord, type RenderSettings } from './render.js';

export interface WorkerData {
  plainwordsWorker: true;
  settings: RunSettings;
  render: RenderSettings;
}

export type WorkerRequest = { tasks: Task[] };
export type WorkerReply = { record: FileRecord } | { idle: true } | { fatal: string };

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The script a worker runs: this bundle (dist/cli.js), which starts as a worker when it sees workerData. */
export function workerScript(): string {
  return __filename;
}

/** Check and render every task; `onRecord` gets each record as it is ready (in any order). */
export async function runTasks(
  tasks: Task[],
  settings: RunSettings,
  render: RenderSettings,
  project: Project,
  jobs: number,
  onRecord: (r: FileRecord) => void,
): Promise<void> {
  const workers = Math.min(jobs, tasks.length);
  if (workers <= 1) {
    const checker = makeChecker(settings, project);
    const renderer = new Renderer(render);
    for (const t of tasks) {
      onRecord(renderer.render(processFile(settings, checker, t), t.file));
      // Let the progress bar and output streams breathe on long runs.
      if (t.index % 64 === 63) await new Promise((r) => setImmediate(r));
    }
    return;
  }
  let next = 0;
  const batchSize = () => Math.max(1, Math.min(16, Math.floor((tasks.length - next) / (workers * 4))));
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let running = workers;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        rejectAll(e);
      };
      for (let w = 0; w < workers; w++) {
        const worker = new Worker(workerScript(), { workerData: { plainwordsWorker: true, settings, render } satisfies WorkerData, resourceLimits: process.env.PW_YOUNG ? { ...(process.env.PW_OLD ? { maxOldGenerationSizeMb: Number(process.env.PW_OLD) } : {}), maxYoungGenerationSizeMb: Number(process.env.PW_YOUNG) } : undefined });
        pool.push(worker);
        let inFlight: Task[] = [];
        let finished = false;
        const feed = () => {
          if (next >= tasks.length) {
            finished = true;
            running--;
            if (running === 0) resolveAll();
            return;
          }
          inFlight = tasks.slice(next, next + batchSize());
          next += inFlight.length;
          worker.postMessage({ tasks: inFlight } satisfies WorkerRequest);
        };
        worker.on('message', (msg: WorkerReply) => {
          if ('record' in msg) {
            inFlight = inFlight.filter((t) => t.index !== msg.record.index);
            onRecord(msg.record);
          } else if ('idle' in msg) feed();
          else fail(new Error(msg.fatal));
        });
        const busy = () => inFlight.map((t) => t.display).join(', ') || 'files';
        worker.on('error', (e) => fail(new Error(`a worker failed while checking ${busy()}: ${e.stack ?? e}`)));
        worker.on('exit', (code) => {
          if (!finished) fail(new Error(`a worker stopped (exit code ${code}) while checking ${busy()}`));
        });
        feed();
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
