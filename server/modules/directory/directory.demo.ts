import type { AuditEventInput } from '../../../common/audit-events.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { withDirectory, type DirectoryDb } from './directory.schema.ts';
import {
  insertInternalOrganisation,
  insertOrganisation,
  type OrganisationFields,
} from './organisations.store.ts';
import { insertService, type ServiceFields } from './services.store.ts';

// SECURITY: demo data only, obviously fake: `.invalid` addresses, user-assigned country codes (XE), no real place.
type DemoOrganisation = {
  kind: 'external' | 'national-society';
  name: string;
  fields: OrganisationFields;
  services: ({ name: string } & ServiceFields)[];
};

const demoOrganisations: readonly DemoOrganisation[] = [
  {
    kind: 'external',
    name: 'Demo Legal Aid Clinic',
    fields: { email: 'legal-aid@demo.passage.invalid', website: 'https://legal-aid.demo.passage.invalid' },
    services: [{ name: 'Demo legal advice', categories: ['legal-aid'], languages: ['en', 'fr', 'ar'] }],
  },
  {
    kind: 'external',
    name: 'Demo Shelter (confidential)',
    fields: {
      isConfidential: true,
      description: 'A demo shelter: only caseworkers and focal points see it.',
    },
    services: [
      {
        name: 'Demo safe accommodation',
        categories: ['safe-accommodation', 'material-assistance'],
        languages: ['en'],
        isConfidential: true,
      },
    ],
  },
  {
    kind: 'national-society',
    name: 'Demo Red Cross of Xland',
    fields: { country: 'XE', email: 'focal-point@xland.demo.passage.invalid' },
    services: [
      { name: 'Demo cross-border casework', categories: ['case-management', 'specialised-support'] },
    ],
  },
  {
    kind: 'external',
    name: 'Demo national referral mechanism',
    fields: { protectiveRole: 'nrm' },
    services: [{ name: 'Demo formal identification', categories: ['specialised-support'] }],
  },
  {
    kind: 'external',
    name: 'Demo child protection authority',
    fields: { protectiveRole: 'child-protection' },
    services: [{ name: 'Demo child protection referral', categories: ['child-protection'] }],
  },
];

async function addServices(
  db: DirectoryDb,
  societyId: string,
  organisationId: string,
  services: DemoOrganisation['services'],
): Promise<AuditEventInput[]> {
  const events: AuditEventInput[] = [];
  for (const service of services) {
    const serviceId = await insertService(db, { ...service, societyId, organisationId });
    events.push({ kind: 'service.created', payload: { organisationId }, subjectId: serviceId });
  }
  return events;
}

/**
 * Fills the directory of the (freshly cleared) demo society inside the seeding transaction: the society's own
 * organisation with a service of its first team, a legal aid clinic, a confidential shelter, a National Society
 * and two protective-referral authorities. Returns the audit events for the caller to write last.
 */
export async function systemSeedDemoDirectory(tx: SocietyTx, societyId: string): Promise<AuditEventInput[]> {
  const db = withDirectory(tx);
  const events: AuditEventInput[] = [];
  const society = await tx
    .selectFrom('societies')
    .select('name')
    .where('id', '=', societyId)
    .executeTakeFirst();
  const team = await tx.selectFrom('teams').select('id').orderBy('name').executeTakeFirst();
  const ownId = await insertInternalOrganisation(db, { societyId, name: society?.name ?? 'Demo society' });
  if (ownId) {
    events.push({ kind: 'organisation.created', payload: { kind: 'internal' }, subjectId: ownId });
    const casework = {
      name: 'Demo protection casework',
      teamId: team?.id ?? null,
      categories: ['case-management', 'psychological-first-aid'] as ServiceFields['categories'],
      languages: ['en', 'ar'],
    };
    events.push(...(await addServices(db, societyId, ownId, [casework])));
  }
  for (const organisation of demoOrganisations) {
    const { kind, name, fields } = organisation;
    const organisationId = await insertOrganisation(db, { ...fields, societyId, kind, name });
    events.push({ kind: 'organisation.created', payload: { kind }, subjectId: organisationId });
    events.push(...(await addServices(db, societyId, organisationId, organisation.services)));
  }
  return events;
}
