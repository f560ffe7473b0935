import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** The `prev_hash` of the first event of every chain: 32 zero bytes. */
export const genesisHash: Buffer = Buffer.alloc(32);

/** The chain of the system events (sign-in, sessions, second factors). */
export const systemChainId = 'system';

/** The id of a society's chain, as checkpoints and verification reports name it. */
export function societyChainId(societyId: string): string {
  return `society:${societyId}`;
}

/** The society a chain id names, or undefined for the system chain. */
export function societyOfChain(chainId: string): string | undefined {
  return chainId.startsWith('society:') ? chainId.slice('society:'.length) : undefined;
}

/** An audit event's hashed columns, as stored (uuids lower case, times to the millisecond). */
export type ChainedEvent = {
  chainId: string;
  seq: bigint;
  occurredAt: Date;
  actorUserId: string | null;
  actorRoles: readonly string[];
  kind: string;
  subjectType: string | null;
  subjectId: string | null;
  payload: unknown;
  requestId: string | null;
};

// Domain tags keep an event hash, a read leaf and a Merkle node from ever being mistaken for one another.
const eventTag = Buffer.from('passage.audit.event.v1\0', 'utf8');
const readTag = Buffer.from('passage.audit.read.v1\0', 'utf8');
const leafPrefix = Buffer.from([0]);
const nodePrefix = Buffer.from([1]);

/**
 * The hash of one event: SHA-256 over a domain tag, the previous event's hash and the canonical JSON of every
 * other column, so changing any column, the order, or the chain an event belongs to changes every later hash.
 */
export function eventHash(prevHash: Buffer, event: ChainedEvent): Buffer {
  const body = canonicalJson({
    chain: event.chainId,
    seq: event.seq.toString(),
    occurredAt: event.occurredAt.toISOString(),
    actorUserId: event.actorUserId,
    actorRoles: [...event.actorRoles],
    kind: event.kind,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload: event.payload,
    requestId: event.requestId,
  });
  return createHash('sha256').update(eventTag).update(prevHash).update(body, 'utf8').digest();
}

/** A row of the read log, as stored. */
export type ReadRow = {
  societyId: string;
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  subjectType: string;
  subjectId: string;
  fields: readonly string[];
  purpose: string | null;
  requestId: string | null;
};

/** The Merkle leaf of one read: SHA-256 of 0x00, a domain tag and the read's canonical JSON. */
export function readLeafHash(read: ReadRow): Buffer {
  const body = canonicalJson({
    societyId: read.societyId,
    id: read.id,
    occurredAt: read.occurredAt.toISOString(),
    actorUserId: read.actorUserId,
    subjectType: read.subjectType,
    subjectId: read.subjectId,
    fields: [...read.fields],
    purpose: read.purpose,
    requestId: read.requestId,
  });
  return createHash('sha256').update(leafPrefix).update(readTag).update(body, 'utf8').digest();
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(nodePrefix).update(left).update(right).digest();
}

/** Builds a Merkle root leaf by leaf in O(log n) memory. */
export type MerkleAccumulator = { add(leaf: Buffer): void; count(): number; root(): Buffer };

/**
 * A Merkle tree of the RFC 6962 shape (the left subtree holds the largest power of two below n), fed leaf by
 * leaf: full subtrees are merged as they complete, and the ragged right edge is folded in at the end.
 */
export function merkleAccumulator(): MerkleAccumulator {
  const stack: { hash: Buffer; size: number }[] = [];
  let leaves = 0;
  return {
    add(leaf) {
      let item = { hash: leaf, size: 1 };
      let top = stack.at(-1);
      while (top && top.size === item.size) {
        stack.pop();
        item = { hash: nodeHash(top.hash, item.hash), size: top.size * 2 };
        top = stack.at(-1);
      }
      stack.push(item);
      leaves += 1;
    },
    count: () => leaves,
    root() {
      const last = stack.at(-1);
      if (!last) throw new Error('A Merkle tree needs at least one leaf.');
      let acc = last.hash;
      for (let i = stack.length - 2; i >= 0; i -= 1) acc = nodeHash((stack[i] as { hash: Buffer }).hash, acc);
      return acc;
    },
  };
}

/** The Merkle root of a list of leaf hashes. */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  const tree = merkleAccumulator();
  for (const leaf of leaves) tree.add(leaf);
  return tree.root();
}
