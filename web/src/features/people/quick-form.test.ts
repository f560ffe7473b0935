import { describe, expect, it } from 'vitest';
import { isPresumedChild, NewPersonBody } from '../../../../common/people.ts';
import { emptyQuick, quickBody } from './quick-form.ts';

const now = new Date('2026-11-23T12:00:00Z');

describe('quick registration', () => {
  it('sends nothing at all when nothing is typed: the pseudonymous code is enough', () => {
    const body = quickBody(emptyQuick(), now);
    expect(body).toEqual({});
    expect(NewPersonBody.safeParse(body).success).toBe(true);
  });

  it('sends the "known as" name trimmed, and leaves out one of only spaces', () => {
    expect(quickBody({ ...emptyQuick(), knownAs: '  Test Person Alpha ' }, now)).toEqual({
      knownAs: 'Test Person Alpha',
    });
    expect(quickBody({ ...emptyQuick(), knownAs: '   ' }, now)).toEqual({});
  });

  it('sends an age estimated today, typed in Arabic-Indic digits, which makes a 30-year-old an adult', () => {
    const body = quickBody({ knownAs: '', age: 'estimate', ageYears: '٣٠' }, now);
    expect(body.identity?.birth).toEqual({
      answer: 'given',
      value: { precision: 'estimate', ageYears: 30, estimatedOn: '2026-11-23' },
    });
    expect(NewPersonBody.safeParse(body).success).toBe(true);
    expect(isPresumedChild(body.identity?.birth, now)).toBe(false);
  });

  it('leaves the age out when the answer is "not sure", so the person is presumed a child', () => {
    const body = quickBody({ knownAs: '', age: 'unsure', ageYears: '30' }, now);
    expect(body.identity).toBeUndefined();
    expect(isPresumedChild(body.identity?.birth, now)).toBe(true);
  });

  it('lets the shared schema refuse an empty or impossible age at the age field', () => {
    for (const ageYears of ['', 'abc', '4.5', '130']) {
      const parsed = NewPersonBody.safeParse(quickBody({ knownAs: '', age: 'estimate', ageYears }, now));
      expect(parsed.success, ageYears).toBe(false);
      expect(parsed.error?.issues[0]?.path.join('.'), ageYears).toBe('identity.birth.value.ageYears');
    }
  });
});
