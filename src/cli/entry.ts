/** The bundled CLI's entry: run and exit with citecheck's exit code. */
import { main } from './main.js';

// A reader that stops early (`citecheck … | head`) closes the pipe. Node would throw EPIPE with
// a stack trace; instead the rest of the output is dropped without a word, and the run still
// ends with the exit code its findings call for (CI with `pipefail` gets the true verdict).
// Any other failure to write (a full disk) is one line and exit code 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    if (stream === process.stdout) process.stderr.write(`citecheck: cannot write the report to standard output: ${error.message}\n`);
    process.exit(2);
  });
}

process.exitCode = await main(process.argv.slice(2));
