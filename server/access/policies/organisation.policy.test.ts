import { describe, expect, it } from 'vitest';
import type { SocietyRole } from '../../../common/roles.ts';
import { actorWith } from './policy.test-support.ts';
import {
  allowedOrganisationActions,
  allowedServiceActions,
  canAddOrganisations,
  canSeeOrganisation,
  canSeeService,
  seesConfidentialEntries,
} from './organisation.policy.ts';

const open = { isConfidential: false };
const confidential = { isConfidential: true };

describe('the organisation policy', () => {
  it.each([
    { role: 'volunteer', tier: false, keeps: false },
    { role: 'caseworker', tier: true, keeps: false },
    { role: 'focal-point', tier: true, keeps: true },
    { role: 'coordinator', tier: false, keeps: false },
    { role: 'trainer', tier: false, keeps: false },
    { role: 'dpo', tier: false, keeps: false },
    { role: 'administrator', tier: false, keeps: false },
  ] as { role: SocietyRole; tier: boolean; keeps: boolean }[])(
    'lets a $role see confidential entries: $tier, keep the directory: $keeps',
    ({ role, tier, keeps }) => {
      const actor = actorWith([role]);
      expect(seesConfidentialEntries(actor)).toBe(tier);
      expect(canSeeOrganisation(actor, open)).toBe(true);
      expect(canSeeOrganisation(actor, confidential)).toBe(tier);
      expect(canAddOrganisations(actor)).toBe(keeps);
      expect(allowedOrganisationActions(actor, open)).toEqual(keeps ? ['change', 'add-service'] : []);
      expect(allowedServiceActions(actor, open, open)).toEqual(keeps ? ['change'] : []);
    },
  );

  it('hides a service when either it or its organisation is confidential, outside the restricted tier', () => {
    const volunteer = actorWith(['volunteer']);
    expect(canSeeService(volunteer, open, open)).toBe(true);
    expect(canSeeService(volunteer, confidential, open)).toBe(false);
    expect(canSeeService(volunteer, open, confidential)).toBe(false);
    expect(canSeeService(actorWith(['caseworker']), confidential, confidential)).toBe(true);
  });

  it('gives the restricted tier to a volunteer who is also a caseworker', () => {
    expect(canSeeOrganisation(actorWith(['volunteer', 'caseworker']), confidential)).toBe(true);
  });

  it('lets keepers act on confidential entries, and a caseworker only read them', () => {
    expect(allowedOrganisationActions(actorWith(['focal-point']), confidential)).toEqual([
      'change',
      'add-service',
    ]);
    expect(allowedServiceActions(actorWith(['focal-point']), confidential, confidential)).toEqual(['change']);
    expect(allowedOrganisationActions(actorWith(['caseworker']), confidential)).toEqual([]);
    expect(allowedServiceActions(actorWith(['volunteer']), confidential, open)).toEqual([]);
  });

  it('keeps shelters and the keeping of the directory from an administrator, who sees no case content', () => {
    const administrator = actorWith(['administrator']);
    expect(canSeeOrganisation(administrator, confidential)).toBe(false);
    expect(canSeeService(administrator, open, confidential)).toBe(false);
    expect(canAddOrganisations(administrator)).toBe(false);
    expect(allowedOrganisationActions(administrator, open)).toEqual([]);
  });

  it('gives an administrator who is also a focal point what the focal point has', () => {
    const both = actorWith(['administrator', 'focal-point']);
    expect(canSeeOrganisation(both, confidential)).toBe(true);
    expect(allowedOrganisationActions(both, confidential)).toEqual(['change', 'add-service']);
  });

  it('gives nothing to a user acting without a society', () => {
    const actor = { ...actorWith(['focal-point']), society: undefined };
    expect(canSeeOrganisation(actor, open)).toBe(false);
    expect(canAddOrganisations(actor)).toBe(false);
    expect(allowedOrganisationActions(actor, open)).toEqual([]);
  });
});
