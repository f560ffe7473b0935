import type { AnswerState } from '../../../../common/people.ts';

// The form side of "every field is optional, with declined and unknown": a value typed in, or one of the two
// states chosen instead. An empty value means nothing was recorded, which is the default of every field.

/** How a field is answered in a form: with the value typed in, or as declined or unknown. */
export type AnswerMode = 'value' | 'declined' | 'unknown';

/** A free-value field of a form: its mode and the value typed in (kept when the mode changes, until saved). */
export type Answered<T> = { mode: AnswerMode; value: T };

/** A field answered from a list: '' (nothing recorded), one of the values, or 'declined' / 'unknown'. */
export type ChoiceAnswer<T extends string> = T | '' | 'declined' | 'unknown';

/** What an empty field becomes: left out (a new record) or explicitly cleared (a change to a record). */
export type EmptyAs = 'omit' | 'clear';

/** The API's form of one answer. */
export type ApiAnswer<T> = { answer: 'given'; value: T } | { answer: AnswerState };

/** The API answer of a free-value field; `build` returns undefined when the value is empty. */
export function toApiAnswer<F, T>(
  field: Answered<F>,
  build: (value: F) => T | undefined,
  emptyAs: EmptyAs,
): ApiAnswer<T> | undefined {
  if (field.mode !== 'value') return { answer: field.mode };
  const value = build(field.value);
  if (value !== undefined) return { answer: 'given', value };
  return emptyAs === 'clear' ? { answer: 'not-recorded' } : undefined;
}

/** The API answer of a field answered from a list. */
export function choiceToApi<T extends string>(
  choice: ChoiceAnswer<T>,
  emptyAs: EmptyAs,
): ApiAnswer<T> | undefined {
  if (choice === 'declined' || choice === 'unknown') return { answer: choice as 'declined' | 'unknown' };
  if (choice !== '') return { answer: 'given', value: choice };
  return emptyAs === 'clear' ? { answer: 'not-recorded' } : undefined;
}

/** The form state of a recorded free-value field (`empty` when it was not recorded). */
export function fromApiAnswer<T, F>(
  answer: ApiAnswer<T> | undefined,
  toForm: (value: T) => F,
  empty: F,
): Answered<F> {
  if (!answer || answer.answer === 'not-recorded') return { mode: 'value', value: empty };
  if (answer.answer === 'given') return { mode: 'value', value: toForm(answer.value) };
  return { mode: answer.answer, value: empty };
}

/** The form state of a recorded field answered from a list. */
export function choiceFromApi<T extends string>(answer: ApiAnswer<T> | undefined): ChoiceAnswer<T> {
  if (!answer || answer.answer === 'not-recorded') return '';
  return answer.answer === 'given' ? answer.value : answer.answer;
}

/** A trimmed text, or undefined when nothing but spaces was typed. */
export function textOrNothing(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A list, or undefined when it is empty. */
export function listOrNothing<T>(items: readonly T[]): T[] | undefined {
  return items.length === 0 ? undefined : [...items];
}
