import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../test/harness.ts';

/** A request with no session: from Passage's origin, so only the missing sign-in is wrong with it. */
export function anonymous(
  t: TestApp,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: {
      origin: t.config.origin.origin,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

/** One society audit event as a test reads it back through the system role. */
export type AuditRow = {
  society_id: string;
  kind: string;
  actor_user_id: string | null;
  actor_roles: string[];
  subject_type: string | null;
  subject_id: string | null;
  payload: Record<string, unknown>;
};

/** The society audit events of a kind about a subject, oldest first. */
export async function auditRows(t: TestApp, kind: string, subjectId: string): Promise<AuditRow[]> {
  const { rows } = await t.db.system.query<AuditRow>(
    `select society_id, kind, actor_user_id, actor_roles, subject_type, subject_id, payload
     from audit_events where kind = $1 and subject_id = $2 order by society_id, seq`,
    [kind, subjectId],
  );
  return rows;
}

/** How many society audit events there are in all (to show a refused request wrote none). */
export async function auditCount(t: TestApp): Promise<number> {
  const { rows } = await t.db.system.query<{ n: string }>('select count(*) as n from audit_events');
  return Number(rows[0]?.n);
}

/** Creates a team directly (as the system role), for tests that need one to exist. */
export async function createTeamRow(t: TestApp, societyId: string, name = 'Test Team'): Promise<string> {
  const { rows } = await t.db.system.query<{ id: string }>(
    'insert into teams (society_id, name) values ($1, $2) returning id',
    [societyId, `${name} ${Math.random().toString(36).slice(2, 8)}`],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no team inserted');
  return id;
}

/** The roles a user holds in a society, read directly (undefined when not a member). */
export async function rolesIn(t: TestApp, societyId: string, userId: string): Promise<string[] | undefined> {
  const { rows } = await t.db.system.query<{ roles: string[] }>(
    'select roles from memberships where society_id = $1 and user_id = $2',
    [societyId, userId],
  );
  return rows[0]?.roles;
}

/** The field paths of a 400 answer, sorted. */
export function errorPaths(res: LightMyRequestResponse): string[] {
  return (res.json<{ errors?: { path: string }[] }>().errors ?? []).map((e) => e.path).sort();
}
