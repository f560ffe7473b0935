/**
 * Normalisers for blind indexes: pure functions from a typed value to the tokens that are hashed. Two values that
 * should match exactly (for lookups and duplicate candidates) must give a common token. Transliteration across
 * scripts (Arabic ↔ Latin ↔ Cyrillic) is out of scope here: record linkage adds tokens of its own kinds.
 *
 * Changing what any normaliser returns changes the indexes, so it needs a new `currentNormaliserVersion` and a
 * rebuild of the stored indexes (see blind-index.ts). Old versions stay here for as long as indexes use them.
 */

/** The kinds of value Passage keeps blind indexes for; each is its own hashing domain. */
export type BlindIndexKind = 'document-number' | 'phone' | 'name-token' | 'birth-date' | 'birth-year';

/** The normaliser version new indexes are computed with. */
export const currentNormaliserVersion = 1;

// Zero of each decimal digit block that NFKC leaves alone; NFKC already maps full-width and mathematical digits.
const digitZeros = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended (Eastern) Arabic-Indic, used for Persian and Urdu
  0x07c0, // NKo
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0a66, // Gurmukhi
  0x0ae6, // Gujarati
  0x0be6, // Tamil
  0x0d66, // Malayalam
  0x0e50, // Thai
  0x1040, // Myanmar
  0x17e0, // Khmer
];

/** Maps Arabic-Indic, Eastern Arabic-Indic and other common native digits to ASCII 0–9. */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    const zero = digitZeros.find((z) => code >= z && code <= z + 9);
    return zero === undefined ? digit : String(code - zero);
  });
}

/** Phone numbers: native digits to ASCII, then digits only, keeping a leading +; nothing if there are no digits. */
export function normalisePhone(value: string): string[] {
  const text = asciiDigits(value.normalize('NFKC')).trim();
  const digits = text.replace(/[^0-9]/g, '');
  if (!digits) return [];
  return [text.startsWith('+') ? `+${digits}` : digits];
}

/** Document numbers: upper case with native digits in ASCII, keeping letters and digits only (no spaces, dashes). */
export function normaliseDocumentNumber(value: string): string[] {
  const text = asciiDigits(value.normalize('NFKC'))
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return text ? [text] : [];
}

// Diacritics: combining marks of Latin, Greek and Cyrillic letters, Hebrew points, Arabic harakat and hamza marks.
// Vowel signs of Indic and other scripts are letters' parts, not decoration, and are kept.
const diacriticRanges: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x0591, 0x05bd], // Hebrew cantillation and points (but not maqaf, the Hebrew hyphen, nor punctuation)
  [0x05bf, 0x05bf],
  [0x05c1, 0x05c2],
  [0x05c4, 0x05c5],
  [0x05c7, 0x05c7],
  [0x0610, 0x061a], // Arabic honorific and Quranic signs
  [0x064b, 0x065f], // Arabic harakat, shadda, sukun, hamza above and below, madda
  [0x0670, 0x0670], // Arabic superscript alef
  [0x06d6, 0x06ed], // Arabic Quranic annotation marks
  [0x1ab0, 0x1aff], // combining diacritical marks extended
  [0x1dc0, 0x1dff], // combining diacritical marks supplement
  [0x20d0, 0x20ff], // combining marks for symbols
  [0xfe20, 0xfe2f], // combining half marks
];
const hex = (code: number) => `\\u{${code.toString(16)}}`;
const diacritics = new RegExp(`[${diacriticRanges.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`, 'gu');

// Letters that do not decompose but are written for one another in names.
const letterFolds: Record<string, string> = {
  ß: 'ss',
  ς: 'σ',
  ı: 'i',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  ٱ: 'ا', // alef wasla
  ى: 'ي', // alef maksura, often written for yeh
  ی: 'ي', // Farsi yeh
  ک: 'ك', // keheh (Persian kaf)
  ة: 'ه', // ta marbuta, often written as heh
};
const foldable = new RegExp(`[${Object.keys(letterFolds).join('')}]`, 'gu');

// Apostrophes join a name's parts (O'Brien, N’Diaye) rather than separating them.
const apostrophes = /['\u2019\u02bc\u02bb`\u00b4]/g;

/**
 * Name tokens: NFKC, native digits to ASCII, lower case, diacritics and Arabic short vowels removed, common letter
 * variants folded, then split on anything that is not a letter or digit; unique tokens in order.
 */
export function nameTokens(value: string): string[] {
  const folded = asciiDigits(value.normalize('NFKC'))
    .toLowerCase()
    .normalize('NFD')
    .replace(diacritics, '')
    .replace(/\u0640/g, '') // tatweel (kashida) only stretches a word
    .replace(foldable, (letter) => letterFolds[letter] ?? letter)
    .replace(apostrophes, '')
    .normalize('NFC');
  const tokens = folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter((token) => /[\p{L}\p{N}]/u.test(token));
  return [...new Set(tokens)];
}

const partialDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function parsePartialDate(value: string): { year: string; month?: string; day?: string } | undefined {
  const match = partialDate.exec(asciiDigits(value.normalize('NFKC')).trim());
  if (!match) return undefined;
  const [, year = '', month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return undefined;
  return { year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
}

/** Birth dates given as YYYY, YYYY-MM or YYYY-MM-DD (partial dates are first-class): the date at its precision. */
export function normaliseBirthDate(value: string): string[] {
  const date = parsePartialDate(value);
  if (!date) return [];
  return [[date.year, date.month, date.day].filter((part) => part !== undefined).join('-')];
}

/** Birth years from a full or partial birth date; approximate matching queries neighbouring years itself. */
export function normaliseBirthYear(value: string): string[] {
  const date = parsePartialDate(value);
  return date ? [date.year] : [];
}

/** Normalises a value for one kind of blind index with the given normaliser version; returns the tokens to hash. */
export function normalise(
  kind: BlindIndexKind,
  value: string,
  version: number = currentNormaliserVersion,
): string[] {
  if (version !== 1) throw new RangeError(`Normaliser version ${version} is not known.`);
  switch (kind) {
    case 'document-number':
      return normaliseDocumentNumber(value);
    case 'phone':
      return normalisePhone(value);
    case 'name-token':
      return nameTokens(value);
    case 'birth-date':
      return normaliseBirthDate(value);
    case 'birth-year':
      return normaliseBirthYear(value);
  }
}
