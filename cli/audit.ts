import type { Kysely } from 'kysely';
import { checkpointKey } from '../server/audit/audit.checkpoint.ts';
import { checkpointOptionsFromConfig, writeCheckpoints } from '../server/audit/audit.checkpoint-write.ts';
import { sealReads } from '../server/audit/audit.seal.ts';
import { verifyAudit, type AuditVerification, type VerifyOptions } from '../server/audit/audit.verify.ts';
import { loadConfig } from '../server/config.ts';
import { loadKeyring } from '../server/crypto/keyring.ts';
import { openDatabases } from '../server/db/connect.ts';
import { createKysely } from '../server/db/kysely.ts';
import { migrate } from '../server/db/migrate.ts';
import type { Database } from '../server/db/schema.ts';
import type { Command } from './main.ts';

const usage = `Usage:
  passage audit verify [--checkpoints PATH]… [--trust-key KEY]… [--json]
      check every chain, read seal and checkpoint; exit 1 and name the first broken event if anything is wrong.
      Checkpoints are read from PASSAGE_AUDIT_CHECKPOINT_DIR and from each --checkpoints file or folder (for
      example a copy kept by the webhook's receiver); they must be signed by the key derived from the root key
      (or the previous root key, or a --trust-key public key in base64).
  passage audit checkpoint    write signed checkpoints of every chain head now
  passage audit seal          seal the read log into the chains now
`;

/** Renders a verification report for an operator: one line per chain, then each problem by chain and seq. */
export function formatVerification(report: AuditVerification): string {
  const lines: string[] = [];
  for (const c of report.chains) {
    const reads =
      c.chainId === 'system'
        ? ''
        : `, ${c.seals} seals over ${c.sealedReads} reads, ${c.unsealedReads} reads not sealed yet`;
    const state = c.firstBroken
      ? `BROKEN at seq ${c.firstBroken.seq ?? '(chain)'}: ${c.firstBroken.kind}`
      : 'ok';
    lines.push(
      `${c.chainId}: ${c.events} events up to seq ${c.lastSeq}${reads}, ${c.checkpointsMatched} checkpoints matched — ${state}`,
    );
    for (const p of c.problems) lines.push(`  ${p.chainId} seq ${p.seq ?? '-'}: ${p.kind}: ${p.detail}`);
  }
  const cp = report.checkpoints;
  lines.push(
    `checkpoints: ${cp.trusted} trusted lines in ${cp.files.length} files, ${cp.rejected.length} rejected`,
  );
  for (const r of cp.rejected) lines.push(`  ${r.source}:${r.line}: ${r.reason}`);
  lines.push(report.ok ? 'The audit log verifies.' : 'The audit log does NOT verify.');
  return `${lines.join('\n')}\n`;
}

/** Runs the verification and prints it; returns the exit code (0 when everything verifies, 1 otherwise). */
export async function runAuditVerify(
  systemDb: Kysely<Database>,
  options: VerifyOptions & { json?: boolean; write?: (text: string) => void },
): Promise<number> {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const report = await verifyAudit(systemDb, options);
  write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatVerification(report));
  return report.ok ? 0 : 1;
}

function repeated(args: readonly string[], flag: string): string[] | undefined {
  const values: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] !== flag) continue;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return undefined;
    values.push(value);
  }
  return values;
}

/** `passage audit verify|checkpoint|seal`: check the tamper-evident audit log, or run its jobs by hand. */
export const auditCommand: Command = {
  summary:
    'audit verify: check the audit chains, seals and checkpoints; audit checkpoint | seal: run them now',
  async run([verb, ...args]) {
    const sources = repeated(args, '--checkpoints');
    const extraKeys = repeated(args, '--trust-key');
    if ((verb !== 'verify' && verb !== 'checkpoint' && verb !== 'seal') || !sources || !extraKeys) {
      process.stderr.write(usage);
      return verb === undefined || verb === 'help' ? 0 : 2;
    }
    const config = loadConfig();
    const keyring = loadKeyring(config);
    const dbs = await openDatabases(config);
    const db = createKysely(dbs.system);
    try {
      await migrate(dbs.owner);
      if (verb === 'checkpoint') {
        const result = await writeCheckpoints(db, checkpointOptionsFromConfig(config, keyring.current.key));
        process.stdout.write(
          `Wrote ${result.written.length} checkpoints to ${result.file}; posted ${result.posted}.\n`,
        );
        return 0;
      }
      if (verb === 'seal') {
        const result = await sealReads(db);
        const reads = result.batches.reduce((n, b) => n + b.count, 0);
        process.stdout.write(
          result.settled
            ? `Sealed ${reads} reads in ${result.batches.length} batches.\n`
            : 'A long transaction is still open: nothing sealed, try again.\n',
        );
        return result.settled ? 0 : 1;
      }
      const trustedKeys = [keyring.current, keyring.previous]
        .flatMap((k) => (k ? [checkpointKey(k.key).publicKey] : []))
        .concat(extraKeys);
      return await runAuditVerify(db, {
        checkpointSources: [config.auditCheckpointDir, ...sources],
        trustedKeys,
        json: args.includes('--json'),
      });
    } finally {
      await dbs.close();
    }
  },
};
