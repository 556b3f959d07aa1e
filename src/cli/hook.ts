/**
 * `citecheck hook install|uninstall`: a pre-commit hook that checks the staged articles. It goes
 * where git looks for hooks (core.hooksPath respected); an existing pre-commit hook is kept by
 * renaming it and calling it first, and uninstalling puts it back, removing only what was added.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../registry/builtin.js';
import { git, gitRoot } from './git.js';
import { UsageError } from './options.js';
import { writeAtomically } from './write.js';

const MARKER = '# citecheck pre-commit hook';
const HOOK = 'pre-commit';
/** Where a pre-existing hook is kept while ours chains to it. */
const CHAINED = 'pre-commit.citecheck-chained';

function hooksFolder(cwd: string): string {
  const root = gitRoot(cwd);
  if (!root) throw new UsageError('hook: not inside a git repository');
  // --git-path applies core.hooksPath (and finds the common folder of a worktree).
  return resolve(root, git(['rev-parse', '--git-path', 'hooks'], root).toString().trim());
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The hook script: the chained hook first, then the project's citecheck, this one, or one on PATH. */
export function hookScript(bin = join(packageRoot(), 'bin', 'citecheck.cjs')): string {
  return `#!/bin/sh
${MARKER}: installed by \`citecheck hook install\`, removed by \`citecheck hook uninstall\`.
# Checks the staged content of staged articles; errors block the commit (git commit --no-verify skips it).
hooks=$(dirname "$0")
if [ -x "$hooks/${CHAINED}" ]; then
  "$hooks/${CHAINED}" "$@" || exit $?
fi
if [ -x ./node_modules/.bin/citecheck ]; then
  exec ./node_modules/.bin/citecheck --staged
elif [ -f ${quote(bin)} ]; then
  exec node ${quote(bin)} --staged
elif command -v citecheck >/dev/null 2>&1; then
  exec citecheck --staged
fi
echo "citecheck: not found; install it (npm install --save-dev citecheck) or run citecheck hook uninstall" >&2
exit 1
`;
}

function isOurs(path: string): boolean {
  return existsSync(path) && readFileSync(path, 'utf8').includes(MARKER);
}

export function installHook(cwd: string): string {
  const folder = hooksFolder(cwd);
  const hook = join(folder, HOOK);
  const chained = join(folder, CHAINED);
  mkdirSync(folder, { recursive: true });
  let note = '';
  if (isOurs(hook)) {
    note = ' (updated; it was already installed)';
  } else if (existsSync(hook)) {
    if (existsSync(chained)) throw new UsageError(`hook: both ${hook} and ${chained} exist; remove one, then install again`);
    renameSync(hook, chained); // the mode goes with it
    note = `; the existing hook is kept as ${CHAINED} and runs first`;
  }
  writeAtomically(hook, hookScript());
  chmodSync(hook, 0o755);
  return `installed the citecheck pre-commit hook in ${hook}${note}`;
}

export function uninstallHook(cwd: string): string {
  const folder = hooksFolder(cwd);
  const hook = join(folder, HOOK);
  const chained = join(folder, CHAINED);
  if (!isOurs(hook)) return `no citecheck pre-commit hook in ${folder}; nothing removed`;
  unlinkSync(hook);
  if (existsSync(chained)) {
    renameSync(chained, hook);
    return `removed the citecheck pre-commit hook from ${folder}; the previous hook is back in place`;
  }
  return `removed the citecheck pre-commit hook from ${folder}`;
}
