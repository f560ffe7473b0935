import { parseArgs } from 'node:util';

/** The named scales and the rows each seeds in a scenario's main table. */
export const namedScales = { tiny: 1_000, small: 10_000, '100k': 100_000, '1m': 1_000_000 } as const;

/** The largest scale accepted (seeded names are numbered with seven digits). */
export const maxRows = 9_999_999;

/** A scale as given (`small`, `250000`) and the rows it stands for. */
export type Scale = { label: string; rows: number };

/** What one `npm run bench` run is asked to do. */
export type BenchOptions = {
  scale: Scale;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  rounds: number;
  only: string | undefined;
  keep: boolean;
  help: boolean;
};

/** A mistake on the command line, reported with the usage text. */
export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

/** The usage text of `passage bench`. */
export const benchUsage = `Usage: npm run bench -- [options]

  --scale tiny|small|100k|1m|N  rows to seed (tiny ${namedScales.tiny}, small ${namedScales.small}); default small
  --duration SECONDS            measured seconds per target; default 10
  --warmup SECONDS              discarded warm-up seconds per target; default 1
  --connections N               concurrent connections; default 50
  --rounds N                    alternate the targets N times and keep the medians (noisy machines); default 1
  --only SCENARIO               run one scenario
  --keep                        keep (and reuse) the data folder in the temporary directory
  BENCH_DATABASE_URL            use this PostgreSQL server (a throwaway database) instead of an embedded one
`;

function isNamedScale(value: string): value is keyof typeof namedScales {
  return Object.hasOwn(namedScales, value);
}

/** Turns `--scale` into a row count: a named scale or a whole number (underscores allowed). */
export function parseScale(value: string): Scale {
  if (isNamedScale(value)) return { label: value, rows: namedScales[value] };
  const rows = /^\d[\d_]*$/.test(value) ? Number(value.replaceAll('_', '')) : Number.NaN;
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > maxRows) {
    throw new BenchUsageError(
      `--scale must be tiny, small, 100k, 1m or a whole number from 1 to ${maxRows} (got ${value}).`,
    );
  }
  return { label: String(rows), rows };
}

function positive(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new BenchUsageError(`--${name} must be a whole number ≥ ${min}.`);
  return n;
}

/** Parses the arguments after `bench`. */
export function parseBenchArgs(args: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        scale: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        rounds: { type: 'string' },
        only: { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  return {
    scale: parseScale(values.scale ?? 'small'),
    durationSeconds: positive('duration', values.duration, 10),
    warmupSeconds: positive('warmup', values.warmup, 1, 0),
    connections: positive('connections', values.connections, 50),
    rounds: positive('rounds', values.rounds, 1),
    only: values.only,
    keep: values.keep ?? false,
    help: values.help ?? false,
  };
}
