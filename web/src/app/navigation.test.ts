import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';

const keys = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).map((item) => item.key);

describe('navigationFor', () => {
  it('shows administration to administrators only and the audit log to the data protection officer only', () => {
    expect(keys(['administrator'])).toEqual(['home', 'administration', 'profile']);
    expect(keys(['dpo'])).toEqual(['home', 'audit', 'profile']);
    expect(keys(['volunteer'])).toEqual(['home', 'profile']);
    expect(keys(['network-coordinator'])).toEqual(['home', 'profile']);
  });

  it('joins the entries of several roles, each once, in navigation order', () => {
    expect(keys(['dpo', 'administrator', 'caseworker'])).toEqual([
      'home',
      'administration',
      'audit',
      'profile',
    ]);
  });
});
