/**
 * The argument a --jobs worker thread's script is started with. The entry tells a worker by it,
 * so a run with no workers never loads node:worker_threads: a few milliseconds of a git hook's
 * start.
 */
export const WORKER_THREAD_ARGUMENT = '--citecheck-worker-thread';
