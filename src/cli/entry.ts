/** The bundled CLI's entry: run and exit with citecheck's exit code. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
