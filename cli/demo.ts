import type { Config } from '../server/config.ts';
import { presentDemoAccounts } from '../server/modules/demo/demo.present.ts';
import { systemResetDemo } from '../server/modules/demo/demo.service.ts';
import { findSeededDemoAccounts } from '../server/modules/demo/demo.store.ts';
import { loadConfig } from '../server/config.ts';
import type { Command } from './main.ts';
import { cliRequestId, withOperatorContext, type OperatorContext } from './operator-context.ts';

const usage = `Usage:
  passage demo            list the demo accounts, their shared password and authenticator codes
  passage demo --reset    put the demo society back as first loaded: its content is deleted (its audit records
                          stay) and the demo accounts get their password and authenticator back
Only in demo mode (the default for the embedded database on loopback); refused in production and with an
external database unless PASSAGE_DEMO=true. Stop Passage first when it runs on the embedded database.
`;

function refuseOutsideDemo(config: Config, err: (text: string) => void): number | undefined {
  if (config.demo) return undefined;
  err(
    'passage demo: demo mode is off (production, an external database, or PASSAGE_DEMO=false): the demo society is not loaded, listed or reset here.\n',
  );
  return 1;
}

async function listAccounts(ctx: OperatorContext): Promise<number> {
  const accounts = await findSeededDemoAccounts(ctx.systemDb, ctx.accountKeys);
  if (accounts.length === 0) {
    ctx.out(
      'The demo society is not loaded (the database had a society first). `passage demo --reset` loads it.\n',
    );
    return 0;
  }
  const view = await presentDemoAccounts(accounts);
  const rows = view.accounts.map(
    (a) => `  ${a.role.padEnd(20)} ${a.email.padEnd(42)} ${a.totpSecret}  ${a.currentCode}`,
  );
  ctx.out(
    `${view.notice}\nSociety: ${view.societyName}. Password of every account: ${view.accounts[0]?.password ?? ''}\n\n` +
      `  ${'role'.padEnd(20)} ${'e-mail'.padEnd(42)} ${'authenticator secret'.padEnd(32)}  code now\n${rows.join('\n')}\n`,
  );
  return 0;
}

/** Runs `passage demo [--reset]` with the given context; returns the exit code. */
export async function runDemo(ctx: OperatorContext, args: string[]): Promise<number> {
  const refused = refuseOutsideDemo(ctx.config, ctx.err);
  if (refused !== undefined) return refused;
  if (args.length === 0) return listAccounts(ctx);
  if (args.length > 1 || args[0] !== '--reset') {
    ctx.err(usage);
    return 2;
  }
  const result = await systemResetDemo(ctx.systemDb, ctx, { requestId: cliRequestId('demo-reset') });
  ctx.out(
    result.created
      ? `Loaded the demo society (${result.societyId}).\n`
      : `Reset the demo society (${result.societyId}): its earlier audit records are kept; demo sessions ended.\n`,
  );
  return listAccounts(ctx);
}

/** `passage demo [--reset]`: list the demo accounts, or put the demo society back as first loaded. */
export const demoCommand: Command = {
  summary: 'demo: list the demo accounts; demo --reset: reload the demo society (demo mode only)',
  run: (args) => {
    if (args.includes('--help')) {
      process.stderr.write(usage);
      return Promise.resolve(0);
    }
    const refused = refuseOutsideDemo(loadConfig(), (text) => void process.stderr.write(text));
    if (refused !== undefined) return Promise.resolve(refused);
    return withOperatorContext('demo', (ctx) => runDemo(ctx, args));
  },
};
