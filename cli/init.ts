import { Email, Locale } from '../common/auth.ts';
import { systemInitSociety } from '../server/modules/accounts/accounts.society.ts';
import type { Command } from './main.ts';
import {
  cliRequestId,
  flagOrAsk,
  parseFlags,
  withOperatorContext,
  type OperatorContext,
} from './operator-context.ts';

const usage = `Usage:
  passage init --society-name NAME --country CC [--time-zone TZ] --admin-email EMAIL --admin-name NAME
               [--locale en|fr|es|ar]
      Create a society (with its keys) and its first administrator. The administrator's temporary password is
      printed once: at the first sign-in it must be changed, then an authenticator app is set up. Values not given
      as flags are asked for when run in a terminal. The time zone defaults to UTC, the language to en.
`;

const flags = {
  'society-name': { type: 'string' },
  country: { type: 'string' },
  'time-zone': { type: 'string' },
  'admin-email': { type: 'string' },
  'admin-name': { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** Runs `passage init` with the given context; returns the exit code. */
export async function runInit(ctx: OperatorContext, args: string[]): Promise<number> {
  const f = parseFlags(args, flags);
  if (!f || f.help) {
    ctx.err(usage);
    return f ? 0 : 2;
  }
  const name = await flagOrAsk(ctx, f['society-name'], 'Society name');
  const country = (await flagOrAsk(ctx, f.country, 'Country (ISO 3166 code, such as NL)'))?.toUpperCase();
  const timeZone =
    (await flagOrAsk(ctx, f['time-zone'], 'Time zone (such as Europe/Paris; empty for UTC)')) ?? 'UTC';
  const email = Email.safeParse(await flagOrAsk(ctx, f['admin-email'], "Administrator's e-mail address"));
  const adminName = await flagOrAsk(ctx, f['admin-name'], "Administrator's name");
  const locale = Locale.safeParse(f.locale ?? 'en');
  if (!name || !country || !email.success || !adminName || !locale.success) {
    ctx.err(
      `passage init: give a society name, a country, a valid administrator e-mail address and name.\n\n${usage}`,
    );
    return 2;
  }
  const result = await systemInitSociety(ctx.systemDb, ctx, {
    society: { name, country, timeZone },
    administrator: { email: email.data, displayName: adminName, locale: locale.data },
    requestId: cliRequestId('init'),
  });
  ctx.out(`Created the society "${name.trim()}" (${result.societyId}).\n`);
  const password = result.administrator.temporaryPassword;
  if (password) {
    ctx.out(
      `Its administrator ${email.data} signs in with this temporary password, shown only now:\n\n    ${password}\n\n` +
        'At the first sign-in it must be changed, then an authenticator app is set up.\n',
    );
  } else {
    ctx.out(
      `${email.data} already had an account: it keeps its password and is now this society's administrator.\n`,
    );
  }
  return 0;
}

/** `passage init`: create a society and its first administrator (production set-up). */
export const initCommand: Command = {
  summary: 'Create a society and its first administrator (prints a one-time password)',
  run: (args) => {
    if (!args.includes('--help')) return withOperatorContext('init', (ctx) => runInit(ctx, args));
    process.stderr.write(usage);
    return Promise.resolve(0);
  },
};
