/**
 * The bundled CLI's entry (dist/cli.cjs, loaded by bin/citecheck.cjs): run and exit with
 * citecheck's exit code; in a --jobs worker thread, which runs the same script, check files.
 */
import { main } from './main.js';
import { WORKER_THREAD_ARGUMENT } from './thread.js';

if (!process.argv.includes(WORKER_THREAD_ARGUMENT)) runCommand();
else {
  // Typed on a command line, the argument is an unknown option, for the command to report.
  void import('./worker.js').then(({ inWorkerThread, runWorker }) => (inWorkerThread() ? runWorker() : runCommand()));
}

function runCommand(): void {
  // A reader that stops early (`citecheck … | head`) closes the pipe. Node would throw EPIPE
  // with a stack trace; instead the rest of the output is dropped without a word, and the run
  // still ends with the exit code its findings call for (CI with `pipefail` gets the true
  // verdict). Any other failure to write (a full disk) is one line and exit code 2.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      if (stream === process.stdout) process.stderr.write(`citecheck: cannot write the report to standard output: ${error.message}\n`);
      process.exit(2);
    });
  }

  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // Left to end by itself, Node first waits for V8's background compiler to finish jobs whose
    // code will never run, then frees the heap page by page: ~20-40 ms of a 3 KB article's
    // check. Once the output is out (the immediate lets a write error's event come first),
    // there is nothing left to wait for. Output still queued (an asynchronous pipe on some
    // systems) is left to drain, and Node ends the run as usual.
    setImmediate(() => {
      if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
    });
  });
}
