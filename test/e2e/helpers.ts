/** The built CLI (`npm test` builds first) run as a user runs it, in temporary git repositories. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'citecheck.cjs');

if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('the CLI is not built: run `npm run build` (npm test does it first)');

/** Git and citecheck see neither the user's nor the system's git configuration, nor CI. */
export const ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_') && key !== 'CITECHECK_REGISTRY_FROM_YAML' && key !== 'CI')),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  // Hooks run `node`: make sure it is the one running the tests.
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
};

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function spawn(command: string, args: readonly string[], cwd: string, input?: string): Run {
  const run = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', input });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export function citecheck(args: readonly string[], cwd: string, input?: string): Run {
  return spawn(process.execPath, [BIN, ...args], cwd, input);
}

/** Runs git; throws with git's message when it fails, unless `allowFailure`. */
export function git(args: readonly string[], cwd: string, allowFailure = false): Run {
  const run = spawn('git', args, cwd);
  if (run.code !== 0 && !allowFailure) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run;
}

/** A new repository with one commit, and the files written (not staged). */
export function repository(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-e2e-'));
  git(['init', '-q', '-b', 'main'], dir);
  git(['config', 'user.name', 'Test Desk'], dir);
  git(['config', 'user.email', 'desk@example.org'], dir);
  git(['config', 'commit.gpgsign', 'false'], dir);
  writeFileSync(join(dir, 'README'), 'newsroom\n');
  git(['add', 'README'], dir);
  git(['commit', '-q', '-m', 'start'], dir);
  write(dir, files);
  return dir;
}

export function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}
