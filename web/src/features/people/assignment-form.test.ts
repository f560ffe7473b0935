import { describe, expect, it } from 'vitest';
import { assignmentCandidates, assignmentChanged } from './assignment-form.ts';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const c = '00000000-0000-4000-8000-00000000000c';
const teams = [
  { id: 'team-north', memberIds: [b, c] },
  { id: 'team-south', memberIds: [a] },
];

describe('the assignment section', () => {
  it('offers those assigned, then the chosen team’s members, each once', () => {
    expect(assignmentCandidates([c], 'team-north', teams)).toEqual([c, b]);
    expect(assignmentCandidates([a], '', teams)).toEqual([a]);
    expect(assignmentCandidates([], 'no-such-team', teams)).toEqual([]);
  });

  it('sees a change in the team or the caseworkers ticked, not in their order', () => {
    const person = { owningTeamId: 'team-north', assignedCaseworkerIds: [a, b] };
    expect(assignmentChanged(person, 'team-north', [b, a])).toBe(false);
    expect(assignmentChanged(person, '', [a, b])).toBe(true);
    expect(assignmentChanged(person, 'team-north', [a])).toBe(true);
    expect(assignmentChanged(person, 'team-north', [a, c])).toBe(true);
  });
});
