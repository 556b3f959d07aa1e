/**
 * The YAML library's parse and stringify, for the modules that load it only when they need it.
 * `await import('yaml')` itself would not do: yaml is CommonJS, and in the ES module bundle
 * (the API and the --jobs workers) esbuild gives its chunk a default export only, so a named
 * `parse` came out undefined. Re-exported from here, the names survive bundling.
 */
export { parse, stringify } from 'yaml';
