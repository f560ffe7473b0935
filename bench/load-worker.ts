// Runs inside the worker thread started by load.ts: warm-up, measured run, figures posted back.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon, { type Options, type Result } from 'autocannon';
import type { LoadMessage, LoadOptions, LoadResult } from './load.ts';

function optionsFor(load: LoadOptions, durationSeconds: number): Options {
  const { requests } = load;
  return {
    url: load.origin,
    connections: load.connections,
    duration: durationSeconds,
    requests: [
      {
        method: 'GET',
        // autocannon hands over a fresh copy of the request each time, so changing it is safe.
        setupRequest: (request) => {
          const picked = requests[Math.floor(Math.random() * requests.length)];
          request.path = picked?.path ?? '/';
          request.headers = { ...request.headers, ...picked?.headers };
          request.method = picked?.method ?? 'GET';
          if (picked?.body !== undefined) request.body = picked.body;
          return request;
        },
      },
    ],
  };
}

function summarise(result: Result): LoadResult {
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = count;
  return {
    rps: Math.round((result.requests.total / result.duration) * 10) / 10,
    requests: result.requests.total,
    durationSeconds: result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}

async function measure(load: LoadOptions): Promise<LoadResult> {
  if (load.warmupSeconds > 0) await autocannon(optionsFor(load, load.warmupSeconds));
  const options = optionsFor(load, load.durationSeconds);
  // Outside the main thread autocannon hands back its raw per-instance result, to be aggregated here.
  const raw = await autocannon(options);
  return summarise(autocannon.aggregateResult([raw], options));
}

const load = workerData as LoadOptions;
measure(load).then(
  (result) => parentPort?.postMessage({ ok: true, result } satisfies LoadMessage),
  (error: unknown) =>
    parentPort?.postMessage({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    } satisfies LoadMessage),
);
