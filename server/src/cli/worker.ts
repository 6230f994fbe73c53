/**
 * A checking worker (see pool.ts): loads the project once, then checks and renders the batches
 * of files it is sent, replying with one record per file and `idle` after each batch.
 */
import { parentPort } from 'node:worker_threads';
import { makeChecker, openProject, processFile } from './process.js';
import type { WorkerData, WorkerReply, WorkerRequest } from './pool.js';
import { Renderer } from './render.js';

const encoder = new TextEncoder();

export function runWorker(data: WorkerData): void {
  const port = parentPort!;
  const post = (msg: WorkerReply) => port.postMessage(msg);
  let checker: ReturnType<typeof makeChecker>;
  let renderer: Renderer;
  try {
    // The main thread has already loaded (and reported any problem with) the same project.
    checker = makeChecker(data.settings, openProject(data.settings));
    renderer = new Renderer(data.render);
  } catch (e) {
    post({ fatal: `a worker could not load the project: ${(e as Error)?.stack ?? e}` });
    return;
  }
  port.on('message', (msg: WorkerRequest) => {
    for (const task of msg.tasks) {
      const record = renderer.render(processFile(data.settings, checker, task), task.file);
      // The report part goes over as UTF-8 bytes, moved rather than copied: the main thread
      // writes them as they are, so its heap never holds (and waits to collect) the strings.
      const bytes = encoder.encode(record.part as string);
      port.postMessage({ record: { ...record, part: bytes } } satisfies WorkerReply, [bytes.buffer]);
    }
    post({ idle: true });
  });
}
