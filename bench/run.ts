import os from 'node:os';
import path from 'node:path';
import type { Command } from '../cli/main.ts';
import {
  floorPool,
  openBenchEnvironment,
  postgresVersion,
  startPassageApp,
  type BenchEnvironment,
} from './environment.ts';
import { startFloor, type RunningFloor } from './floor.ts';
import { hasFailures } from './load.ts';
import { BenchFailure, measureTargets, type Target } from './measure.ts';
import { benchUsage, BenchUsageError, parseBenchArgs, type BenchOptions } from './options.ts';
import {
  commandFor,
  describeMachine,
  ratios,
  summaryText,
  writeReport,
  type Machine,
  type ScenarioReport,
} from './report.ts';
import type { PreparedScenario, Scenario } from './scenario.ts';
import { scenarios } from './scenarios/index.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Samples this process's resident set size until stopped, keeping the peak. */
function trackRss(): { peakMb: () => number; stop: () => void } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 250);
  timer.unref();
  return { peakMb: () => Math.round(peak / 2 ** 20), stop: () => clearInterval(timer) };
}

type ScenarioRun = {
  scenario: Scenario;
  env: BenchEnvironment;
  passageOrigin: string;
  machine: Machine;
  options: BenchOptions;
  rssPeakMb: () => number;
};

/** Starts the scenario's floor (if it has one) beside Passage and measures both. */
async function measureScenario(run: ScenarioRun, prepared: PreparedScenario) {
  const targets: Target[] = [{ name: 'passage', origin: run.passageOrigin, requests: prepared.passage }];
  const pool = prepared.floor ? floorPool(run.env) : undefined;
  let floor: RunningFloor | undefined;
  try {
    if (pool && prepared.floor) {
      floor = await startFloor(pool, prepared.floor.route);
      targets.push({ name: 'floor', origin: floor.origin, requests: prepared.floor.requests });
    }
    const { passage, ...others } = await measureTargets(targets, run.options, log);
    if (!passage) throw new Error('Passage was not measured.');
    return others.floor ? { passage, floor: others.floor } : { passage };
  } finally {
    await floor?.close();
    await pool?.end();
  }
}

async function runScenario(run: ScenarioRun): Promise<ScenarioReport> {
  const { scenario, env, options } = run;
  log(`${scenario.name}: preparing ${options.scale.rows.toLocaleString('en')} rows…`);
  const seedStart = performance.now();
  const prepared = await scenario.prepare({ config: env.config, db: env.db, rows: options.scale.rows, log });
  const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
  const targets = await measureScenario(run, prepared);
  return {
    scenario: scenario.name,
    summary: scenario.summary,
    command: commandFor(options),
    date: new Date().toISOString(),
    machine: run.machine,
    scale: options.scale.label,
    rows: prepared.rows,
    seedSeconds,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    connections: options.connections,
    rounds: options.rounds,
    poolSize: env.config.poolSize,
    targets,
    ...ratios(targets),
    budget: scenario.budget,
    rssPeakMb: run.rssPeakMb(),
  };
}

function selectScenarios(only: string | undefined): readonly Scenario[] {
  if (only === undefined) return scenarios;
  const found = scenarios.filter((s) => s.name === only);
  if (found.length === 0) {
    const names = scenarios.map((s) => s.name).join(', ');
    throw new BenchUsageError(`No scenario named ${only}: choose one of ${names}.`);
  }
  return found;
}

async function runAll(options: BenchOptions, selected: readonly Scenario[]): Promise<boolean> {
  const rss = trackRss();
  const loadAverage = os.loadavg();
  log(process.env.BENCH_DATABASE_URL ? 'Opening BENCH_DATABASE_URL…' : 'Starting embedded PostgreSQL…');
  const env = await openBenchEnvironment({ keep: options.keep, scaleLabel: options.scale.label });
  let ok = true;
  try {
    const postgres = await postgresVersion(env.db.system);
    const machine = describeMachine({ postgres, database: env.database, loadAverage });
    const passage = await startPassageApp(env);
    try {
      for (const scenario of selected) {
        const run = { scenario, env, passageOrigin: passage.origin, machine, options, rssPeakMb: rss.peakMb };
        const report = await runScenario(run);
        const file = writeReport(report);
        console.log(`${summaryText(report)}\n  results: ${path.relative(process.cwd(), file)}\n`);
        if (Object.values(report.targets).some(hasFailures)) ok = false;
      }
    } finally {
      await passage.close();
    }
  } finally {
    await env.close();
    rss.stop();
    if (options.keep && env.dataDir) log(`Data folder kept for reuse: ${env.dataDir}`);
  }
  return ok;
}

/** `passage bench`: seeds synthetic data and load-tests each scenario against Passage and its floor. */
export const benchCommand: Command = {
  summary: 'Benchmark request paths on synthetic data (bench/README.md)',
  async run(args) {
    const started = performance.now();
    try {
      const options = parseBenchArgs(args);
      if (options.help) {
        process.stdout.write(benchUsage);
        return 0;
      }
      const ok = await runAll(options, selectScenarios(options.only));
      const seconds = Math.round((performance.now() - started) / 1000);
      log(`Benchmark ${ok ? 'finished' : 'FAILED (responses other than 2xx, or errors)'} in ${seconds} s.`);
      return ok ? 0 : 1;
    } catch (error) {
      if (error instanceof BenchUsageError) {
        process.stderr.write(`passage bench: ${error.message}\n\n${benchUsage}`);
        return 2;
      }
      if (error instanceof BenchFailure) {
        process.stderr.write(`passage bench: FAILED: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
