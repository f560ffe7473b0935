import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Locale } from '../../../common/auth.ts';
import type { FieldError } from '../../../common/problems.ts';
import type { SocietyRole } from '../../../common/roles.ts';
import { isTimeZone } from '../../../common/societies.ts';
import { inSociety } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import type { AccountKeys } from '../../crypto/accounts.ts';
import { ensureSocietyKeys, type Keys } from '../../crypto/society-keys.ts';
import { AppError } from '../../http/problem.ts';
import { systemCreateAccount, type CreatedAccount, type OperatorRequest } from './accounts.service.ts';
import { findUserIdByEmailIndex, grantRoleRows, societyNameTaken, type SystemDb } from './accounts.store.ts';

/** A society to create: its name, ISO 3166 country code and IANA time zone. */
export type NewSociety = { name: string; country: string; timeZone: string };

/** The first administrator of a new society (a temporary password is generated for a new account). */
export type NewAdministrator = { email: string; displayName: string; locale: Locale };

/** Field errors of a society to create (the database checks the same again). */
export function checkNewSociety(society: NewSociety): FieldError[] {
  const errors: FieldError[] = [];
  const name = society.name.trim();
  if (name.length < 1 || name.length > 200)
    errors.push({ path: 'name', code: 'length', message: 'A name of 1 to 200 characters.' });
  if (!/^[A-Z]{2}$/.test(society.country))
    errors.push({
      path: 'country',
      code: 'format',
      message: 'Two capital letters (ISO 3166-1), such as NL.',
    });
  if (!isTimeZone(society.timeZone))
    errors.push({ path: 'timeZone', code: 'format', message: 'An IANA time zone, such as Europe/Paris.' });
  return errors;
}

/**
 * Creates a society with its keys, and gives its first administrator the administrator role (creating the
 * account when the e-mail address is new). Refuses a name already taken. One transaction, audited in the new
 * society's chain.
 */
export async function systemInitSociety(
  systemDb: SystemDb,
  deps: { keys: Keys; accountKeys: AccountKeys },
  input: { society: NewSociety; administrator: NewAdministrator } & OperatorRequest,
): Promise<{ societyId: string; administrator: CreatedAccount }> {
  const errors = checkNewSociety(input.society);
  if (errors.length > 0) throw new AppError('validation-failed', 'Check the society details.', errors);
  const societyId = randomUUID();
  return inSociety(systemDb, societyId, async (tx) => {
    // Two operators running init at once must not both create the same name: names have no unique index.
    await sql`select pg_advisory_xact_lock(hashtext('passage:society-names'))`.execute(tx);
    if (await societyNameTaken(tx, input.society.name.trim()))
      throw new AppError('conflict', 'A society with that name exists already.');
    await tx
      .insertInto('societies')
      .values({
        id: societyId,
        name: input.society.name.trim(),
        country: input.society.country,
        time_zone: input.society.timeZone,
        default_locale: input.administrator.locale,
      })
      .execute();
    await ensureSocietyKeys(deps.keys, tx, societyId);
    const administrator = await systemCreateAccount(tx, deps.accountKeys, input.administrator);
    await grantRoleRows(tx, { societyId, userId: administrator.userId, roles: ['administrator'] });
    const by = { actorUserId: null, actorRoles: [], requestId: input.requestId };
    await appendAuditEvent(tx, { kind: 'society.created', payload: {}, subjectId: societyId, ...by });
    if (administrator.created)
      await appendAuditEvent(tx, {
        kind: 'user.created',
        payload: {},
        subjectId: administrator.userId,
        ...by,
      });
    await appendAuditEvent(tx, {
      kind: 'membership.granted',
      payload: { userId: administrator.userId, roles: ['administrator'] },
      subjectId: administrator.userId,
      ...by,
    });
    return { societyId, administrator };
  });
}

/** A member to add: an e-mail address, the roles, and a name (needed only when the account is new). */
export type NewMember = {
  societyId: string;
  email: string;
  displayName?: string;
  roles: readonly SocietyRole[];
  locale: Locale;
};

/**
 * Adds roles in a society to an account, creating the account (with a temporary password) when the e-mail
 * address is new. An existing account keeps its password, name and second factor. Audited in the society's chain.
 */
export async function systemAddMember(
  systemDb: SystemDb,
  accountKeys: AccountKeys,
  input: NewMember & OperatorRequest,
): Promise<CreatedAccount & { granted: SocietyRole[] }> {
  return inSociety(systemDb, input.societyId, async (tx) => {
    const existing = await findUserIdByEmailIndex(tx, accountKeys.emailIndex(input.email));
    const displayName = input.displayName?.trim();
    if (!existing && !displayName) {
      throw new AppError('validation-failed', 'A new account needs a name.', [
        { path: 'name', code: 'required', message: 'A new account needs a name.' },
      ]);
    }
    const account = await systemCreateAccount(tx, accountKeys, {
      email: input.email,
      displayName: displayName ?? '',
      locale: input.locale,
    });
    const granted = await grantRoleRows(tx, {
      societyId: input.societyId,
      userId: account.userId,
      roles: input.roles,
    });
    const by = { actorUserId: null, actorRoles: [], requestId: input.requestId };
    if (account.created)
      await appendAuditEvent(tx, { kind: 'user.created', payload: {}, subjectId: account.userId, ...by });
    if (granted.length > 0) {
      await appendAuditEvent(tx, {
        kind: 'membership.granted',
        payload: { userId: account.userId, roles: granted },
        subjectId: account.userId,
        ...by,
      });
    }
    return { ...account, granted };
  });
}
