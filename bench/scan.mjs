// The throughput floor: read every article file under the given paths and count the matches of
// one simple regex (parenthesised text, where citations live). Prints the count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const EXTENSIONS = /\.(txt|md|markdown|html|htm)$/;
const PATTERN = /\(([^()\n]*)\)/g;

function* files(path) {
  if (statSync(path).isFile()) { yield path; return; }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* files(child);
    else if (EXTENSIONS.test(entry.name)) yield child;
  }
}

let count = 0;
for (const arg of process.argv.slice(2)) {
  for (const file of files(arg)) count += readFileSync(file, 'utf8').match(PATTERN)?.length ?? 0;
}
process.stdout.write(`${count}\n`);
