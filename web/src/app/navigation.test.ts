import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';

const keys = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).map((item) => item.key);

describe('navigationFor', () => {
  it('shows administration to administrators only, the audit log to the data protection officer only, and content to its editors', () => {
    expect(keys(['administrator'])).toEqual([
      'home',
      'organisations',
      'content',
      'administration',
      'profile',
    ]);
    expect(keys(['dpo'])).toEqual(['home', 'organisations', 'legalBasisReview', 'audit', 'profile']);
    expect(keys(['volunteer'])).toEqual(['home', 'organisations', 'profile']);
    expect(keys(['focal-point'])).toEqual([
      'home',
      'people',
      'organisations',
      'consentReview',
      'content',
      'profile',
    ]);
    expect(keys(['caseworker'])).toEqual(['home', 'people', 'organisations', 'profile']);
    expect(keys(['network-coordinator'])).toEqual(['home', 'profile']);
  });

  it('joins the entries of several roles, each once, in navigation order', () => {
    expect(keys(['dpo', 'administrator', 'caseworker'])).toEqual([
      'home',
      'people',
      'organisations',
      'legalBasisReview',
      'content',
      'administration',
      'audit',
      'profile',
    ]);
  });
});
