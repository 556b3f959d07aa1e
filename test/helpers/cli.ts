/** Runs the CLI's main() in-process with captured streams. */
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function runCli(args: string[], options: { cwd?: string; stdin?: string | null } = {}): Promise<CliRun> {
  process.env.CITECHECK_REGISTRY_FROM_YAML = '1';
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Object.assign(Readable.from(options.stdin === undefined || options.stdin === null ? [] : [Buffer.from(options.stdin)]), { isTTY: options.stdin === undefined });
  const code = await main(args, { stdout, stderr, stdin }, options.cwd ?? process.cwd());
  return { code, stdout: stdout.text, stderr: stderr.text };
}
