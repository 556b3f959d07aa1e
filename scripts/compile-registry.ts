/**
 * Build step: validates the built-in registry YAML and writes it as one JSON file, so a run
 * parses JSON instead of loading the yaml and zod modules.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asciiJson, builtinRegistryPaths, COMPILED_REGISTRY, packageRoot } from '../src/registry/builtin.js';
import { loadRegistryFiles } from '../src/registry/load.js';
import { InputError } from '../src/registry/input-error.js';
import { nameIndexOf } from '../src/registry/registry.js';

const root = packageRoot();
try {
  const data = loadRegistryFiles(builtinRegistryPaths(root));
  const out = process.argv[2] ?? join(root, COMPILED_REGISTRY);
  mkdirSync(dirname(out), { recursive: true });
  // The name index goes with the data: a run builds its look-up maps without normalizing names.
  writeFileSync(out, asciiJson({ ...data, nameIndex: nameIndexOf(data) }));
  console.log(`registry: ${data.sources.length} sources, ${data.people.length} people, ${data.offices.length} offices, ${data.events.length} events`);
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  for (const line of error.lines) console.error(line);
  process.exitCode = 1;
}
