/**
 * Checks files on all cores with worker threads. Each worker loads the project once, then takes
 * small batches of files until none are left (so that a long file does not hold up the rest).
 * Results come back in any order and are put in the order of the file list, so output never
 * depends on timing. `jobs` 1 runs everything in this thread.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Project } from '../node/config.js';
import { makeChecker, processFile, type Outcome, type RunSettings, type Task } from './process.js';

export interface WorkerData {
  plainwordsWorker: true;
  settings: RunSettings;
}

export type WorkerRequest = { tasks: Task[] };
export type WorkerReply = { outcome: Outcome } | { idle: true } | { fatal: string };

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The script a worker runs: this bundle (dist/cli.js), which starts as a worker when it sees workerData. */
export function workerScript(): string {
  return __filename;
}

/**
 * Run every task; `onOutcome` is called as each finishes (for progress). Returns outcomes in
 * task order.
 */
export async function runTasks(
  tasks: Task[],
  settings: RunSettings,
  project: Project,
  jobs: number,
  onOutcome: (o: Outcome) => void,
): Promise<Outcome[]> {
  const out: Outcome[] = new Array(tasks.length);
  const workers = Math.min(jobs, tasks.length);
  if (workers <= 1) {
    const checker = makeChecker(settings, project);
    for (const t of tasks) {
      const o = processFile(settings, checker, t);
      out[t.index] = o;
      onOutcome(o);
    }
    return out;
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
        const worker = new Worker(workerScript(), { workerData: { plainwordsWorker: true, settings } satisfies WorkerData });
        pool.push(worker);
        let inFlight: Task[] = [];
        const feed = () => {
          if (next >= tasks.length) {
            running--;
            if (running === 0) resolveAll();
            return;
          }
          inFlight = tasks.slice(next, next + batchSize());
          next += inFlight.length;
          worker.postMessage({ tasks: inFlight } satisfies WorkerRequest);
        };
        worker.on('message', (msg: WorkerReply) => {
          if ('outcome' in msg) {
            out[msg.outcome.index] = msg.outcome;
            inFlight = inFlight.filter((t) => t.index !== msg.outcome.index);
            onOutcome(msg.outcome);
          } else if ('idle' in msg) feed();
          else fail(new Error(msg.fatal));
        });
        worker.on('error', (e) => fail(new Error(`a worker failed while checking ${inFlight.map((t) => t.display).join(', ') || 'files'}: ${e.stack ?? e}`)));
        worker.on('exit', (code) => {
          if (next < tasks.length || inFlight.length) fail(new Error(`a worker stopped (exit code ${code}) while checking ${inFlight.map((t) => t.display).join(', ') || 'files'}`));
        });
        feed();
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
}
