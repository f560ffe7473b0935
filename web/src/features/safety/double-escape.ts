/**
 * Recognises two presses of Escape in quick succession (the keyboard path to quick exit). Returns a function to
 * call with the time of each Escape press; it answers true on the second press within the window.
 */
export function doubleEscapeDetector(windowMs = 800): (at: number) => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return (at) => {
    const isDouble = at - last <= windowMs;
    last = isDouble ? Number.NEGATIVE_INFINITY : at;
    return isDouble;
  };
}
