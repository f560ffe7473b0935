const civilDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How far a time zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a civil date (`2025-03-30`) begins in a time zone: a society's day runs from its own midnight, not
 * from midnight in UTC. Undefined for text that is not a date.
 */
export function startOfDayIn(date: string, timeZone: string): Date | undefined {
  const match = civilDate.exec(date);
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(wall)) return undefined;
  // Twice: the offset at the first guess may differ from the offset at midnight itself around a clock change.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

/** The civil date after this one (`2025-12-31` → `2026-01-01`). */
export function nextDate(date: string): string {
  const start = new Date(`${date}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString().slice(0, 10);
}

/** A date and time in the reader's language, on the wall clock of a time zone (the society's). */
export function formatInZone(iso: string, locale: string, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
  try {
    return new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options).format(
      new Date(iso),
    );
  } catch {
    // A zone this browser does not know: the reader's own clock rather than nothing.
    return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
  }
}
