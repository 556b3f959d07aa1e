/** `citecheck init`: a commented starter configuration that changes nothing until edited. */
import type { Rule } from '../engine/rule.js';

export const STARTER_NAME = 'citecheck.config.yaml';

export function starterConfig(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  const ruleLines = rules.map(({ meta }) => {
    const defaults = meta.defaults as Record<string, unknown>;
    const options = Object.entries(defaults).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    const setting = options.length ? `[${meta.severity}, { ${options.join(', ')} }]` : meta.severity;
    return `  # ${`${meta.id}:`.padEnd(width + 1)} ${setting}`;
  });
  return `# citecheck configuration. citecheck reads the nearest configuration file from each article's
# folder up to the repository root (citecheck.config.yaml or .json, .citecheckrc, or the
# "citecheck" key of package.json); --config names one. Everything here is optional.

# Rule severities: off, info, warning or error; [severity, { options }] to set options.
# The defaults are shown commented out. \`citecheck rules\` lists the rules, and
# \`citecheck explain <rule>\` says what each one flags and why.
rules:
${ruleLines.join('\n')}

# Your newsroom's own registry files (sources, people, offices, events), merged over the built-in
# registry; paths are relative to this file. An entry with a built-in id changes only the fields it
# gives. For example, to treat WANA as unreliable, registry/newsroom.yaml could say:
#   sources:
#     - id: wana
#       reliability: { rating: generally-unreliable, provenance: "Our standards desk, 2025" }
registries:
  # - registry/newsroom.yaml

# The date to assume for articles that carry none (front matter, HTML metadata); --date wins.
# date: 2025-08-12

# Files never to check, in .gitignore syntax relative to this file (.citecheckignore works too).
ignore:
  # - drafts/
  # - "*.draft.md"
`;
}
