import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.ts';

/** A signed statement that a chain had this head at this time, written outside the database. */
export const Checkpoint = z.strictObject({
  v: z.literal(1),
  chainId: z.string().regex(/^(system|society:[0-9a-f-]{36})$/),
  seq: z.string().regex(/^[1-9][0-9]{0,18}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  /** The Ed25519 public key, raw 32 bytes in base64, so a verifier can tell which key signed. */
  key: z.base64(),
  sig: z.base64(),
});
/** A signed statement that a chain had this head at this time, written outside the database. */
export type Checkpoint = z.infer<typeof Checkpoint>;

/** The Ed25519 key pair that signs checkpoints, derived from the root key. */
export type CheckpointKey = { privateKey: KeyObject; publicKey: string };

// A PKCS#8 (private) or SPKI (public) wrapping of a raw Ed25519 key is this fixed prefix and the 32 raw bytes.
const pkcs8Ed25519Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
const spkiEd25519Prefix = Buffer.from('302a300506032b6570032100', 'hex');
const signedTag = 'passage.audit.checkpoint.v1\0';

/**
 * Derives the checkpoint signing key from the root key (HKDF-SHA256, info "passage audit checkpoint"), so the key
 * never needs storing and anyone holding the root key can check it is the right one.
 */
export function checkpointKey(rootKey: Buffer | KeyObject): CheckpointKey {
  const seed = Buffer.from(hkdfSync('sha256', rootKey, Buffer.alloc(0), 'passage audit checkpoint', 32));
  const privateKey = createPrivateKey({
    key: Buffer.concat([pkcs8Ed25519Prefix, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey: spki.subarray(spkiEd25519Prefix.length).toString('base64') };
}

function signedBytes(c: Pick<Checkpoint, 'v' | 'chainId' | 'seq' | 'hash' | 'at'>): Buffer {
  const body = canonicalJson({ v: c.v, chainId: c.chainId, seq: c.seq, hash: c.hash, at: c.at });
  return Buffer.from(signedTag + body, 'utf8');
}

/** Signs one chain head. */
export function signCheckpoint(
  key: CheckpointKey,
  head: { chainId: string; seq: string; hash: string; at: Date },
): Checkpoint {
  const unsigned = {
    v: 1 as const,
    chainId: head.chainId,
    seq: head.seq,
    hash: head.hash,
    at: head.at.toISOString(),
  };
  const sig = sign(null, signedBytes(unsigned), key.privateKey).toString('base64');
  return { ...unsigned, key: key.publicKey, sig };
}

/** Whether a checkpoint's signature is valid for the public key it names. */
export function hasValidSignature(c: Checkpoint): boolean {
  const raw = Buffer.from(c.key, 'base64');
  if (raw.length !== 32) return false;
  const publicKey = createPublicKey({
    key: Buffer.concat([spkiEd25519Prefix, raw]),
    format: 'der',
    type: 'spki',
  });
  return verify(null, signedBytes(c), publicKey, Buffer.from(c.sig, 'base64'));
}

/** The checkpoint file of a month: one file per UTC month, so old months can be archived with their partitions. */
export function checkpointFile(dir: string, at: Date): string {
  return path.join(dir, `checkpoints-${at.toISOString().slice(0, 7)}.jsonl`);
}

/** A checkpoint line that could not be trusted, and why. */
export type RejectedCheckpoint = { source: string; line: number; reason: string };

/** The checkpoints found in files, split into trusted ones and rejected lines. */
export type CheckpointSet = { files: string[]; trusted: Checkpoint[]; rejected: RejectedCheckpoint[] };

async function checkpointFiles(source: string): Promise<string[]> {
  const info = await stat(source).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [source];
  const names = (await readdir(source)).filter((n) => n.endsWith('.jsonl')).sort();
  return names.map((n) => path.join(source, n));
}

/** Reads JSON lines one at a time, so a large checkpoint file is never loaded whole. */
export async function* readJsonLines(file: string): AsyncGenerator<{ line: number; value: unknown }> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n += 1;
    if (text.trim() === '') continue;
    try {
      yield { line: n, value: JSON.parse(text) as unknown };
    } catch {
      yield { line: n, value: undefined };
    }
  }
}

/**
 * Reads checkpoints from files or folders (every `*.jsonl` in a folder) and keeps those signed, validly, by one
 * of the trusted public keys (base64 raw Ed25519); a missing path yields nothing.
 */
export async function readCheckpoints(
  sources: readonly string[],
  trustedKeys: readonly string[],
): Promise<CheckpointSet> {
  const set: CheckpointSet = { files: [], trusted: [], rejected: [] };
  const trusted = new Set(trustedKeys);
  for (const source of sources) {
    for (const file of await checkpointFiles(source)) {
      set.files.push(file);
      for await (const { line, value } of readJsonLines(file)) {
        const parsed = Checkpoint.safeParse(value);
        const reject = (reason: string) => set.rejected.push({ source: file, line, reason });
        if (!parsed.success) reject('not a checkpoint line');
        else if (!trusted.has(parsed.data.key))
          reject('signed by a key that is not the one derived from the root key');
        else if (!hasValidSignature(parsed.data)) reject('the signature does not match the line');
        else set.trusted.push(parsed.data);
      }
    }
  }
  return set;
}
