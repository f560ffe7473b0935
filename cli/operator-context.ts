import { randomBytes } from 'node:crypto';
import readline from 'node:readline/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Kysely } from 'kysely';
import { loadConfig, type Config } from '../server/config.ts';
import { systemLoadAccountKeys, type AccountKeys } from '../server/crypto/accounts.ts';
import { loadKeyring } from '../server/crypto/keyring.ts';
import { createKeys, type Keys } from '../server/crypto/society-keys.ts';
import { openDatabases } from '../server/db/connect.ts';
import { createKysely } from '../server/db/kysely.ts';
import { migrate } from '../server/db/migrate.ts';
import type { Database } from '../server/db/schema.ts';
import { AppError } from '../server/http/problem.ts';

/**
 * What an operator verb (init, user, demo) runs with: the system role's database, the keys, the configuration,
 * where to write, and how to ask for a missing value. Tests build one over a test database.
 */
export type OperatorContext = {
  config: Config;
  systemDb: Kysely<Database>;
  keys: Keys;
  accountKeys: AccountKeys;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks the operator for a value; undefined when standard input is not a terminal (scripts pass flags). */
  ask: ((question: string) => Promise<string>) | undefined;
};

/** A request id for the audit records of one CLI run, such as `cli:init:3f9a1c2b`. */
export function cliRequestId(verb: string): string {
  return `cli:${verb}:${randomBytes(4).toString('hex')}`;
}

/** Parses `--flag value` options, or returns undefined when an option is unknown or lacks its value. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch {
    return undefined;
  }
}

/** A flag's value, or else the operator's answer when a terminal is attached; undefined when neither. */
export async function flagOrAsk(
  ctx: Pick<OperatorContext, 'ask'>,
  value: string | undefined,
  question: string,
): Promise<string | undefined> {
  if (value !== undefined) return value;
  const answer = (await ctx.ask?.(`${question}: `))?.trim();
  return answer ? answer : undefined;
}

/** Prints a problem a service refused with (its detail and field errors are safe to show), returns exit code 1. */
export function reportRefusal(ctx: Pick<OperatorContext, 'err'>, verb: string, error: AppError): number {
  ctx.err(`passage ${verb}: ${error.message}\n`);
  for (const e of error.errors ?? []) ctx.err(`  ${e.path}: ${e.message}\n`);
  return 1;
}

/**
 * Opens the databases with the system role (after migrating), loads the keys, runs `work` and closes everything.
 * A refusal from a service (`AppError`) prints its detail and exits 1.
 */
export async function withOperatorContext(
  verb: string,
  work: (ctx: OperatorContext) => Promise<number>,
): Promise<number> {
  const config = loadConfig();
  const keyring = loadKeyring(config);
  const keys = createKeys({ keyring });
  const dbs = await openDatabases(config);
  const systemDb = createKysely(dbs.system);
  const prompt = process.stdin.isTTY
    ? readline.createInterface({ input: process.stdin, output: process.stderr })
    : undefined;
  const ctx = {
    config,
    systemDb,
    keys,
    out: (text: string) => void process.stdout.write(text),
    err: (text: string) => void process.stderr.write(text),
    ask: prompt && ((question: string) => prompt.question(question)),
  };
  try {
    await migrate(dbs.owner);
    return await work({ ...ctx, accountKeys: await systemLoadAccountKeys(systemDb, keyring) });
  } catch (error) {
    if (error instanceof AppError) return reportRefusal(ctx, verb, error);
    throw error;
  } finally {
    prompt?.close();
    keys.cache.clear();
    await dbs.close();
  }
}
