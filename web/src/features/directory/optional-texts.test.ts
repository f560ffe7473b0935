import { describe, expect, it } from 'vitest';
import { optionalTexts } from './optional-texts.ts';

describe('the optional texts of a directory form', () => {
  const draft = { email: '  desk@example.invalid ', phone: '   ', url: '' };
  const fields = ['email', 'phone', 'url'] as const;

  it('leaves empty fields out of a new entry and trims the others', () => {
    expect(optionalTexts(draft, fields, false)).toEqual({ email: 'desk@example.invalid' });
  });

  it('sends empty fields of a change as null, so clearing a field clears it', () => {
    expect(optionalTexts(draft, fields, true)).toEqual({
      email: 'desk@example.invalid',
      phone: null,
      url: null,
    });
  });
});
