/**
 * A user's file (configuration, registry) that citecheck cannot use: one line per problem,
 * `file:line: key: problem`. The CLI prints the lines and exits 2; no stack trace.
 */
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'InputError';
  }
}
