/** `citecheck rules` and `citecheck explain <rule>`: the rules as a user sees them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { builtinRules } from '../../rules/index.js';
import { DOCS_BASE_URL } from '../engine/rule.js';
import { packageRoot } from '../registry/builtin.js';
import { UsageError } from './options.js';

/** "; did you mean "x"?" for a near miss, or nothing. */
export function nearestRule(id: string): string {
  const ids = builtinRules.map((rule) => rule.meta.id);
  const near = closest(id, ids);
  return distance(id, near) <= Math.max(3, id.length / 3) ? `; did you mean "${near}"?` : '';
}

/** Not a rule, but reports carry its id (as ESLint's reports carry unused directives'). */
const UNUSED_DIRECTIVE = 'unused-disable-directive';
const UNUSED_DIRECTIVE_DOC = `# ${UNUSED_DIRECTIVE}

Reported with \`--report-unused-disable-directives\` (as a warning), for a citecheck-disable
comment that suppressed nothing: the finding it was written for is gone, so the comment now
only hides whatever comes next. Remove it. It is not a rule: \`--rule\` and the configuration's
\`rules\` do not take it; the flag turns it on.
`;

/** The rule's doc (rules/<id>.md); its description and link when the doc is not installed. */
export function explainRule(id: string): string {
  if (id === UNUSED_DIRECTIVE) return UNUSED_DIRECTIVE_DOC;
  const rule = builtinRules.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new UsageError(`unknown rule "${id}"${nearestRule(id)}; \`citecheck rules\` lists them`);
  const doc = join(packageRoot(), 'rules', `${id}.md`);
  if (existsSync(doc)) return readFileSync(doc, 'utf8');
  const { description, severity, fixable } = rule.meta;
  return `# ${id}\n\n${description}\n\nDefault severity: ${severity}.${fixable ? ' Fixable with --fix.' : ''}\n\n${DOCS_BASE_URL}${id}.md\n`;
}

export function listRules(): string {
  const width = Math.max(...builtinRules.map((rule) => rule.meta.id.length));
  return builtinRules.map(({ meta }) => `${meta.id.padEnd(width)}  ${meta.severity.padEnd(7)}  ${meta.fixable ? 'fixable' : '       '}  ${meta.description}\n`).join('');
}
