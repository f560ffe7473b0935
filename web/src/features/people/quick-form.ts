import type { NewPersonBody } from '../../../../common/people.ts';
import { today, wholeNumberOf } from './identity-form.ts';

/**
 * Quick registration as the form holds it: a "known as" name (may be empty: the pseudonymous code is enough), and
 * whether the person's age is known roughly. Unsure is the default, and Passage then presumes a child.
 */
export type QuickForm = { knownAs: string; age: 'unsure' | 'estimate'; ageYears: string };

/** An empty quick registration: no name, age unsure. */
export function emptyQuick(): QuickForm {
  return { knownAs: '', age: 'unsure', ageYears: '' };
}

/**
 * The body of a quick registration (checked with the shared schema before it is sent): the "known as" name if
 * one was typed, and the age estimated today if the person's age is roughly known (an empty or impossible age is
 * sent as not-a-number, for the schema to refuse at its path). Nothing else: help never waits for data.
 */
export function quickBody(form: QuickForm, now = new Date()): NewPersonBody {
  const knownAs = form.knownAs.trim();
  return {
    ...(knownAs ? { knownAs } : {}),
    ...(form.age === 'estimate'
      ? {
          identity: {
            birth: {
              answer: 'given',
              value: {
                precision: 'estimate',
                ageYears: wholeNumberOf(form.ageYears),
                estimatedOn: today(now),
              },
            },
          },
        }
      : {}),
  };
}
