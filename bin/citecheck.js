#!/usr/bin/env node
// The command's former path, which git hooks installed by earlier versions still run:
// the command itself is bin/citecheck.cjs.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./citecheck.cjs');
