import { runLoad, type BenchRequest, type LoadResult } from './load.ts';
import type { BenchOptions } from './options.ts';

/** One server to load: a name for the report, its origin and the requests drawn from at random. */
export type Target = { name: string; origin: string; requests: BenchRequest[] };

/** A target's figures: the median of its rounds, with counts summed, and each round's own throughput and p99. */
export type TargetResult = LoadResult & { rounds: { rps: number; p99: number }[] };

/** A run whose figures must not be trusted: a target that does not answer 2xx. */
export class BenchFailure extends Error {
  override name = 'BenchFailure';
}

/** Sends one of the requests once, so a broken endpoint fails loudly before any figures are taken. */
async function smokeTest(target: Target): Promise<void> {
  const request = target.requests[0];
  if (!request) throw new BenchFailure(`${target.name}: the scenario produced no requests.`);
  const method = request.method ?? 'GET';
  const response = await fetch(`${target.origin}${request.path}`, {
    method,
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  if (!response.ok) {
    const body = (await response.text()).slice(0, 500);
    throw new BenchFailure(`${target.name}: ${method} ${request.path} answered ${response.status}: ${body}`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return value ?? 0;
}

/** Combines the rounds of one target: medians of rates and percentiles, sums of counts. */
export function combineRounds(rounds: LoadResult[]): TargetResult {
  const sum = (pick: (r: LoadResult) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const statusCodes: Record<string, number> = {};
  for (const r of rounds)
    for (const [code, count] of Object.entries(r.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    rps: median(rounds.map((r) => r.rps)),
    requests: sum((r) => r.requests),
    durationSeconds: Math.round(sum((r) => r.durationSeconds) * 100) / 100,
    latencyMs: {
      p50: median(rounds.map((r) => r.latencyMs.p50)),
      p90: median(rounds.map((r) => r.latencyMs.p90)),
      p99: median(rounds.map((r) => r.latencyMs.p99)),
      max: Math.max(...rounds.map((r) => r.latencyMs.max)),
    },
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    statusCodes,
    rounds: rounds.map((r) => ({ rps: r.rps, p99: r.latencyMs.p99 })),
  };
}

/**
 * Loads each target in turn, never two at once (they share the machine's cores), for `options.rounds` rounds;
 * the order alternates between rounds so that drifting background load falls on every target alike.
 */
export async function measureTargets(
  targets: Target[],
  options: BenchOptions,
  log: (line: string) => void,
): Promise<Record<string, TargetResult>> {
  for (const target of targets) await smokeTest(target);
  const results = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
  for (let round = 1; round <= options.rounds; round++) {
    const order = round % 2 ? targets : [...targets].reverse();
    for (const target of order) {
      const of = options.rounds > 1 ? ` (round ${round} of ${options.rounds})` : '';
      log(
        `  measuring ${target.name}${of}: ${options.warmupSeconds} s warm-up, ${options.durationSeconds} s…`,
      );
      const result = await runLoad({
        origin: target.origin,
        requests: target.requests,
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
      });
      results.get(target.name)?.push(result);
    }
  }
  return Object.fromEntries([...results].map(([name, rounds]) => [name, combineRounds(rounds)]));
}
