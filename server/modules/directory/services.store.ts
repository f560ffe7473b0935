import { sql, type Updateable } from 'kysely';
import type { ServiceStatus } from '../../../common/directory.ts';
import { knownCategories, type ServiceCategory } from '../../../common/taxonomy.ts';
import type { DirectoryDb, ServicesTable } from './directory.schema.ts';

/** A service of the transaction's society, with the name and confidentiality of its organisation. */
export type ServiceRecord = {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationIsConfidential: boolean;
  teamId: string | null;
  name: string;
  description: string | null;
  categories: ServiceCategory[];
  languages: string[];
  email: string | null;
  phone: string | null;
  url: string | null;
  isConfidential: boolean;
  status: ServiceStatus;
  version: number;
};

/** The columns a write may set, in the store's camelCase. */
export type ServiceFields = Partial<
  Omit<ServiceRecord, 'id' | 'organisationId' | 'organisationName' | 'organisationIsConfidential' | 'version'>
>;

/** Where a page of services starts: after this organisation name, service name and id. */
export type ServiceCursor = { organisationName: string; name: string; id: string };

function serviceQuery(tx: DirectoryDb) {
  return tx
    .selectFrom('services as s')
    .innerJoin('organisations as o', (join) =>
      join.onRef('o.society_id', '=', 's.society_id').onRef('o.id', '=', 's.organisation_id'),
    )
    .select([
      's.id',
      's.organisation_id',
      'o.name as organisation_name',
      'o.is_confidential as organisation_is_confidential',
      's.team_id',
      's.name',
      's.description',
      's.categories',
      's.languages',
      's.email',
      's.phone',
      's.url',
      's.is_confidential',
      's.status',
      's.version',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof serviceQuery>['executeTakeFirstOrThrow']>>;

function toRecord(row: Row): ServiceRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationIsConfidential: row.organisation_is_confidential,
    teamId: row.team_id,
    name: row.name,
    description: row.description,
    categories: knownCategories(row.categories),
    languages: row.languages,
    email: row.email,
    phone: row.phone,
    url: row.url,
    isConfidential: row.is_confidential,
    status: row.status,
    version: row.version,
  };
}

function toRow(f: ServiceFields): Updateable<ServicesTable> {
  const row: Updateable<ServicesTable> = {};
  if (f.teamId !== undefined) row.team_id = f.teamId;
  if (f.name !== undefined) row.name = f.name;
  if (f.description !== undefined) row.description = f.description;
  if (f.categories !== undefined) row.categories = f.categories;
  if (f.languages !== undefined) row.languages = f.languages;
  if (f.email !== undefined) row.email = f.email;
  if (f.phone !== undefined) row.phone = f.phone;
  if (f.url !== undefined) row.url = f.url;
  if (f.isConfidential !== undefined) row.is_confidential = f.isConfidential;
  if (f.status !== undefined) row.status = f.status;
  return row;
}

/** Finds one service of the transaction's society; `lock` holds it until the transaction ends. */
export async function findServiceRow(
  tx: DirectoryDb,
  serviceId: string,
  lock = false,
): Promise<ServiceRecord | undefined> {
  let query = serviceQuery(tx).where('s.id', '=', serviceId);
  if (lock) query = query.forUpdate('s');
  const row = await query.executeTakeFirst();
  return row && toRecord(row);
}

/**
 * Lists services by organisation name and service name after a cursor, with the filters given; services that
 * are confidential, or belong to a confidential organisation, only if included.
 */
export async function listServiceRows(
  tx: DirectoryDb,
  options: {
    includeConfidential: boolean;
    organisationId?: string | undefined;
    category?: ServiceCategory | undefined;
    after?: ServiceCursor | undefined;
    limit: number;
  },
): Promise<ServiceRecord[]> {
  const { after, category, organisationId } = options;
  const rows = await serviceQuery(tx)
    .$if(!options.includeConfidential, (qb) =>
      qb.where('s.is_confidential', '=', false).where('o.is_confidential', '=', false),
    )
    .$if(organisationId !== undefined, (qb) => qb.where('s.organisation_id', '=', organisationId ?? ''))
    .$if(category !== undefined, (qb) => qb.where(sql<boolean>`s.categories @> array[${category}]::text[]`))
    .$if(after !== undefined, (qb) =>
      qb.where((eb) =>
        eb(
          eb.refTuple('o.name', 's.name', 's.id'),
          '>',
          eb.tuple(after?.organisationName ?? '', after?.name ?? '', after?.id ?? ''),
        ),
      ),
    )
    .orderBy('o.name')
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(options.limit)
    .execute();
  return rows.map(toRecord);
}

/** Creates a service of an organisation and returns its id. */
export async function insertService(
  tx: DirectoryDb,
  service: { societyId: string; organisationId: string; name: string } & ServiceFields,
): Promise<string> {
  const { societyId, organisationId, ...fields } = service;
  const row = await tx
    .insertInto('services')
    .values({ ...toRow(fields), society_id: societyId, organisation_id: organisationId, name: fields.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes changed fields and moves the service to its next version, if it is still at `version`. */
export async function changeServiceRow(
  tx: DirectoryDb,
  change: { serviceId: string; version: number; fields: ServiceFields },
): Promise<boolean> {
  const result = await tx
    .updateTable('services')
    .set((eb) => ({ ...toRow(change.fields), version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('id', '=', change.serviceId)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Whether a team of the transaction's society has this id. */
export async function teamExists(tx: DirectoryDb, teamId: string): Promise<boolean> {
  const row = await tx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  return row !== undefined;
}
