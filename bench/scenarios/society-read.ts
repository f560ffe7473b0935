import { newSessionToken, sessionCookieName } from '../../server/access/session.ts';
import { ensureBenchMembers, ensureSocieties, openBenchSessions, sampleSocietyIds } from '../generate.ts';
import type { Scenario } from '../scenario.ts';

/** Distinct rows drawn for the requests: enough that reads spread over the table at every scale. */
const sampleSize = 100_000;

/**
 * Reads one society by id through Passage's full request path, signed in as a member of that society, beside
 * the floor reading the same row.
 */
export const societyRead: Scenario = {
  name: 'society-read',
  summary:
    'GET /api/societies/:id signed in as a member (session and memberships look-up, access guard, zod validation, service, inSociety transaction on the app role under row-level security, store, serialisation) against a bare Fastify handler running one SELECT',
  budget: { maxRatio: 2 },
  async prepare({ config, db, rows, log }) {
    const inserted = await ensureSocieties(db, rows, log);
    if (inserted > 0) log(`  seeded ${inserted.toLocaleString('en')} societies`);
    const ids = await sampleSocietyIds(db.system, rows, sampleSize);
    await ensureBenchMembers(db, ids);
    const sessions = ids.map((societyId) => ({ societyId, ...newSessionToken() }));
    await openBenchSessions(db, sessions);
    log(`  ${sessions.length.toLocaleString('en')} members signed in, one per society read`);
    const cookie = sessionCookieName(config);
    return {
      rows,
      passage: sessions.map((s) => ({
        path: `/api/societies/${s.societyId}`,
        headers: { cookie: `${cookie}=${s.token}` },
      })),
      floor: {
        route: {
          path: '/societies/:id',
          sql: 'select id, name, country, time_zone as "timeZone", is_demo as "isDemo", version from societies where id = $1',
        },
        requests: ids.map((id) => ({ path: `/societies/${id}` })),
      },
    };
  },
};
