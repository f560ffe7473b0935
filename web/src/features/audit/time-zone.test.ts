import { describe, expect, it } from 'vitest';
import { formatInZone, nextDate, startOfDayIn } from './time-zone.ts';

describe('days in a society time zone', () => {
  it('starts a day at the society’s midnight, not at midnight in UTC', () => {
    expect(startOfDayIn('2025-01-15', 'Europe/Amsterdam')?.toISOString()).toBe('2025-01-14T23:00:00.000Z');
    expect(startOfDayIn('2025-07-15', 'Europe/Amsterdam')?.toISOString()).toBe('2025-07-14T22:00:00.000Z');
    expect(startOfDayIn('2025-07-15', 'America/Bogota')?.toISOString()).toBe('2025-07-15T05:00:00.000Z');
    expect(startOfDayIn('2025-07-15', 'UTC')?.toISOString()).toBe('2025-07-15T00:00:00.000Z');
  });

  it('finds midnight on the days the clocks change', () => {
    // Europe: summer time begins at 01:00 UTC on 30 March 2025 and ends at 01:00 UTC on 26 October 2025.
    expect(startOfDayIn('2025-03-30', 'Europe/Amsterdam')?.toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(startOfDayIn('2025-03-31', 'Europe/Amsterdam')?.toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(startOfDayIn('2025-10-27', 'Europe/Amsterdam')?.toISOString()).toBe('2025-10-26T23:00:00.000Z');
  });

  it('refuses text that is not a date', () => {
    expect(startOfDayIn('15/07/2025', 'UTC')).toBeUndefined();
    expect(startOfDayIn('', 'UTC')).toBeUndefined();
  });

  it('moves to the next day across months and years', () => {
    expect(nextDate('2025-12-31')).toBe('2026-01-01');
    expect(nextDate('2024-02-28')).toBe('2024-02-29');
  });

  it('formats an instant on the society’s clock, and on the reader’s when the zone is unknown', () => {
    expect(formatInZone('2025-07-14T22:30:00Z', 'en-GB', 'Europe/Amsterdam')).toContain('00:30');
    expect(formatInZone('2025-07-14T22:30:00Z', 'en-GB', 'Not/AZone')).toMatch(/2025/);
  });
});
