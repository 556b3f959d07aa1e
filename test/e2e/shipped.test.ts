/** The files other tools read: the GitHub Action and the pre-commit framework's hook list. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers.js';

const read = (name: string) => readFileSync(join(ROOT, name), 'utf8');

describe('action.yml', () => {
  const text = read('action.yml');
  const action = parse(text) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: { run?: string; shell?: string; uses?: string }[] } };

  test('is a composite action whose every input used is declared (with a default)', () => {
    expect(action.runs.using).toBe('composite');
    const used = new Set([...text.matchAll(/inputs\.([\w-]+)/g)].map((match) => match[1]!));
    expect([...used].filter((name) => !(name in action.inputs))).toEqual([]);
    for (const input of Object.values(action.inputs)) expect(input.default).toBeDefined();
  });

  test('every run step names its shell; SARIF goes to code scanning; errors fail the job', () => {
    for (const step of action.runs.steps) if (step.run) expect(step.shell).toBe('bash');
    expect(action.runs.steps.map((step) => step.uses).filter(Boolean)).toEqual(['github/codeql-action/upload-sarif@v3']);
    expect(text).toContain('--format sarif --output-file "$SARIF"');
    expect(action.runs.steps.at(-1)?.run).toContain('exit "$CODE"');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  test('hooks run the citecheck command on article files', () => {
    const hooks = parse(read('.pre-commit-hooks.yaml')) as { id: string; entry: string; language: string; files: string }[];
    const bin = Object.keys((JSON.parse(read('package.json')) as { bin: Record<string, string> }).bin);
    expect(hooks.map((hook) => hook.id)).toEqual(['citecheck', 'citecheck-fix']);
    for (const hook of hooks) {
      expect(bin).toContain(hook.entry.split(' ')[0]);
      expect(hook.language).toBe('node');
      const files = new RegExp(hook.files);
      expect(['a.txt', 'b.md', 'c.markdown', 'd.html', 'e.htm'].every((name) => files.test(name))).toBe(true);
      expect(files.test('package.json')).toBe(false);
    }
  });
});
