/** How long before the session's end the warning shows. */
export const warningLeadMs = 60_000;

// The server moves a session's idle clock at most once a minute, so its last move may be up to a minute before
// the last answer the app saw: the app counts from the earliest it could have been.
const serverTouchSlackMs = 60_000;

/** The earliest moment the server may end the session, given the last answer it gave and its idle timeout. */
export function sessionDeadline(lastContactAt: number, idleTimeoutMs: number): number {
  return lastContactAt - serverTouchSlackMs + idleTimeoutMs;
}

/** Where the session stands at a moment: live, about to end (warn), or over. */
export function sessionPhase(now: number, deadline: number): 'live' | 'warning' | 'ended' {
  if (now >= deadline) return 'ended';
  return now >= deadline - warningLeadMs ? 'warning' : 'live';
}

/**
 * How long without any input before the screen locks: five minutes, or half the session's idle timeout when that
 * is shorter, so a screen left unattended is covered well before the session itself ends.
 */
export function lockDelayMs(idleTimeoutMs: number): number {
  return Math.min(5 * 60_000, Math.max(60_000, Math.floor(idleTimeoutMs / 2)));
}
