import { sql, type Expression, type SqlBool, type Updateable } from 'kysely';
import type { OrganisationKind, OrganisationStatus, ProtectiveRole } from '../../../common/directory.ts';
import { knownCategories, type ServiceCategory } from '../../../common/taxonomy.ts';
import type { DirectoryDb, OrganisationsTable } from './directory.schema.ts';

/** An organisation of the transaction's society, as the services use it. */
export type OrganisationRecord = {
  id: string;
  kind: OrganisationKind;
  name: string;
  alternateName: string | null;
  description: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  country: string | null;
  protectiveRole: ProtectiveRole | null;
  isConfidential: boolean;
  status: OrganisationStatus;
  version: number;
};

/** An organisation in a list, with the categories of the services the reader may see. */
export type OrganisationSummaryRecord = Omit<
  OrganisationRecord,
  'description' | 'email' | 'phone' | 'website'
> & {
  categories: ServiceCategory[];
};

/** The columns a write may set, in the store's camelCase. */
export type OrganisationFields = Partial<Omit<OrganisationRecord, 'id' | 'kind' | 'version'>>;

/** Where a page of organisations starts: after this name and id. */
export type OrganisationCursor = { name: string; id: string };

const columns = [
  'id',
  'kind',
  'name',
  'alternate_name',
  'description',
  'email',
  'phone',
  'website',
  'country',
  'protective_role',
  'is_confidential',
  'status',
  'version',
] as const;

const summaryColumns = [
  'id',
  'kind',
  'name',
  'alternate_name',
  'country',
  'protective_role',
  'is_confidential',
  'status',
  'version',
] as const;

type Row = {
  id: string;
  kind: OrganisationKind;
  name: string;
  alternate_name: string | null;
  description: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  country: string | null;
  protective_role: ProtectiveRole | null;
  is_confidential: boolean;
  status: OrganisationStatus;
  version: number;
};

function toRecord(row: Row): OrganisationRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    alternateName: row.alternate_name,
    description: row.description,
    email: row.email,
    phone: row.phone,
    website: row.website,
    country: row.country,
    protectiveRole: row.protective_role,
    isConfidential: row.is_confidential,
    status: row.status,
    version: row.version,
  };
}

function toSummary(
  row: Omit<Row, 'description' | 'email' | 'phone' | 'website'> & { categories: string[] },
): OrganisationSummaryRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    alternateName: row.alternate_name,
    country: row.country,
    protectiveRole: row.protective_role,
    isConfidential: row.is_confidential,
    status: row.status,
    version: row.version,
    categories: knownCategories(row.categories),
  };
}

/** The row values of a write, in snake_case; only the fields given. */
function toRow(f: OrganisationFields): Updateable<OrganisationsTable> {
  const row: Updateable<OrganisationsTable> = {};
  if (f.name !== undefined) row.name = f.name;
  if (f.alternateName !== undefined) row.alternate_name = f.alternateName;
  if (f.description !== undefined) row.description = f.description;
  if (f.email !== undefined) row.email = f.email;
  if (f.phone !== undefined) row.phone = f.phone;
  if (f.website !== undefined) row.website = f.website;
  if (f.country !== undefined) row.country = f.country;
  if (f.protectiveRole !== undefined) row.protective_role = f.protectiveRole;
  if (f.isConfidential !== undefined) row.is_confidential = f.isConfidential;
  if (f.status !== undefined) row.status = f.status;
  return row;
}

// A service counts towards an organisation's categories while it takes people (not inactive, not defunct) and the
// reader may see it.
const countedService = (includeConfidential: boolean) =>
  sql<SqlBool>`s.society_id = organisations.society_id and s.organisation_id = organisations.id
    and s.status in ('active', 'temporarily-closed') and (${includeConfidential} or not s.is_confidential)`;

/** Finds one organisation of the transaction's society; `lock` holds it until the transaction ends. */
export async function findOrganisationRow(
  tx: DirectoryDb,
  organisationId: string,
  lock = false,
): Promise<OrganisationRecord | undefined> {
  let query = tx.selectFrom('organisations').select(columns).where('id', '=', organisationId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toRecord(row);
}

/** Finds the society's own (internal) organisation, if it was made. */
export async function findInternalOrganisationId(tx: DirectoryDb): Promise<string | undefined> {
  const row = await tx
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'internal')
    .executeTakeFirst();
  return row?.id;
}

/** Lists organisations by name after a cursor, with the filters given; confidential ones only if included. */
export async function listOrganisationRows(
  tx: DirectoryDb,
  options: {
    includeConfidential: boolean;
    kind?: OrganisationKind | undefined;
    category?: ServiceCategory | undefined;
    protectiveRole?: ProtectiveRole | undefined;
    q?: string | undefined;
    after?: OrganisationCursor | undefined;
    limit: number;
  },
): Promise<OrganisationSummaryRecord[]> {
  const visible = countedService(options.includeConfidential);
  const categories = sql<string[]>`array(select distinct c from services s
    cross join unnest(s.categories) c where ${visible} order by c)`.as('categories');
  const { after, q, category } = options;
  const rows = await tx
    .selectFrom('organisations')
    .select([...summaryColumns, categories])
    .$if(!options.includeConfidential, (qb) => qb.where('is_confidential', '=', false))
    .$if(options.kind !== undefined, (qb) => qb.where('kind', '=', options.kind as OrganisationKind))
    .$if(options.protectiveRole !== undefined, (qb) =>
      qb.where('protective_role', '=', options.protectiveRole as ProtectiveRole),
    )
    .$if(q !== undefined, (qb) => {
      const pattern = `%${(q ?? '').replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      return qb.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('alternate_name', 'ilike', pattern)]));
    })
    .$if(category !== undefined, (qb) =>
      qb.where(
        sql<SqlBool>`exists (select 1 from services s where ${visible}
          and s.categories @> array[${category}]::text[])` as Expression<SqlBool>,
      ),
    )
    .$if(after !== undefined, (qb) =>
      qb.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after?.name ?? '', after?.id ?? ''))),
    )
    .orderBy('name')
    .orderBy('id')
    .limit(options.limit)
    .execute();
  return rows.map(toSummary);
}

/** Creates an organisation and returns its id. */
export async function insertOrganisation(
  tx: DirectoryDb,
  organisation: { societyId: string; kind: OrganisationKind; name: string } & OrganisationFields,
): Promise<string> {
  const { societyId, kind, ...fields } = organisation;
  const row = await tx
    .insertInto('organisations')
    .values({ ...toRow(fields), society_id: societyId, kind, name: fields.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Creates the society's own (internal) organisation unless it exists (one per society, by a unique index);
 * returns its id when this call made it.
 */
export async function insertInternalOrganisation(
  tx: DirectoryDb,
  organisation: { societyId: string; name: string },
): Promise<string | undefined> {
  const row = await tx
    .insertInto('organisations')
    .values({ society_id: organisation.societyId, kind: 'internal', name: organisation.name })
    .onConflict((oc) => oc.column('society_id').where('kind', '=', 'internal').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Writes changed fields and moves the organisation to its next version, if it is still at `version`. */
export async function changeOrganisationRow(
  tx: DirectoryDb,
  change: { organisationId: string; version: number; fields: OrganisationFields },
): Promise<boolean> {
  const result = await tx
    .updateTable('organisations')
    .set((eb) => ({
      ...toRow(change.fields),
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', change.organisationId)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
