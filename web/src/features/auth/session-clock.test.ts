import { describe, expect, it } from 'vitest';
import { lockDelayMs, sessionDeadline, sessionPhase, warningLeadMs } from './session-clock.ts';

const minute = 60_000;

describe('the session clock', () => {
  it('counts from the earliest moment the server may last have moved its idle clock', () => {
    expect(sessionDeadline(100 * minute, 30 * minute)).toBe(129 * minute);
  });

  it('warns in the last minute and says the session is over at the deadline', () => {
    const deadline = 30 * minute;
    expect(sessionPhase(deadline - warningLeadMs - 1, deadline)).toBe('live');
    expect(sessionPhase(deadline - warningLeadMs, deadline)).toBe('warning');
    expect(sessionPhase(deadline - 1, deadline)).toBe('warning');
    expect(sessionPhase(deadline, deadline)).toBe('ended');
  });

  it('locks after five minutes without input, or half a shorter idle timeout', () => {
    expect(lockDelayMs(30 * minute)).toBe(5 * minute);
    expect(lockDelayMs(6 * minute)).toBe(3 * minute);
    expect(lockDelayMs(minute)).toBe(minute);
  });

  it('always warns before the session ends and locks before the warning with the shortest timeout', () => {
    const idle = 5 * minute; // the shortest PASSAGE_SESSION_IDLE_MINUTES allows
    const deadline = sessionDeadline(0, idle);
    expect(deadline - warningLeadMs).toBeGreaterThan(0);
    expect(lockDelayMs(idle)).toBeLessThan(deadline - warningLeadMs);
  });
});
