/**
 * A --jobs worker thread: checks the files the main thread sends, one at a time, in order. It
 * runs the CLI's own script (bin/citecheck.cjs, with its code cache), whose entry comes here
 * in a worker thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { reportStream } from '../report/streams.js';
import { readTarget, reportFile } from './check-file.js';
import { ConfigResolver } from './configs.js';
import type { Job, JobReply, WorkerSetup } from './jobs.js';

export function inWorkerThread(): boolean {
  return !isMainThread;
}

export function runWorker(): void {
  const setup = workerData as WorkerSetup;
  const resolver = new ConfigResolver(setup.resolver);
  const stream = reportStream(setup.format, setup.context);
  const port = parentPort!;
  const encoder = new TextEncoder();

  let queue = Promise.resolve();
  port.on('message', (job: Job) => {
    queue = queue.then(async () => {
      let reply: JobReply;
      try {
        const checker = await resolver.checkerFor(await resolver.configAt(job.configPath));
        const bytes = job.bytes ?? readTarget(job.target, setup.maxFileSize);
        reply = { id: job.id, report: await reportFile(job.target, bytes, checker, setup.flags, stream, true) };
      } catch (error) {
        reply = { id: job.id, failure: (error as Error).message };
      }
      // The part travels as bytes handed over, not copied: a file's report is tens of kilobytes,
      // and cloning strings cost the workers and the main thread more than encoding them once.
      // (Parts made as bytes come from a TextEncoder, so each owns its whole buffer.)
      if ('report' in reply && reply.report.part !== undefined && typeof reply.report.part !== 'function') {
        const part = typeof reply.report.part === 'string' ? encoder.encode(reply.report.part) : reply.report.part;
        port.postMessage({ ...reply, report: { ...reply.report, part } }, [part.buffer as ArrayBuffer]);
      } else {
        port.postMessage(reply);
      }
    });
  });
}
