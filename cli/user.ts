import { Email, Locale } from '../common/auth.ts';
import { SocietyRole, societyRoles } from '../common/roles.ts';
import { systemResetMfa, systemResetPassword } from '../server/modules/accounts/accounts.service.ts';
import { systemAddMember } from '../server/modules/accounts/accounts.society.ts';
import { findSocietyRef } from '../server/modules/accounts/accounts.store.ts';
import type { Command } from './main.ts';
import {
  cliRequestId,
  flagOrAsk,
  parseFlags,
  withOperatorContext,
  type OperatorContext,
} from './operator-context.ts';

const usage = `Usage:
  passage user add --society ID_OR_NAME --email EMAIL --roles ROLE[,ROLE…] [--name NAME]
      give an account roles in a society; a new account (--name needed) gets a temporary password, printed once.
      An existing account keeps its password and authenticator. Roles: ${societyRoles.join(', ')}.
  passage user reset-password --email EMAIL
      a new temporary password (printed once, changed at the next sign-in); ends every session, lifts locks.
  passage user reset-mfa --email EMAIL
      removes the authenticator and recovery codes; ends every session; the next sign-in sets up a new one.
`;

const flags = {
  society: { type: 'string' },
  email: { type: 'string' },
  name: { type: 'string' },
  roles: { type: 'string' },
} as const;

function parseRoles(text: string | undefined): SocietyRole[] | undefined {
  const parsed = (text ?? '').split(',').map((r) => SocietyRole.safeParse(r.trim()));
  if (parsed.length === 0 || parsed.some((r) => !r.success)) return undefined;
  return parsed.flatMap((r) => (r.success ? [r.data] : []));
}

async function addUser(ctx: OperatorContext, f: NonNullable<ReturnType<typeof parseUserFlags>>) {
  const societyName = await flagOrAsk(ctx, f.society, 'Society (id or name)');
  const email = Email.safeParse(await flagOrAsk(ctx, f.email, 'E-mail address'));
  const roles = parseRoles(
    await flagOrAsk(ctx, f.roles, `Roles, separated by commas (${societyRoles.join(', ')})`),
  );
  if (!societyName || !email.success || !roles) {
    ctx.err(`passage user add: give a society, a valid e-mail address and known roles.\n\n${usage}`);
    return 2;
  }
  const society = await findSocietyRef(ctx.systemDb, societyName);
  if (!society) {
    ctx.err(`passage user add: no society has that id or name.\n`);
    return 1;
  }
  const name = await flagOrAsk(ctx, f.name, 'Name (leave empty for an existing account)');
  const result = await systemAddMember(ctx.systemDb, ctx.accountKeys, {
    societyId: society.id,
    email: email.data,
    ...(name ? { displayName: name } : {}),
    roles,
    locale: Locale.catch('en').parse(society.defaultLocale),
    requestId: cliRequestId('user-add'),
  });
  const what =
    result.granted.length > 0 ? `now holds ${result.granted.join(', ')}` : 'already held these roles';
  ctx.out(`${email.data} ${what} in "${society.name}".\n`);
  if (result.temporaryPassword) {
    ctx.out(
      `New account: its temporary password, shown only now:\n\n    ${result.temporaryPassword}\n\n` +
        'At the first sign-in it must be changed, then an authenticator app is set up.\n',
    );
  } else if (!result.created) {
    ctx.out('The account existed: its password and authenticator are unchanged.\n');
  }
  return 0;
}

async function resetAccount(ctx: OperatorContext, verb: 'reset-password' | 'reset-mfa', email: string) {
  const input = { email, requestId: cliRequestId(`user-${verb}`) };
  if (verb === 'reset-password') {
    const result = await systemResetPassword(ctx.systemDb, ctx.accountKeys, input);
    if (!result) return undefined;
    ctx.out(
      `The password of ${email} is replaced by this temporary one, shown only now:\n\n    ${result.temporaryPassword}\n\n` +
        `It must be changed at the next sign-in; the authenticator is unchanged. ${result.sessionsEnded} sessions ended.\n`,
    );
    return result;
  }
  const result = await systemResetMfa(ctx.systemDb, ctx.accountKeys, input);
  if (!result) return undefined;
  ctx.out(
    `The authenticator and recovery codes of ${email} are removed; ${result.sessionsEnded} sessions ended.\n` +
      'At the next sign-in (with the current password) a new authenticator app is set up.\n',
  );
  return result;
}

function parseUserFlags(args: string[]) {
  return parseFlags(args, flags);
}

const verbs = ['add', 'reset-password', 'reset-mfa'] as const;
const isVerb = (verb: string | undefined): verb is (typeof verbs)[number] =>
  (verbs as readonly (string | undefined)[]).includes(verb);

function refuseUsage(err: (text: string) => void, verb: string | undefined): number {
  err(usage);
  return verb === undefined || verb === 'help' ? 0 : 2;
}

/** Runs `passage user add|reset-password|reset-mfa` with the given context; returns the exit code. */
export async function runUser(ctx: OperatorContext, [verb, ...args]: string[]): Promise<number> {
  const f = parseUserFlags(args);
  if (!f || !isVerb(verb)) return refuseUsage(ctx.err, verb);
  if (verb === 'add') return addUser(ctx, f);
  const email = Email.safeParse(await flagOrAsk(ctx, f.email, 'E-mail address'));
  if (!email.success) {
    ctx.err(`passage user ${verb}: give a valid --email.\n`);
    return 2;
  }
  if (await resetAccount(ctx, verb, email.data)) return 0;
  ctx.err(`passage user ${verb}: no account has that e-mail address.\n`);
  return 1;
}

/** `passage user add|reset-password|reset-mfa`: operator account tasks, for when no administrator can sign in. */
export const userCommand: Command = {
  summary:
    'user add: give an account roles in a society; user reset-password | reset-mfa: recover an account',
  run: (args) =>
    isVerb(args[0])
      ? withOperatorContext('user', (ctx) => runUser(ctx, args))
      : Promise.resolve(refuseUsage((text) => void process.stderr.write(text), args[0])),
};
