import { Worker } from 'node:worker_threads';

/** One request a load run may send: a path and the headers it needs (a session cookie); a GET unless a method and body are given. */
export type BenchRequest = {
  path: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
};

/** What one load run hits and for how long. */
export type LoadOptions = {
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Each request sent is one of these, picked at random, so every target sees the same distribution. */
  requests: BenchRequest[];
  connections: number;
  durationSeconds: number;
  /** A first run of this length whose figures are discarded (JIT, pools, caches). */
  warmupSeconds: number;
};

/** The figures of one measured load run. */
export type LoadResult = {
  rps: number;
  requests: number;
  durationSeconds: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

/** The message the load worker posts back. */
export type LoadMessage = { ok: true; result: LoadResult } | { ok: false; error: string };

/** Whether a run saw anything but successful responses (which must fail the benchmark). */
export function hasFailures(result: LoadResult): boolean {
  return result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || result.requests === 0;
}

/**
 * Runs autocannon against one target in a worker thread, so the load generator never shares the server's
 * event loop (it still shares the machine's cores: see bench/README.md).
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./load-worker.ts', import.meta.url).href;
  // A worker does not inherit the TypeScript loader registered by cli/bin.mjs, so it registers its own.
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: options });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: LoadMessage) => {
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new Error(`The load generator failed: ${message.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The load generator exited early (code ${code}).`)));
  });
}
