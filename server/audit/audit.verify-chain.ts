import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Checkpoint } from './audit.checkpoint.ts';
import { genesisHash, societyOfChain } from './audit.hash.ts';
import { checkSeal } from './audit.verify-seal.ts';
import { checkLink, streamChain, type AuditProblem, type EventRow } from './audit.verify-link.ts';

/** The verification of one chain. */
export type ChainVerification = {
  chainId: string;
  events: number;
  lastSeq: string;
  seals: number;
  sealedReads: number;
  unsealedReads: number;
  checkpointsMatched: number;
  /** The earliest problem by seq: the first broken event. */
  firstBroken: AuditProblem | undefined;
  problems: AuditProblem[];
};

const maxProblemsPerChain = 100;

type ChainWalk = {
  report: ChainVerification;
  expected: { seq: bigint; prevHash: Buffer };
  lastHash: Buffer;
  lastSealTo: bigint;
  lastMatchedCheckpoint: string | undefined;
};

function addProblem(
  walk: ChainWalk,
  seq: string | null,
  problem: Omit<AuditProblem, 'chainId' | 'seq'>,
): void {
  const list = walk.report.problems;
  if (list.length < maxProblemsPerChain) list.push({ chainId: walk.report.chainId, seq, ...problem });
}

function checkCheckpointsAt(walk: ChainWalk, row: EventRow, checkpoints: Map<string, Checkpoint[]>): void {
  for (const c of checkpoints.get(row.seq) ?? []) {
    if (c.hash === row.hash.toString('hex')) {
      walk.lastMatchedCheckpoint = row.seq;
      walk.report.checkpointsMatched += 1;
      continue;
    }
    const since = walk.lastMatchedCheckpoint
      ? `, after seq ${walk.lastMatchedCheckpoint} (the last checkpoint that matches)`
      : '';
    addProblem(walk, row.seq, {
      kind: 'checkpoint-mismatch',
      detail: `the checkpoint of ${c.at} holds another hash for this event: the chain was rewritten at or before it${since}`,
    });
  }
  checkpoints.delete(row.seq);
}

async function walkEvent(
  db: Kysely<Database>,
  walk: ChainWalk,
  row: EventRow,
  context: { societyId: string | undefined; checkpoints: Map<string, Checkpoint[]>; batchSize: number },
): Promise<void> {
  walk.report.events += 1;
  const problem = checkLink(walk.report.chainId, walk.expected, row);
  if (problem) addProblem(walk, row.seq, problem);
  // Carry on from the stored row, so one altered event is named once and later breaks are still found.
  walk.expected = { seq: BigInt(row.seq) + 1n, prevHash: row.hash };
  walk.lastHash = row.hash;
  walk.report.lastSeq = row.seq;
  checkCheckpointsAt(walk, row, context.checkpoints);
  if (context.societyId && row.kind === 'audit.reads-sealed') {
    const seal = await checkSeal(db, {
      societyId: context.societyId,
      payload: row.payload,
      previousToId: walk.lastSealTo,
      batchSize: context.batchSize,
    });
    walk.report.seals += 1;
    if (seal.ok) walk.report.sealedReads += seal.count;
    else addProblem(walk, row.seq, { kind: 'seal-mismatch', detail: seal.detail });
    if (seal.toId !== undefined) walk.lastSealTo = seal.toId;
  }
}

async function checkHead(
  db: Kysely<Database>,
  walk: ChainWalk,
  societyId: string | undefined,
): Promise<void> {
  const head = societyId
    ? await db
        .selectFrom('audit_chain_heads')
        .select(['seq', 'hash'])
        .where('society_id', '=', societyId)
        .executeTakeFirst()
    : await db.selectFrom('system_audit_chain_head').select(['seq', 'hash']).executeTakeFirst();
  const last = walk.report.lastSeq;
  if (!head) {
    if (walk.report.events > 0)
      addProblem(walk, null, { kind: 'head-mismatch', detail: 'the chain has events but no head row' });
    return;
  }
  if (BigInt(head.seq) > BigInt(last))
    addProblem(walk, head.seq, {
      kind: 'truncated',
      detail: `the chain head is at seq ${head.seq} but the last event is ${last}: events were removed`,
    });
  else if (head.seq !== last || !head.hash.equals(walk.lastHash))
    addProblem(walk, last, {
      kind: 'head-mismatch',
      detail: `the chain head (seq ${head.seq}) does not match the last event`,
    });
}

/** Verifies one chain: links and hashes, seals, checkpoints, and that its head matches its last event. */
export async function verifyChain(
  db: Kysely<Database>,
  options: { chainId: string; checkpoints: Map<string, Checkpoint[]> | undefined; batchSize: number },
): Promise<ChainVerification> {
  const societyId = societyOfChain(options.chainId);
  const checkpoints = new Map(options.checkpoints ?? []);
  const walk: ChainWalk = {
    report: {
      chainId: options.chainId,
      events: 0,
      lastSeq: '0',
      seals: 0,
      sealedReads: 0,
      unsealedReads: 0,
      checkpointsMatched: 0,
      firstBroken: undefined,
      problems: [],
    },
    expected: { seq: 1n, prevHash: genesisHash },
    lastHash: genesisHash,
    lastSealTo: 0n,
    lastMatchedCheckpoint: undefined,
  };
  const context = { societyId, checkpoints, batchSize: options.batchSize };
  for await (const rows of streamChain(db, societyId, options.batchSize))
    for (const row of rows) await walkEvent(db, walk, row, context);
  for (const [seq, list] of checkpoints) {
    const at = list[0]?.at ?? '';
    const gone = BigInt(seq) > BigInt(walk.report.lastSeq);
    addProblem(walk, seq, {
      kind: gone ? 'truncated' : 'checkpoint-mismatch',
      detail: gone
        ? `the checkpoint of ${at} saw seq ${seq}, but the chain now ends at seq ${walk.report.lastSeq}: events were removed`
        : `the checkpoint of ${at} saw seq ${seq}, which is no longer in the chain`,
    });
  }
  await checkHead(db, walk, societyId);
  if (societyId) {
    const { rows } = await sql<{ n: string }>`
      select count(*)::text as n from audit_reads where society_id = ${societyId} and id > ${walk.lastSealTo.toString()}`.execute(
      db,
    );
    walk.report.unsealedReads = Number(rows[0]?.n ?? 0);
  }
  walk.report.problems.sort((a, b) => compareSeq(a.seq, b.seq));
  walk.report.firstBroken = walk.report.problems[0];
  return walk.report;
}

function compareSeq(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return BigInt(a) < BigInt(b) ? -1 : 1;
}
