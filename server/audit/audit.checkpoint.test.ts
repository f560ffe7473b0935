import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import type { Database } from '../db/schema.ts';
import { Checkpoint, checkpointKey, hasValidSignature, signCheckpoint } from './audit.checkpoint.ts';
import { writeCheckpoints } from './audit.checkpoint-write.ts';
import { createSociety, handles, teamUpdated } from './audit.test-support.ts';
import { verifyAudit } from './audit.verify.ts';
import { appendAuditEvent } from './audit.writer.ts';

let db: TestDatabase;
let app: Kysely<Database>;
let system: Kysely<Database>;
const rootKey = randomBytes(32);
const trustedKeys = [checkpointKey(rootKey).publicKey];
beforeAll(async () => {
  db = await createTestDatabase();
  ({ app, system } = handles(db));
});
afterAll(() => db.close());

const newDir = () => mkdtempSync(path.join(os.tmpdir(), 'passage-checkpoints-'));
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => Checkpoint.parse(JSON.parse(l)));

async function societyWithEvents(n: number): Promise<string> {
  const society = await createSociety(db);
  for (let i = 1; i <= n; i += 1) await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(i)));
  return society;
}

describe('checkpoints', () => {
  it('writes a signed line for each chain that moved, and nothing while the chains stand still', async () => {
    const a = await societyWithEvents(2);
    const b = await societyWithEvents(1);
    const dir = newDir();
    const first = await writeCheckpoints(system, { rootKey, dir });
    const chains = first.written.map((c) => c.chainId);
    expect(chains).toEqual(expect.arrayContaining(['system', `society:${a}`, `society:${b}`]));
    expect(lines(first.file)).toEqual(first.written);
    for (const c of first.written) {
      expect(hasValidSignature(c)).toBe(true);
      expect(c.key).toBe(trustedKeys[0]);
    }
    expect(first.written.find((c) => c.chainId === `society:${a}`)?.seq).toBe('2');
    expect((await writeCheckpoints(system, { rootKey, dir })).written).toEqual([]);
    await inSociety(app, a, (tx) => appendAuditEvent(tx, teamUpdated(3)));
    const third = await writeCheckpoints(system, { rootKey, dir });
    expect(third.written.map((c) => [c.chainId, c.seq])).toContainEqual([`society:${a}`, '3']);
    expect(third.written.map((c) => c.chainId)).not.toContain(`society:${b}`);
    const report = await verifyAudit(system, { checkpointSources: [dir], trustedKeys });
    expect(report.ok).toBe(true);
    expect(report.checkpoints.trusted).toBe(lines(first.file).length);
  });

  it('starts a new file each month', async () => {
    await societyWithEvents(1);
    const dir = newDir();
    const result = await writeCheckpoints(system, {
      rootKey,
      dir,
      now: () => new Date('2031-02-03T04:05:06Z'),
    });
    expect(path.basename(result.file)).toBe('checkpoints-2031-02.jsonl');
  });

  it('derives the signing key from the root key, and another root key gives another key', () => {
    expect(checkpointKey(rootKey).publicKey).toBe(trustedKeys[0]);
    expect(checkpointKey(randomBytes(32)).publicKey).not.toBe(trustedKeys[0]);
  });

  it('rejects a checkpoint signed by another key, though it names the right hash', async () => {
    const society = await societyWithEvents(2);
    const dir = newDir();
    const { file, written } = await writeCheckpoints(system, { rootKey, dir });
    const genuine = written.find((c) => c.chainId === `society:${society}`);
    if (!genuine) throw new Error('no checkpoint for the society');
    const forged = signCheckpoint(checkpointKey(randomBytes(32)), { ...genuine, at: new Date() });
    expect(hasValidSignature(forged)).toBe(true);
    appendFileSync(file, `${JSON.stringify(forged)}\n`);
    const report = await verifyAudit(system, { checkpointSources: [dir], trustedKeys });
    expect(report.ok).toBe(false);
    expect(report.checkpoints.rejected).toEqual([
      {
        source: file,
        line: written.length + 1,
        reason: expect.stringContaining('not the one derived from the root key'),
      },
    ]);
  });

  it('rejects a checkpoint line edited after it was signed', async () => {
    const society = await societyWithEvents(2);
    const dir = newDir();
    const { file, written } = await writeCheckpoints(system, { rootKey, dir });
    const genuine = written.find((c) => c.chainId === `society:${society}`);
    appendFileSync(file, `${JSON.stringify({ ...genuine, seq: '1' })}\n`);
    const report = await verifyAudit(system, { checkpointSources: [dir], trustedKeys });
    expect(report.ok).toBe(false);
    expect(report.checkpoints.rejected[0]?.reason).toMatch(/signature/);
  });

  it('posts every chain head to the webhook, and fails the run when the webhook refuses', async () => {
    await societyWithEvents(1);
    const received: unknown[] = [];
    let status = 204;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkpoints`;
    try {
      const dir = newDir();
      const result = await writeCheckpoints(system, { rootKey, dir, webhookUrl });
      const posted = (received[0] as { checkpoints: unknown[] }).checkpoints.map((c) => Checkpoint.parse(c));
      expect(posted.length).toBe(result.posted);
      expect(posted.map((c) => c.chainId)).toEqual(
        expect.arrayContaining(result.written.map((c) => c.chainId)),
      );
      expect(posted.every(hasValidSignature)).toBe(true);
      status = 500;
      await expect(writeCheckpoints(system, { rootKey, dir, webhookUrl })).rejects.toThrow(
        /webhook answered 500/,
      );
    } finally {
      server.close();
    }
  });
});
