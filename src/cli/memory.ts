/**
 * A full garbage collection on demand, for a run through a very large file: V8 lets the heap
 * grow far past what is live before collecting (a 20 MB file's run reached 400 MB with under
 * 100 MB live), and a git hook or CI job may run with little memory to spare. `gc` is taken
 * from V8 without leaving it exposed to the code being run.
 */
let gc: (() => void) | null | undefined;

/** Bytes of the JavaScript heap in use, live or not yet collected. */
export function heapInUse(): number {
  return process.getBuiltinModule('node:v8').getHeapStatistics().used_heap_size;
}

export function collectGarbage(): void {
  if (gc === undefined) {
    // Loaded here: only a very large file needs them.
    const { setFlagsFromString } = process.getBuiltinModule('node:v8');
    const { runInNewContext } = process.getBuiltinModule('node:vm');
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null; // a runtime without it only uses more memory
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  gc?.();
}
