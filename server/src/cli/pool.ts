/**
 * Checks files in parallel with worker threads. Each worker loads the project once, then takes
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

/**
 * Files checked at once by default: two thirds of the cores, at least one. A check keeps more
 * than its own core busy (V8 collects garbage and compiles on other threads: on the shared
 * corpus, 1.5 s of CPU for each second of wall time), so a worker per core leaves them fighting:
 * on 2 cores, 2 workers took a fifth longer than 1 and half as much CPU again.
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, Math.floor((cores * 2) / 3));
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
  onNotice: (message: string) => void = () => {},
  /** Aborted on SIGINT/SIGTERM: no file is started after it (runTasks then rejects). */
  stop?: AbortSignal,
): Promise<void> {
  const workers = Math.min(jobs, tasks.length);
  if (workers <= 1) {
    const checker = makeChecker(settings, project);
    const renderer = new Renderer(render);
    for (const t of tasks) {
      if (stop?.aborted) throw new Error('interrupted');
      onRecord(renderer.render(processFile(settings, checker, t), t.file));
      // Let the progress bar and output streams breathe on long runs (and a signal be heard
      // between files, never in the middle of writing one).
      if (stop || t.index % 64 === 63) await new Promise((r) => setImmediate(r));
    }
    return;
  }
  let next = 0;
  const batchSize = () => Math.max(1, Math.min(16, Math.floor((tasks.length - next) / (workers * 4))));
  const take = () => {
    const batch = tasks.slice(next, next + batchSize());
    next += batch.length;
    return batch;
  };
  // A file that needs more memory than a worker may use is checked here instead.
  let local: { checker: ReturnType<typeof makeChecker>; renderer: Renderer } | undefined;
  const runHere = (batch: Task[]) => {
    local ??= { checker: makeChecker(settings, project), renderer: new Renderer(render) };
    for (const t of batch) onRecord(local.renderer.render(processFile(settings, local.checker, t), t.file));
  };
  const limits = workerLimits();
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
      // Interrupted: stop at once; the workers are terminated below (a temporary file a worker
      // was writing is removed by the caller; the rename that replaces a file is atomic).
      stop?.addEventListener('abort', () => fail(new Error('interrupted')), { once: true });
      const slotDone = () => {
        running--;
        if (running > 0) return;
        try {
          while (next < tasks.length) runHere(take());
          resolveAll();
        } catch (e) {
          fail(e as Error);
        }
      };
      for (let w = 0; w < workers; w++) {
        const worker = new Worker(workerScript(), { workerData: { plainwordsWorker: true, settings, render } satisfies WorkerData, resourceLimits: limits });
        pool.push(worker);
        let inFlight: Task[] = [];
        let finished = false;
        const feed = () => {
          if (stop?.aborted) return;
          if (next >= tasks.length) {
            finished = true;
            slotDone();
            return;
          }
          inFlight = take();
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
        worker.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' && !finished) {
            finished = true;
            const batch = inFlight;
            inFlight = [];
            onNotice(`a worker ran out of memory${batch.length ? ` on ${batch.map((t) => t.display).join(', ')}` : ''}; checking ${batch.length ? 'them' : 'its files'} in the main thread`);
            try {
              runHere(batch);
            } catch (err) {
              return fail(err as Error);
            }
            slotDone();
            return;
          }
          fail(new Error(`a worker failed while checking ${busy()}: ${e.stack ?? e}`));
        });
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

/**
 * Memory limits for a worker. The live data of a check is small (a few MB per document), but
 * V8 collects garbage lazily and lets an unlimited heap grow to hundreds of MB; these limits
 * keep the whole run (all workers) near a few hundred MB. A document that needs more is
 * checked in the main thread, which has no such limit. PLAINWORDS_WORKER_MEMORY_MB sets the
 * old-generation limit (0 = none).
 */
export function workerLimits(env: NodeJS.ProcessEnv = process.env): { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number } | undefined {
  const setting = env.PLAINWORDS_WORKER_MEMORY_MB;
  const old = setting !== undefined && /^\d+$/.test(setting) ? Number(setting) : DEFAULT_WORKER_OLD_MB;
  if (old === 0) return undefined;
  // With a young generation of 16 MB the collector runs so often that checking takes half as
  // long again; 24 MB costs about a tenth more CPU than no limit, for a third less memory.
  return { maxOldGenerationSizeMb: old, maxYoungGenerationSizeMb: Math.max(4, Math.min(24, Math.floor(old * 0.375))) };
}

const DEFAULT_WORKER_OLD_MB = 64;
