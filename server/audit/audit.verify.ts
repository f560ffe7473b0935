import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readCheckpoints, type Checkpoint, type RejectedCheckpoint } from './audit.checkpoint.ts';
import { societyChainId, systemChainId } from './audit.hash.ts';
import { verifyChain, type ChainVerification } from './audit.verify-chain.ts';

export type { ChainVerification } from './audit.verify-chain.ts';
export type { AuditProblem, AuditProblemKind } from './audit.verify-link.ts';

/** The whole report of `passage audit verify`. */
export type AuditVerification = {
  ok: boolean;
  chains: ChainVerification[];
  checkpoints: { files: string[]; trusted: number; rejected: RejectedCheckpoint[] };
};

/** What to verify against. */
export type VerifyOptions = {
  /** Checkpoint files or folders; each line must be signed by one of `trustedKeys`. */
  checkpointSources?: readonly string[];
  /** Base64 Ed25519 public keys (see checkpointKey): normally the one derived from the configured root key. */
  trustedKeys?: readonly string[];
  /** Rows per query while streaming events and reads. */
  batchSize?: number;
};

function byChainAndSeq(checkpoints: readonly Checkpoint[]): Map<string, Map<string, Checkpoint[]>> {
  const map = new Map<string, Map<string, Checkpoint[]>>();
  for (const c of checkpoints) {
    const chain = map.get(c.chainId) ?? new Map<string, Checkpoint[]>();
    chain.set(c.seq, [...(chain.get(c.seq) ?? []), c]);
    map.set(c.chainId, chain);
  }
  return map;
}

async function chainIds(db: Kysely<Database>, checkpointed: Iterable<string>): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id::text from societies union select society_id::text from audit_chain_heads`.execute(db);
  const ids = new Set([...rows.map((r) => societyChainId(r.id)), ...checkpointed]);
  ids.delete(systemChainId);
  return [systemChainId, ...[...ids].sort()];
}

/**
 * Verifies every audit chain (hashes, order, heads), every read seal (Merkle roots recomputed from the read
 * log) and every checkpoint (signature, and that the chain still holds that seq with that hash, so a rewritten
 * or truncated chain is found even if it was re-hashed). Streams through the data; runs as the system role.
 */
export async function verifyAudit(
  systemDb: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5_000;
  const set = await readCheckpoints(options.checkpointSources ?? [], options.trustedKeys ?? []);
  const checkpoints = byChainAndSeq(set.trusted);
  const chains: ChainVerification[] = [];
  for (const chainId of await chainIds(systemDb, checkpoints.keys())) {
    const report = await verifyChain(systemDb, { chainId, checkpoints: checkpoints.get(chainId), batchSize });
    if (report.events > 0 || report.problems.length > 0 || report.unsealedReads > 0) chains.push(report);
  }
  const ok = set.rejected.length === 0 && chains.every((c) => c.problems.length === 0);
  return {
    ok,
    chains,
    checkpoints: { files: set.files, trusted: set.trusted.length, rejected: set.rejected },
  };
}
