import type { KeyObject } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { societyChainId, systemChainId } from './audit.hash.ts';
import {
  checkpointFile,
  checkpointKey,
  readJsonLines,
  signCheckpoint,
  type Checkpoint,
} from './audit.checkpoint.ts';
import { appendSystemAuditEvent } from './system-audit.ts';

/** Where checkpoints go and what signs them. */
export type CheckpointOptions = {
  /** The current root key (Keyring.current.key); the signing key is derived from it. */
  rootKey: Buffer | KeyObject;
  /** The folder of monthly checkpoint files; keep it off the database's machine, or back it up separately. */
  dir: string;
  /** Also POST every chain head, as JSON `{ checkpoints: [...] }`, to this URL. */
  webhookUrl?: string | undefined;
  /** For tests: the clock and the fetch implementation. */
  now?: () => Date;
  fetch?: typeof fetch;
};

/** What one checkpoint run wrote. */
export type CheckpointResult = { file: string; written: Checkpoint[]; posted: number };

/** The checkpoint settings of a configuration. */
export function checkpointOptionsFromConfig(
  config: Pick<Config, 'auditCheckpointDir' | 'auditCheckpointWebhook'>,
  rootKey: Buffer | KeyObject,
): CheckpointOptions {
  return { rootKey, dir: config.auditCheckpointDir, webhookUrl: config.auditCheckpointWebhook };
}

type Head = { chainId: string; seq: string; hash: Buffer };

/** Every chain head that has at least one event, the system chain first. */
export async function readChainHeads(systemDb: Kysely<Database>): Promise<Head[]> {
  const system = await systemDb.selectFrom('system_audit_chain_head').select(['seq', 'hash']).execute();
  const societies = await systemDb
    .selectFrom('audit_chain_heads')
    .select(['society_id', 'seq', 'hash'])
    .orderBy('society_id')
    .execute();
  return [
    ...system.map((h) => ({ chainId: systemChainId, seq: h.seq, hash: h.hash })),
    ...societies.map((h) => ({ chainId: societyChainId(h.society_id), seq: h.seq, hash: h.hash })),
  ].filter((h) => h.seq !== '0');
}

/** The last seq this key checkpointed for each chain in a file (nothing if the file does not exist yet). */
async function lastCheckpointed(file: string, publicKey: string): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  try {
    for await (const { value } of readJsonLines(file)) {
      const c = value as Partial<Checkpoint> | undefined;
      if (c?.key === publicKey && typeof c.chainId === 'string' && typeof c.seq === 'string')
        last.set(c.chainId, c.seq);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return last;
}

async function appendLines(file: string, lines: readonly Checkpoint[]): Promise<void> {
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.write(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Signs the head of every chain with the key derived from the root key and writes it outside the database: to
 * this month's file (only chains that moved since their last line there, so idle chains add nothing) and, when
 * configured, to the webhook (every head, every run, so a failed delivery is made good by the retry). Run by the
 * `audit:checkpoint` job and at shutdown.
 */
export async function writeCheckpoints(
  systemDb: Kysely<Database>,
  options: CheckpointOptions,
): Promise<CheckpointResult> {
  const now = options.now ?? (() => new Date());
  const key = checkpointKey(options.rootKey);
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const file = checkpointFile(options.dir, now());
  const last = await lastCheckpointed(file, key.publicKey);
  const moved = (heads: Head[]) => heads.filter((h) => last.get(h.chainId) !== h.seq);
  let heads = await readChainHeads(systemDb);
  if (moved(heads).length > 0) {
    // Recorded before the heads are read again, so the checkpoint covers its own event and an idle system stays idle.
    const plusSystem = moved(heads).some((h) => h.chainId === systemChainId) ? 0 : 1;
    await appendSystemAuditEvent(systemDb, {
      kind: 'audit.checkpoint-written',
      payload: {
        chains: moved(heads).length + plusSystem,
        destinations: options.webhookUrl ? ['file', 'webhook'] : ['file'],
      },
    });
    heads = await readChainHeads(systemDb);
  }
  const sign = (h: Head) =>
    signCheckpoint(key, { chainId: h.chainId, seq: h.seq, hash: h.hash.toString('hex'), at: now() });
  const written = moved(heads).map(sign);
  if (written.length > 0) await appendLines(file, written);
  let posted = 0;
  if (options.webhookUrl) {
    const all = heads.map(sign);
    const response = await (options.fetch ?? fetch)(options.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ checkpoints: all }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`The audit checkpoint webhook answered ${response.status}.`);
    posted = all.length;
  }
  return { file, written, posted };
}
