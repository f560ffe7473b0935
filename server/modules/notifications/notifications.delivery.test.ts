import { randomUUID } from 'node:crypto';
import { parseCrontab, type JobHelpers, type TaskList } from 'graphile-worker';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEmailTexts, type NotificationKind } from '../../../common/notifications.ts';
import { createSociety, createUser, type TestUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { decodeMessage, startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts';
import { inSociety } from '../../access/scope.ts';
import { createKysely } from '../../db/kysely.ts';
import { startWorker, type JobWorker } from '../../jobs/worker.ts';
import { notify } from './notifications.service.ts';
import { createNotificationTasks, notificationsCrontab } from './notifications.tasks.ts';

let t: TestApp;
let sink: SmtpSink;
let worker: JobWorker;
let tasks: TaskList;
let societyId: string;
const workerLines: string[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({
    env: { PASSAGE_SMTP_URL: sink.url, PASSAGE_MAIL_FROM: 'Passage <no-reply@example.invalid>' },
  });
  societyId = await createSociety(t);
  tasks = createNotificationTasks({
    systemDb: createKysely(t.db.system),
    accountKeys: t.accountKeys,
    config: t.config,
  });
  const log = pino({ level: 'debug' }, { write: (line: string) => void workerLines.push(line) });
  // No schedule: the test runs the sweep itself instead of waiting for the minute.
  worker = await startWorker({ systemPool: t.db.system, log, extraTasks: tasks, pollIntervalMs: 50 });
});
afterAll(async () => {
  await worker.stop();
  await t.close();
  await sink.close();
});

const noHelpers = {} as JobHelpers;
const sweep = () => tasks['notifications:deliver-pending']!({}, noHelpers);

async function member(locale: string): Promise<TestUser & { displayName: string }> {
  const user = await createUser(t, { societyId, roles: ['caseworker'] });
  const { rows } = await t.db.system.query<{ display_name_enc: Buffer }>(
    'update users set locale = $2 where id = $1 returning display_name_enc',
    [user.id, locale],
  );
  return { ...user, displayName: t.accountKeys.open(user.id, 'display_name', rows[0]!.display_name_enc) };
}

function send(user: TestUser, kind: NotificationKind, subjectId: string): Promise<string> {
  const subject =
    kind === 'concern.urgent'
      ? { type: 'concern' as const, id: subjectId }
      : { type: 'referral' as const, id: subjectId };
  return inSociety(createKysely(t.db.app), societyId, async (tx) => {
    const [id] = await notify(tx, { recipients: [user.id], kind, subject, config: t.config });
    return id!;
  });
}

type EmailRow = { email_status: string; email_attempts: number; email_sent_at: Date | null };
async function emailState(id: string): Promise<EmailRow | undefined> {
  const { rows } = await t.db.system.query<EmailRow>(
    'select email_status, email_attempts, email_sent_at from notifications where id = $1',
    [id],
  );
  return rows[0];
}

type JobRow = { attempts: number; max_attempts: number; last_error: string | null; locked_at: Date | null };
async function deliveryJob(id: string): Promise<JobRow | undefined> {
  const { rows } = await t.db.system.query<JobRow>(
    `select attempts, max_attempts, last_error, locked_at from graphile_worker._private_jobs where key = $1`,
    [`notifications:deliver:${id}`],
  );
  return rows[0];
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const allLogs = () => [...t.logLines, ...workerLines].join('\n');

describe('e-mail delivery', () => {
  it('sends the fixed text in the recipient’s language, with a link and nothing personal, and records it sent', async () => {
    const user = await member('fr');
    const subjectId = randomUUID();
    const id = await send(user, 'referral.needs-answer', subjectId);
    expect((await emailState(id))?.email_status).toBe('pending');
    await sweep();
    const state = await waitFor('the e-mail to be sent', async () => {
      const row = await emailState(id);
      return row?.email_status === 'sent' && row;
    });
    expect(state).toMatchObject({ email_attempts: 1, email_sent_at: expect.any(Date) });
    const sent = sink.messages.filter((m) => m.to.includes(user.email));
    expect(sent).toHaveLength(1);
    const { headers, text } = decodeMessage(sent[0]!.raw);
    expect(headers.get('subject')).toBe(notificationEmailTexts.fr.subject);
    expect(headers.get('from')).toBe('Passage <no-reply@example.invalid>');
    expect(headers.get('auto-submitted')).toBe('auto-generated');
    expect(text).toContain(notificationEmailTexts.fr.lines['referral.needs-answer']);
    expect(text).toContain(`${t.config.origin.origin}/notifications\n`);
    for (const secret of [user.displayName, subjectId, id, societyId]) {
      expect(sent[0]!.raw).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    expect(allLogs()).not.toContain(user.email);
  });

  it('writes an urgent notification’s e-mail with the urgent subject, here in Arabic', async () => {
    const user = await member('ar');
    const id = await send(user, 'concern.urgent', randomUUID());
    await sweep();
    await waitFor('the e-mail to be sent', async () => (await emailState(id))?.email_status === 'sent');
    const { headers, text } = decodeMessage(sink.messages.find((m) => m.to.includes(user.email))!.raw);
    expect(headers.get('subject')).toBe(notificationEmailTexts.ar.urgentSubject);
    expect(text).toContain(notificationEmailTexts.ar.lines['concern.urgent']);
  });

  it('records each failed attempt, retries with backoff, marks it failed at the last one, and never stores the address', async () => {
    sink.mode = 'reject-recipient';
    try {
      const user = await member('en');
      const id = await send(user, 'referral.needs-answer', randomUUID());
      await sweep();
      const first = await waitFor('the first attempt to fail', async () => {
        const job = await deliveryJob(id);
        return job?.attempts === 1 && job.locked_at === null && job.last_error !== null && job;
      });
      expect(first.last_error).toContain('SMTP 550');
      expect(first.last_error).not.toContain(user.email);
      expect(await emailState(id)).toMatchObject({ email_status: 'pending', email_attempts: 1 });
      await sweep(); // a second sweep leaves the retrying job alone
      expect(await deliveryJob(id)).toMatchObject({ attempts: 1 });

      // Skip the backoff, and make this the last attempt.
      await t.db.system.query(
        'update graphile_worker._private_jobs set run_at = now(), max_attempts = 2 where key = $1',
        [`notifications:deliver:${id}`],
      );
      await waitFor(
        'the e-mail to be marked failed',
        async () => (await emailState(id))?.email_status === 'failed',
      );
      expect(await emailState(id)).toMatchObject({ email_attempts: 2, email_sent_at: null });
      const dead = await waitFor('the job to be dead', async () => {
        const job = await deliveryJob(id);
        return job?.attempts === 2 && job.locked_at === null && job;
      });
      expect(dead.last_error).not.toContain(user.email);
      expect(sink.messages.some((m) => m.to.includes(user.email))).toBe(false);
      expect(allLogs()).toContain('"task":"notifications:deliver"');
      expect(allLogs()).not.toContain(user.email);
    } finally {
      sink.mode = 'accept';
    }
  });

  it('sends nothing when SMTP is switched off before delivery, or the notification was read in the app first', async () => {
    const offline = createNotificationTasks({
      systemDb: createKysely(t.db.system),
      accountKeys: t.accountKeys,
      config: { ...t.config, smtpUrl: undefined },
    });
    const helpers = { job: { attempts: 1, max_attempts: 10 } } as JobHelpers;
    const user = await member('en');
    const switchedOff = await send(user, 'referral.inbound', randomUUID());
    await offline['notifications:deliver']!({ societyId, notificationId: switchedOff }, helpers);
    const alreadyRead = await send(user, 'referral.inbound', randomUUID());
    await t.db.system.query('update notifications set read_at = now() where id = $1', [alreadyRead]);
    await tasks['notifications:deliver']!({ societyId, notificationId: alreadyRead }, helpers);
    for (const id of [switchedOff, alreadyRead])
      expect(await emailState(id)).toMatchObject({ email_status: 'not-needed', email_attempts: 0 });
    expect(sink.messages.some((m) => m.to.includes(user.email))).toBe(false);
  });
});

describe('notification jobs', () => {
  it('schedules only tasks that exist, and purges notifications past their retention', async () => {
    const scheduled = parseCrontab(notificationsCrontab).map((c) => c.task);
    expect(scheduled.every((task) => task in tasks)).toBe(true);
    const user = await member('en');
    const [oldRead, oldUnread, recentRead, recent] = await Promise.all(
      [0, 1, 2, 3].map(() => send(user, 'referral.inbound', randomUUID())),
    );
    await t.db.system.query(
      `update notifications set email_status = 'not-needed', read_at = case
         when id = $1 then now() - interval '91 days' when id = $3 then now() - interval '89 days' end,
         created_at = case when id = $2 then now() - interval '366 days' else created_at end
       where id in ($1, $2, $3, $4)`,
      [oldRead, oldUnread, recentRead, recent],
    );
    await tasks['notifications:purge']!({}, noHelpers);
    const { rows } = await t.db.system.query<{ id: string }>(
      'select id from notifications where recipient_user_id = $1',
      [user.id],
    );
    expect(rows.map((r) => r.id).sort()).toEqual([recentRead, recent].sort());
  });
});
