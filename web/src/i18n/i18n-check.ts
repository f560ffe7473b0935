// Used by i18n.test.ts only (it imports the TypeScript compiler): never imported by the app.
import ts from 'typescript';

/** A string resource flattened to dotted keys. */
export type FlatResources = Map<string, string>;

/** Flattens nested i18next resources to `a.b.c` keys; a value that is neither text nor an object is an error. */
export function flatten(resources: unknown, prefix = ''): FlatResources {
  const out: FlatResources = new Map();
  if (typeof resources !== 'object' || resources === null)
    throw new Error(`${prefix || 'root'} is not an object`);
  for (const [key, value] of Object.entries(resources)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The {{variables}} a string interpolates, sorted. */
export function variablesOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

/**
 * What is missing or wrong in one language compared with the reference (English): keys absent or extra, empty
 * strings, interpolation variables that differ, and plural forms the language's plural rules need.
 */
export function compareLanguage(reference: FlatResources, other: FlatResources, locale: string): string[] {
  const problems: string[] = [];
  const base = (key: string) => key.replace(pluralSuffix, '');
  const referenceBases = new Set([...reference.keys()].map(base));
  const otherBases = new Set([...other.keys()].map(base));
  for (const key of referenceBases) if (!otherBases.has(key)) problems.push(`${locale}: missing ${key}`);
  for (const key of otherBases) if (!referenceBases.has(key)) problems.push(`${locale}: unknown key ${key}`);
  for (const [key, text] of other) {
    if (text.trim() === '') problems.push(`${locale}: empty ${key}`);
    const referenceText = reference.get(key) ?? reference.get(`${base(key)}_other`);
    if (referenceText !== undefined && variablesOf(referenceText).join() !== variablesOf(text).join())
      problems.push(
        `${locale}: ${key} uses {{${variablesOf(text).join(', ')}}}, English {{${variablesOf(referenceText).join(', ')}}}`,
      );
  }
  // `locale` may name an area's file too (`audit/fr`): the plural rules are the language's.
  const categories = new Intl.PluralRules(locale.split('/').pop()).resolvedOptions().pluralCategories;
  for (const key of otherBases) {
    const isPlural = [...other.keys()].some((k) => k !== key && base(k) === key);
    if (!isPlural) continue;
    for (const category of categories)
      if (!other.has(`${key}_${category}`))
        problems.push(`${locale}: ${key} lacks the plural form ${category}`);
  }
  return problems;
}

/** Props whose text people read or hear: they must come from t(), never be written in the code. */
const visibleProps = new Set([
  'label',
  'placeholder',
  'title',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-valuetext',
  'alt',
  'description',
  'error',
]);

const hasLetters = (text: string) => /\p{L}/u.test(text);

/** A piece of interface text written in the code instead of coming from t(). */
export type UntranslatedText = { file: string; line: number; text: string };

/** A key passed to t(): literal, or the fixed part before `${…}` in a template. */
export type KeyUse = { file: string; line: number; key: string; isPrefix: boolean };

function stringOf(node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => s.literal.text).join('');
  if (ts.isParenthesizedExpression(node)) return stringOf(node.expression);
  return undefined;
}

/**
 * Scans one .tsx source for interface text that does not go through t(): JSX text with letters, string literals
 * as JSX children, and literal strings in props people read (label, placeholder, title, aria-label…). Also
 * collects the keys given to t().
 */
export function scanSource(
  file: string,
  source: string,
): { untranslated: UntranslatedText[]; keys: KeyUse[] } {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const untranslated: UntranslatedText[] = [];
  const keys: KeyUse[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const report = (node: ts.Node, text: string) =>
    untranslated.push({ file, line: lineOf(node), text: text.trim() });
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasLetters(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && ts.isJsxElement(node.parent)) {
      const text = stringOf(node.expression);
      if (text !== undefined && hasLetters(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && visibleProps.has(node.name.getText(sf))) {
      const init = node.initializer;
      const text =
        init && ts.isStringLiteral(init)
          ? init.text
          : stringOf(init && ts.isJsxExpression(init) ? init.expression : undefined);
      if (text !== undefined && hasLetters(text)) report(node, text);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)))
        keys.push({ file, line: lineOf(node), key: first.text, isPrefix: false });
      else if (first && ts.isTemplateExpression(first))
        keys.push({ file, line: lineOf(node), key: first.head.text.replace(/\.$/, ''), isPrefix: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { untranslated, keys };
}
