/** A --jobs worker thread: checks the files the main thread sends, one at a time, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { builtinRules } from '../../rules/index.js';
import { reportStream } from '../report/streams.js';
import { readTarget, reportFile } from './check-file.js';
import { ConfigResolver } from './configs.js';
import type { Job, JobReply, WorkerSetup } from './jobs.js';

const setup = workerData as WorkerSetup;
const resolver = new ConfigResolver({ ...setup.resolver, rules: builtinRules });
const stream = reportStream(setup.format, { ...setup.context, rules: builtinRules.map((rule) => rule.meta) });
const port = parentPort!;

let queue = Promise.resolve();
port.on('message', (job: Job) => {
  queue = queue.then(async () => {
    let reply: JobReply;
    try {
      const checker = await resolver.checkerFor(await resolver.configAt(job.configPath));
      const bytes = job.bytes ?? readTarget(job.target, setup.maxFileSize);
      reply = { id: job.id, report: await reportFile(job.target, bytes, checker, setup.flags, stream) };
    } catch (error) {
      reply = { id: job.id, failure: (error as Error).message };
    }
    port.postMessage(reply);
  });
});
