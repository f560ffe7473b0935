import type { Config } from '../server/config.ts';
import type { Databases } from '../server/db/connect.ts';
import type { FloorRoute } from './floor.ts';
import type { BenchRequest } from './load.ts';

/** What a scenario seeds with: the configuration, the role pools, the scale, and a progress line writer. */
export type ScenarioContext = {
  config: Config;
  db: Pick<Databases, 'owner' | 'system'>;
  rows: number;
  log: (line: string) => void;
};

/** A scenario's seeded data and the requests to measure it with. */
export type PreparedScenario = {
  /** Rows in the scenario's main table that requests are drawn from. */
  rows: number;
  /** Requests to Passage (signed in as needed); each request sent picks one at random. */
  passage: BenchRequest[];
  /** The bare Fastify + SQL handler reading the same data, and its requests (same rows). */
  floor?: { route: FloorRoute; requests: BenchRequest[] };
};

/** Budgets from ARCHITECTURE.md "Performance budgets" that a scenario is compared with (never enforced). */
export type Budget = { maxRatio?: number; maxP99Ms?: number };

/** One benchmark scenario: it seeds what it needs (idempotently, so a kept folder is reused) and names URLs. */
export type Scenario = {
  name: string;
  summary: string;
  budget: Budget;
  prepare(ctx: ScenarioContext): Promise<PreparedScenario>;
};
