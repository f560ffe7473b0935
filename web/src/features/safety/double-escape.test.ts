import { describe, expect, it } from 'vitest';
import { doubleEscapeDetector } from './double-escape.ts';

describe('doubleEscapeDetector', () => {
  it('answers true on a second press within the window', () => {
    const isDouble = doubleEscapeDetector(800);
    expect(isDouble(1000)).toBe(false);
    expect(isDouble(1500)).toBe(true);
  });

  it('answers false when the presses are too far apart', () => {
    const isDouble = doubleEscapeDetector(800);
    expect(isDouble(1000)).toBe(false);
    expect(isDouble(1900)).toBe(false);
    expect(isDouble(2600)).toBe(true);
  });

  it('starts over after a double press, so a third press alone does nothing', () => {
    const isDouble = doubleEscapeDetector(800);
    isDouble(0);
    expect(isDouble(100)).toBe(true);
    expect(isDouble(200)).toBe(false);
  });
});
