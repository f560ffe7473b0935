import type {
  AuditEventPage,
  AuditEventQuery,
  AuditEventView,
  AuditStatus,
} from '../../../common/audit-log.ts';
import type { Role } from '../../../common/roles.ts';
import { currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { checkpointKey, readCheckpoints, type Checkpoint } from '../../audit/audit.checkpoint.ts';
import { societyChainId } from '../../audit/audit.hash.ts';
import { InvalidAuditCursorError, listAuditEvents, type AuditEventRecord } from '../../audit/audit.store.ts';
import { verifyChain } from '../../audit/audit.verify-chain.ts';
import { AppError } from '../../http/problem.ts';

const dayMs = 86_400_000;

/** An instant from the query: a bare date is the start of that day (UTC), or of the next one for `to`. */
function instant(value: string | undefined, endOfDay: boolean): Date | undefined {
  if (value === undefined) return undefined;
  if (value.length > 10) return new Date(value);
  const start = new Date(`${value}T00:00:00Z`);
  return endOfDay ? new Date(start.getTime() + dayMs) : start;
}

function badQuery(path: string, code: string, message: string): AppError {
  return new AppError('validation-failed', message, [{ path: `querystring.${path}`, code, message }]);
}

function present(event: AuditEventRecord): AuditEventView {
  return {
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    kind: event.kind,
    actorUserId: event.actorUserId,
    actorRoles: event.actorRoles as Role[],
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload: (event.payload ?? {}) as Record<string, unknown>,
    requestId: event.requestId,
  };
}

/** Lists the audit events of the actor's society, newest first, filtered by subject, actor, kind and time. */
export async function browseAuditLog(ctx: ServiceContext, query: AuditEventQuery): Promise<AuditEventPage> {
  const from = instant(query.from, false);
  const to = instant(query.to, true);
  if (from && to && from >= to)
    throw badQuery('to', 'before-from', 'The end of the period is before its start.');
  try {
    const page = await inActorSociety(ctx, (tx) =>
      listAuditEvents(tx, { ...query, from, to, limit: query.limit ?? 50 }),
    );
    return { items: page.items.map(present), nextCursor: page.nextCursor ?? null };
  } catch (error) {
    if (error instanceof InvalidAuditCursorError)
      throw badQuery('cursor', 'invalid-cursor', 'This page link is not valid.');
    throw error;
  }
}

async function societyCheckpoints(ctx: ServiceContext, chainId: string) {
  const keys = [ctx.keys.keyring.current, ctx.keys.keyring.previous].flatMap((k) =>
    k ? [checkpointKey(k.key).publicKey] : [],
  );
  const set = await readCheckpoints([ctx.config.auditCheckpointDir], keys);
  const bySeq = new Map<string, Checkpoint[]>();
  for (const c of set.trusted) if (c.chainId === chainId) bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
  return { bySeq, rejected: set.rejected.length };
}

/**
 * Verifies the actor's society chain now, as `passage audit verify` does for every chain: each event's hash and
 * link, each seal of the read log, the head, and the signed checkpoints in the deployment's checkpoint folder.
 * It reads the whole chain, so it costs time in proportion to the society's audit log.
 */
export async function auditStatus(ctx: ServiceContext): Promise<AuditStatus> {
  const chainId = societyChainId(currentSocietyId(ctx));
  const checkpoints = await societyCheckpoints(ctx, chainId);
  const { report, lastEventAt } = await inActorSociety(ctx, async (tx) => {
    const last = await tx
      .selectFrom('audit_events')
      .select('occurred_at')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const verified = await verifyChain(tx, { chainId, checkpoints: checkpoints.bySeq, batchSize: 2_000 });
    return { report: verified, lastEventAt: last?.occurred_at ?? null };
  });
  return {
    ok: report.problems.length === 0,
    checkedAt: new Date().toISOString(),
    events: report.events,
    lastSeq: report.lastSeq,
    lastEventAt: lastEventAt?.toISOString() ?? null,
    seals: report.seals,
    sealedReads: report.sealedReads,
    unsealedReads: report.unsealedReads,
    checkpointsMatched: report.checkpointsMatched,
    checkpointLinesRejected: checkpoints.rejected,
    problems: report.problems.map(({ seq, kind, detail }) => ({ seq, kind, detail })),
  };
}
