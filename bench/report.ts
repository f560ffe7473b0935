import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasFailures } from './load.ts';
import type { TargetResult } from './measure.ts';
import type { BenchOptions } from './options.ts';
import type { Budget } from './scenario.ts';

/** Where results files are written (committed for real runs; tiny runs are ignored by git). */
export const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/** The machine and software a run was measured on. */
export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  platform: string;
  node: string;
  postgres: string;
  database: 'embedded' | 'external';
  /** The 1, 5 and 15 minute load averages when the run began: other work on the machine skews the figures. */
  loadAverage: number[];
};

/** The machine this process runs on, with the database and the load average taken before the run. */
export function describeMachine(given: Pick<Machine, 'postgres' | 'database' | 'loadAverage'>): Machine {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch} ${os.release()}`,
    node: process.version,
    postgres: given.postgres,
    database: given.database,
    loadAverage: given.loadAverage.map((n) => Math.round(n * 100) / 100),
  };
}

/** Everything one scenario run records in `bench/results/<scenario>-<scale>.json`. */
export type ScenarioReport = {
  scenario: string;
  summary: string;
  command: string;
  date: string;
  machine: Machine;
  scale: string;
  rows: number;
  seedSeconds: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Measured runs per target, alternating with the others; figures are medians over them. */
  rounds: number;
  poolSize: number;
  targets: { passage: TargetResult; floor?: TargetResult };
  /** Floor requests/s divided by Passage requests/s: how many times slower the full request path is. */
  ratio: number | null;
  /** Passage p99 divided by floor p99. */
  p99Ratio: number | null;
  budget: Budget;
  rssPeakMb: number;
};

/** The ratios of a report: floor over Passage for throughput, Passage over floor for p99. */
export function ratios(targets: ScenarioReport['targets']): Pick<ScenarioReport, 'ratio' | 'p99Ratio'> {
  const { passage, floor } = targets;
  if (!floor || passage.rps === 0) return { ratio: null, p99Ratio: null };
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    ratio: round(floor.rps / passage.rps),
    p99Ratio: floor.latencyMs.p99 > 0 ? round(passage.latencyMs.p99 / floor.latencyMs.p99) : null,
  };
}

/** The command that reproduces a run. */
export function commandFor(options: BenchOptions): string {
  const parts = [`npm run bench -- --scale ${options.scale.label}`, `--duration ${options.durationSeconds}`];
  if (options.connections !== 50) parts.push(`--connections ${options.connections}`);
  if (options.rounds !== 1) parts.push(`--rounds ${options.rounds}`);
  if (options.warmupSeconds !== 1) parts.push(`--warmup ${options.warmupSeconds}`);
  if (options.only) parts.push(`--only ${options.only}`);
  return parts.join(' ');
}

/** Writes the report as JSON and returns the file's path. */
export function writeReport(report: ScenarioReport): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${report.scenario}-${report.scale}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

function row(name: string, r: TargetResult): string {
  const ms = (n: number) => n.toFixed(1).padStart(7);
  const count = (n: number) => n.toLocaleString('en').padStart(9);
  return `  ${name.padEnd(8)}${count(Math.round(r.rps))}${ms(r.latencyMs.p50)}${ms(r.latencyMs.p90)}${ms(r.latencyMs.p99)}${count(r.errors + r.timeouts)}${count(r.non2xx)}`;
}

function budgetLine(report: ScenarioReport): string | undefined {
  const checks: string[] = [];
  const { maxRatio, maxP99Ms } = report.budget;
  if (maxRatio !== undefined && report.ratio !== null)
    checks.push(`ratio ≤ ${maxRatio}: ${report.ratio <= maxRatio ? 'met' : 'MISSED'}`);
  if (maxP99Ms !== undefined) {
    const p99 = report.targets.passage.latencyMs.p99;
    checks.push(`p99 ≤ ${maxP99Ms} ms: ${p99 <= maxP99Ms ? 'met' : 'MISSED'}`);
  }
  return checks.length > 0 ? `  budget (not enforced): ${checks.join(', ')}` : undefined;
}

/** A short human summary of one scenario run, for stdout. */
export function summaryText(report: ScenarioReport): string {
  const { passage, floor } = report.targets;
  const lines = [
    `${report.scenario} — scale ${report.scale} (${report.rows.toLocaleString('en')} rows), ${report.connections} connections, ${report.rounds} × ${report.durationSeconds} s per target`,
    `  ${'target'.padEnd(8)}${'req/s'.padStart(9)}${'p50 ms'.padStart(7)}${'p90 ms'.padStart(7)}${'p99 ms'.padStart(7)}${'errors'.padStart(9)}${'non-2xx'.padStart(9)}`,
    row('passage', passage),
  ];
  if (floor) lines.push(row('floor', floor));
  if (report.ratio !== null)
    lines.push(`  floor/passage throughput ratio ${report.ratio}×, p99 ratio ${report.p99Ratio ?? '–'}×`);
  const budget = budgetLine(report);
  if (budget) lines.push(budget);
  lines.push(`  peak RSS ${report.rssPeakMb} MB (this process: servers and load generator)`);
  const busy = report.machine.loadAverage[0] ?? 0;
  if (busy > report.machine.cpus / 4)
    lines.push(
      `  note: load average ${busy} when the run began: other work shared the cores, figures are noisy`,
    );
  for (const [name, r] of Object.entries(report.targets)) {
    if (hasFailures(r))
      lines.push(`  FAILED: ${name} answered ${JSON.stringify(r.statusCodes)} with ${r.errors} errors`);
  }
  return lines.join('\n');
}
