// Checkpoints (copying the WAL back into the database file) take a tenth of a busy server's CPU
// when the committing connection runs them. A worker thread with a connection of its own runs them
// instead, on another core, every interval: a PASSIVE checkpoint never blocks the writer or the
// readers. The main connection keeps an automatic checkpoint at a much larger size only as a safety
// net, should the thread stop.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

// Plain CommonJS evaluated in the thread: the TypeScript loader the main thread runs under is not
// registered in workers.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
let runs = 0;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    runs++;
  } catch (e) {
    // Busy or the file gone: the next interval tries again; the writer's safety net remains.
  }
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'runs') parentPort.postMessage({ runs });
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export interface Checkpointer {
  /** Completed checkpoints so far (for the tests). */
  runs(): Promise<number>;
  stop(): Promise<void>;
}

export function startCheckpointer(path: string, intervalMs = 1000): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { path, intervalMs, module } });
  worker.unref();
  worker.on('error', (e) => process.stderr.write(`qyzmet: the SQLite checkpoint thread stopped (${(e as Error).message}); the writer checkpoints by itself\n`));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    // The thread never keeps the process alive by itself, but a caller waiting for it must.
    runs: () =>
      new Promise<number>((resolve) => {
        worker.ref();
        worker.once('message', (m: { runs: number }) => {
          worker.unref();
          resolve(m.runs);
        });
        worker.postMessage('runs');
      }),
    async stop() {
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
