/**
 * --jobs: worker threads that check files beside the main thread, which also reads, caches
 * and writes the report (so --jobs n starts n - 1 workers). Each worker builds its own checkers (the same configurations, already validated by
 * the main thread) and writes each file's part of the report, so the main thread only copies
 * text; results come back in input order because the run awaits them in that order.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FormatName, StreamContext } from '../report/streams.js';
import { packageRoot } from '../registry/builtin.js';
import type { FileFlags, FileReport, Target } from './check-file.js';
import type { ConfigOptions } from './configs.js';
import { WORKER_THREAD_ARGUMENT } from './thread.js';

/** What every worker is started with: plain data (the checkers are rebuilt inside). */
export interface WorkerSetup {
  resolver: ConfigOptions;
  flags: FileFlags;
  maxFileSize?: number;
  format: FormatName;
  context: StreamContext;
}

export interface Job {
  id: number;
  target: Target;
  /** The configuration file for the target (null: none), as the main thread resolved it. */
  configPath: string | null;
  /** The bytes, when the main thread has read them already (for --cache, or stdin). */
  bytes?: Uint8Array | { error: string };
}

export type JobReply = { id: number; report: FileReport } | { id: number; failure: string };

/** Files each worker is given ahead, so it never waits for the main thread. */
const QUEUE_PER_WORKER = 2;

export class WorkerPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly waiting: Job[] = [];
  private readonly pending = new Map<number, { resolve: (report: FileReport) => void; reject: (error: Error) => void; worker?: Worker }>();

  constructor(count: number, setup: WorkerSetup) {
    // The command's own script: its entry checks files when it finds itself in a worker thread.
    const script = join(packageRoot(), 'bin', 'citecheck.cjs');
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: setup, argv: [WORKER_THREAD_ARGUMENT] });
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: JobReply) => this.settle(slot, reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => { if (code !== 0) this.fail(worker, new Error(`a worker thread stopped (exit code ${code})`)); });
      this.workers.push(slot);
    }
  }

  /** Whether a worker could take a file now without it waiting behind others. */
  hasRoom(): boolean {
    return this.waiting.length === 0 && this.workers.some((slot) => slot.busy < QUEUE_PER_WORKER);
  }

  run(job: Job): Promise<FileReport> {
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      this.waiting.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.workers) {
      while (slot.busy < QUEUE_PER_WORKER && this.waiting.length > 0) {
        const job = this.waiting.shift()!;
        this.pending.get(job.id)!.worker = slot.worker;
        slot.busy++;
        slot.worker.postMessage(job);
      }
    }
  }

  private settle(slot: { busy: number }, reply: JobReply): void {
    slot.busy--;
    const waiter = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if ('failure' in reply) waiter?.reject(new Error(reply.failure));
    else waiter?.resolve(reply.report);
    this.dispatch();
  }

  /** A worker that dies fails the files it held; the run reports it like any internal error. */
  private fail(worker: Worker, error: Error): void {
    for (const [id, waiter] of this.pending) {
      if (waiter.worker === worker) { this.pending.delete(id); waiter.reject(error); }
    }
  }
}
