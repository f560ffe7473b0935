import type { PersonCandidate, PersonSearchBody, PersonSearchResult } from '../../../common/people.ts';
import { currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { getBlindIndexKey } from '../../crypto/blind-index.ts';
import { queryLookups, unwrapPersonKeys } from './people.crypto.ts';
import { presentSummaries } from './people.present.ts';
import type { PersonLookupKind } from './people.schema.ts';
import { listScope } from './people.service.ts';
import * as store from './people.store.ts';

/** How many candidates a search returns at most. */
export const maxCandidates = 20;

type Tally = { matched: Set<PersonLookupKind>; nameTokens: number; exact: number };

function rank(a: [string, Tally], b: [string, Tally]): number {
  return b[1].exact - a[1].exact || b[1].nameTokens - a[1].nameTokens || a[0].localeCompare(b[0]);
}

/**
 * Finds people in the actor's scope by exact look-ups on blind indexes: any name token in common (more tokens
 * rank higher), the same phone number, the same document number (exact matches rank first). The search value never
 * reaches the database, a URL or a log: only its keyed hashes do. Fuzzy matching across scripts comes later.
 */
export async function searchPeople(ctx: ServiceContext, body: PersonSearchBody): Promise<PersonSearchResult> {
  return inActorSociety(ctx, async (tx) => {
    const societyId = currentSocietyId(ctx);
    const blind = await getBlindIndexKey(ctx.keys, tx, societyId);
    const wanted: [PersonLookupKind, string | undefined][] = [
      ['name-token', body.name],
      ['phone', body.phone],
      ['document-number', body.documentNumber],
    ];
    const tokens = wanted.flatMap(([kind, value]) =>
      value === undefined ? [] : queryLookups(blind, kind, value).map((token) => ({ kind, token })),
    );
    const matches = await store.findLookupMatches(tx, { scope: listScope(ctx), tokens, limit: 200 });
    const tally = new Map<string, Tally>();
    for (const m of matches) {
      const t = tally.get(m.personId) ?? { matched: new Set(), nameTokens: 0, exact: 0 };
      t.matched.add(m.kind);
      if (m.kind === 'name-token') t.nameTokens += m.matches;
      else t.exact += 1;
      tally.set(m.personId, t);
    }
    const best = [...tally.entries()].sort(rank).slice(0, maxCandidates);
    const rows = await store.findPersonRows(
      tx,
      best.map(([id]) => id),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = best.flatMap(([id]) => byId.get(id) ?? []);
    const keys = await unwrapPersonKeys(ctx.keys, tx, societyId, ordered);
    const summaries = await presentSummaries(tx, ctx, ordered, keys);
    const candidates: PersonCandidate[] = summaries.map((s) => {
      const t = tally.get(s.id) as Tally;
      return { ...s, matched: [...t.matched].sort(), nameTokensMatched: t.nameTokens };
    });
    return { candidates };
  });
}
