import { ifMatch, type MatrixEntry } from './route-matrix.shape.ts';

// Rows of the access-control matrix (route-matrix.data.ts): people, and their consents and legal bases.

const caseTeam =
  'PRODUCT.md: caseworkers (their cases and team) and focal points (all cases) see a person; no other role does';
const focalPoint = 'PRODUCT.md: the focal point triages, assigns and approves sensitive steps';
const dpo = 'PRODUCT.md: the data protection officer reviews legal bases and decides legal obligations';

/** People (server/modules/people/people.routes.ts). */
export const peopleEntries: MatrixEntry[] = [
  {
    method: 'POST',
    path: '/api/people',
    who: ['caseworker', 'focal-point'],
    basis: caseTeam,
    success: 201,
    targetsRecord: false,
    request: () => ({ url: '/api/people', body: { knownAs: 'Matrix Test Person' } }),
  },
  {
    method: 'GET',
    path: '/api/people',
    who: ['caseworker', 'focal-point'],
    basis: caseTeam,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/people' }),
  },
  {
    method: 'POST',
    path: '/api/people/search',
    who: ['caseworker', 'focal-point'],
    basis: `${caseTeam}; a POST, so that no name is ever in an address`,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/people/search', body: { name: 'Matrix' } }),
  },
  {
    method: 'GET',
    path: '/api/people/:personId',
    who: ['caseworker', 'focal-point'],
    basis: caseTeam,
    success: 200,
    targetsRecord: true,
    request: async (fx) => ({ url: `/api/people/${await fx.person()}` }),
  },
  ...(
    [
      ['identity', { knownAs: 'Matrix Renamed Person' }],
      ['contact', { email: { answer: 'declined' } }],
      ['documents', { documents: { answer: 'unknown' } }],
      ['special', { health: { answer: 'declined' } }],
    ] as const
  ).map(([group, body]): MatrixEntry => ({
    method: 'PATCH',
    path: `/api/people/:personId/${group}`,
    who: ['caseworker', 'focal-point'],
    basis:
      group === 'special'
        ? `${caseTeam}; special categories only the assigned caseworker and focal points`
        : caseTeam,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const person = await fx.newPerson({ assignActor: group === 'special' });
      return { url: `/api/people/${person.id}/${group}`, body, headers: ifMatch(person.version) };
    },
  })),
  {
    method: 'PUT',
    path: '/api/people/:personId/assignment',
    who: ['focal-point'],
    basis: focalPoint,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const person = await fx.newPerson();
      const body = { caseworkerIds: [], teamId: null };
      return { url: `/api/people/${person.id}/assignment`, body, headers: ifMatch(person.version) };
    },
  },
];

const statisticsConsent = {
  purpose: 'statistics',
  fieldGroups: ['case-summary'],
  givenBy: { by: 'person' },
  method: 'verbal',
  language: 'en',
  interpreter: { used: false },
  personAlone: true,
  informationPoints: ['purpose-explained', 'uses-of-data', 'how-to-withdraw'],
};

/** Consents, legal bases, the share check and the notice (server/modules/consent/consent.routes.ts). */
export const consentEntries: MatrixEntry[] = [
  {
    method: 'GET',
    path: '/api/people/:personId/consents',
    who: ['caseworker', 'focal-point'],
    basis: caseTeam,
    success: 200,
    targetsRecord: true,
    request: async (fx) => ({ url: `/api/people/${await fx.person()}/consents` }),
  },
  {
    method: 'POST',
    path: '/api/people/:personId/consents',
    who: ['caseworker', 'focal-point'],
    basis: `${caseTeam}; consent is recorded by whoever works with the person`,
    success: 201,
    targetsRecord: true,
    request: async (fx) => ({ url: `/api/people/${await fx.person()}/consents`, body: statisticsConsent }),
  },
  {
    method: 'POST',
    path: '/api/people/:personId/consents/:consentId/withdrawal',
    who: ['caseworker', 'focal-point'],
    basis: `${caseTeam}; withdrawal is recorded by staff for the person`,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const personId = await fx.person();
      const consentId = await fx.newConsent(personId);
      return { url: `/api/people/${personId}/consents/${consentId}/withdrawal`, body: {} };
    },
  },
  {
    method: 'GET',
    path: '/api/consents/flagged',
    who: ['focal-point'],
    basis: `${focalPoint}: consents given in doubtful conditions come to them`,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/consents/flagged' }),
  },
  {
    method: 'POST',
    path: '/api/people/:personId/legal-bases',
    who: ['caseworker', 'focal-point'],
    basis: `${caseTeam}; where consent cannot be valid, another documented basis`,
    success: 201,
    targetsRecord: true,
    request: async (fx) => ({
      url: `/api/people/${await fx.person()}/legal-bases`,
      body: {
        kind: 'vital-interest',
        purpose: 'services',
        reason: 'emergency',
        fieldGroups: ['identity-minimal'],
        justification: 'Matrix test: urgent help without consent.',
      },
    }),
  },
  {
    method: 'POST',
    path: '/api/people/:personId/legal-bases/:legalBasisId/decision',
    who: ['focal-point', 'dpo'],
    basis: `${focalPoint} (vital and public interest); ${dpo}`,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const personId = await fx.person();
      const kind = fx.actorRoles.includes('dpo') ? 'legal-obligation' : 'vital-interest';
      const basisId = await fx.newLegalBasis(personId, kind);
      return {
        url: `/api/people/${personId}/legal-bases/${basisId}/decision`,
        body: { decision: 'approved' },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/legal-bases/review',
    who: ['dpo'],
    basis: dpo,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/legal-bases/review' }),
  },
  {
    method: 'POST',
    path: '/api/legal-bases/:legalBasisId/review',
    who: ['dpo'],
    basis: dpo,
    success: 200,
    targetsRecord: true,
    request: async (fx) => ({
      url: `/api/legal-bases/${await fx.newLegalBasis(await fx.person(), 'vital-interest')}/review`,
    }),
  },
  {
    method: 'POST',
    path: '/api/people/:personId/share-check',
    who: ['caseworker', 'focal-point'],
    basis: `${caseTeam}; every share checks consent first`,
    success: 200,
    targetsRecord: true,
    request: async (fx) => ({
      url: `/api/people/${await fx.person()}/share-check`,
      body: {
        recipient: { organisationId: fx.organisationId },
        purpose: 'referral',
        fields: ['identity-minimal'],
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/people/:personId/notice',
    who: ['caseworker', 'focal-point'],
    basis: `${caseTeam}; the information notice is given in the person's language`,
    success: 200,
    targetsRecord: true,
    request: async (fx) => ({ url: `/api/people/${await fx.person()}/notice` }),
  },
];
