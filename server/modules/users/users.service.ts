import { randomUUID } from 'node:crypto';
import type { FieldError } from '../../../common/problems.ts';
import type {
  Member,
  MemberListQuery,
  MemberPage,
  NewMemberBody,
  NewMemberResult,
} from '../../../common/users.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { AppError } from '../../http/problem.ts';
import { hashPassword } from '../auth/password.ts';
import * as accounts from './accounts.store.ts';
import { newTemporaryPassword } from './temporary-password.ts';
import { presentMember } from './users.present.ts';
import * as store from './users.store.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function afterCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const userId = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!uuidPattern.test(userId))
    throw new AppError('validation-failed', 'This page link is not valid.', [
      { path: 'querystring.cursor', code: 'invalid-cursor', message: 'Not a cursor Passage issued.' },
    ]);
  return userId;
}

/** Lists the members of the actor's society, a page at a time, optionally those holding one role. */
export async function listMembers(ctx: ServiceContext, query: MemberListQuery): Promise<MemberPage> {
  const limit = query.limit ?? 50;
  const rows = await inActorSociety(ctx, (tx) =>
    store.listMemberRows(tx, { after: afterCursor(query.cursor), role: query.role, limit: limit + 1 }),
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? Buffer.from(last.userId).toString('base64url') : null;
  return { items: items.map((m) => presentMember(ctx, m)), nextCursor };
}

/** Loads a member of the actor's society inside a transaction; anyone else is not found. */
export async function loadMember(tx: SocietyTx, userId: string, lock = false): Promise<store.MemberRecord> {
  const member = await store.findMemberRow(tx, userId, lock);
  if (!member) throw new AppError('not-found', 'No such member in this society.');
  return member;
}

/** Returns one member of the actor's society. */
export async function getMember(ctx: ServiceContext, userId: string): Promise<Member> {
  return presentMember(ctx, await inActorSociety(ctx, (tx) => loadMember(tx, userId)));
}

async function checkTeams(tx: SocietyTx, teamIds: readonly string[]): Promise<void> {
  const unknown = new Set(await store.unknownTeamIds(tx, teamIds));
  const errors: FieldError[] = teamIds.flatMap((id, i) =>
    unknown.has(id) ? [{ path: `body.teamIds.${i}`, code: 'unknown-team', message: 'No such team.' }] : [],
  );
  if (errors.length > 0) throw new AppError('validation-failed', 'Some teams do not exist.', errors);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

const alreadyMember = () => new AppError('conflict', 'This person is already a member of this society.');

/** Creates an account for a new member, with a temporary password that must be changed at first sign-in. */
async function createAccount(
  ctx: ServiceContext,
  tx: SocietyTx,
  input: { body: NewMemberBody; emailIndex: Buffer; societyId: string },
): Promise<{ userId: string; temporaryPassword: string }> {
  const { body } = input;
  const userId = randomUUID();
  const temporaryPassword = newTemporaryPassword();
  await accounts.insertAccount(tx, {
    id: userId,
    emailIndex: input.emailIndex,
    emailEnc: ctx.accountKeys.seal(userId, 'email', body.email),
    displayNameEnc: ctx.accountKeys.seal(userId, 'display_name', body.displayName),
    passwordHash: await hashPassword(temporaryPassword),
    locale: body.locale ?? (await accounts.societyDefaultLocale(tx, input.societyId)),
  });
  return { userId, temporaryPassword };
}

/**
 * Adds a member to the actor's society. An account with that e-mail address (in any society) gets the
 * membership and keeps its password and name; otherwise a new account is made with a temporary password,
 * returned once, that must be changed at the first sign-in (then a second factor is enrolled).
 */
export async function addMember(ctx: ServiceContext, body: NewMemberBody): Promise<NewMemberResult> {
  const societyId = currentSocietyId(ctx);
  const roles = store.canonicalRoles(body.roles);
  const teamIds = [...new Set(body.teamIds ?? [])];
  const emailIndex = ctx.accountKeys.emailIndex(body.email);
  try {
    return await inActorSociety(ctx, async (tx) => {
      await checkTeams(tx, teamIds);
      const existing = await accounts.findAccountIdByEmailIndex(tx, emailIndex);
      if (existing && (await store.findMemberRow(tx, existing))) throw alreadyMember();
      const created = existing === undefined;
      const { userId, temporaryPassword } = existing
        ? { userId: existing, temporaryPassword: null }
        : await createAccount(ctx, tx, { body, emailIndex, societyId });
      await store.insertMembership(tx, { societyId, userId, roles, teamIds });
      const member = await loadMember(tx, userId);
      const actor = auditActor(ctx);
      if (created)
        await appendAuditEvent(tx, { kind: 'user.created', subjectId: userId, payload: {}, ...actor });
      const payload = { userId, roles };
      await appendAuditEvent(tx, { kind: 'membership.granted', subjectId: userId, payload, ...actor });
      return { member: presentMember(ctx, member), accountCreated: created, temporaryPassword };
    });
  } catch (error) {
    // Two administrators adding the same person at the same moment: the second one learns it is done.
    if (isUniqueViolation(error)) throw alreadyMember();
    throw error;
  }
}
