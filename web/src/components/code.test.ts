import { describe, expect, it } from 'vitest';
import { parseCode } from './code.ts';

describe('parseCode', () => {
  it('accepts six digits typed in any of the supported digit sets, with spaces', () => {
    expect(parseCode('123456')).toBe('123456');
    expect(parseCode('١٢٣ ٤٥٦')).toBe('123456');
    expect(parseCode(' ۱۲۳۴۵۶ ')).toBe('123456');
  });

  it('refuses anything that is not six digits', () => {
    expect(parseCode('12345')).toBeUndefined();
    expect(parseCode('1234567')).toBeUndefined();
    expect(parseCode('12345a')).toBeUndefined();
    expect(parseCode('')).toBeUndefined();
  });
});
