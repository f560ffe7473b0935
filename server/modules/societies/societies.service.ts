import { Locale } from '../../../common/auth.ts';
import { societyRoles } from '../../../common/roles.ts';
import type { Society, SocietyProfile, SocietySettingsBody } from '../../../common/societies.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { allowedSocietyActions } from '../../access/policies/society.policy.ts';
import { inSociety } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { staleVersion } from '../../http/concurrency.ts';
import { AppError } from '../../http/problem.ts';
import {
  findSociety,
  updateSettings,
  type SettingsChange,
  type SocietySettingsRecord,
} from './societies.store.ts';

const notFound = () => new AppError('not-found', 'No such society.');

/** Returns the profile of a society the actor is a member of; any other society is not found. */
export async function getSociety(ctx: ServiceContext, societyId: string): Promise<Society> {
  if (!ctx.actor.memberships.some((m) => m.societyId === societyId)) throw notFound();
  const society = await inSociety(ctx.db, societyId, (tx) => findSociety(tx, societyId));
  if (!society) throw notFound();
  const { id, name, country, timeZone, isDemo, version } = society;
  return { id, name, country, timeZone, isDemo, version };
}

function present(ctx: ServiceContext, society: SocietySettingsRecord): SocietyProfile {
  return {
    ...society,
    defaultLocale: Locale.catch('en').parse(society.defaultLocale),
    allowedActions: allowedSocietyActions(ctx.actor),
  };
}

/** Returns the actor's current society with its settings. */
export async function getCurrentSociety(ctx: ServiceContext): Promise<SocietyProfile> {
  const societyId = currentSocietyId(ctx);
  const society = await inActorSociety(ctx, (tx) => findSociety(tx, societyId));
  if (!society) throw notFound();
  return present(ctx, society);
}

/** The settings in a request that differ from the stored ones, in the stored form (canonical names, sorted roles). */
function changedSettings(current: SocietySettingsRecord, body: SocietySettingsBody): SettingsChange {
  const wanted: SettingsChange = {
    timeZone:
      body.timeZone && new Intl.DateTimeFormat('en', { timeZone: body.timeZone }).resolvedOptions().timeZone,
    mfaOptionalRoles: body.mfaOptionalRoles && societyRoles.filter((r) => body.mfaOptionalRoles?.includes(r)),
    suppressionThreshold: body.suppressionThreshold,
    defaultLocale: body.defaultLocale,
    retentionMonths: body.retentionMonths,
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return Object.fromEntries(
    Object.entries(wanted).filter(
      ([field, value]) => value !== undefined && !same(value, current[field as keyof SettingsChange]),
    ),
  );
}

/**
 * Changes the settings of the actor's current society (administrators), if it is still at the version they saw.
 * A role made MFA-optional must be one that sees no personal data (the request schema refuses others).
 */
export async function changeSettings(
  ctx: ServiceContext,
  change: { body: SocietySettingsBody; version: number },
): Promise<SocietyProfile> {
  if (!allowedSocietyActions(ctx.actor).includes('change-settings'))
    throw new AppError('forbidden', 'Only an administrator can change the settings.');
  const societyId = currentSocietyId(ctx);
  const society = await inActorSociety(ctx, async (tx) => {
    const current = await findSociety(tx, societyId);
    if (!current) throw notFound();
    if (current.version !== change.version) throw staleVersion();
    const settings = changedSettings(current, change.body);
    const fields = Object.keys(settings);
    if (fields.length === 0) return current;
    if (!(await updateSettings(tx, { id: societyId, version: change.version, settings })))
      throw staleVersion();
    await appendAuditEvent(tx, {
      kind: 'settings.changed',
      subjectId: societyId,
      payload: { fields },
      ...auditActor(ctx),
    });
    return findSociety(tx, societyId);
  });
  if (!society) throw notFound();
  return present(ctx, society);
}
