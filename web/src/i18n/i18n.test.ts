import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Locale } from '../../../common/auth.ts';
import { compareLanguage, flatten, scanSource, type FlatResources } from './i18n-check.ts';

const here = import.meta.dirname;
const srcDir = path.resolve(here, '..');

function resources(locale: Locale): FlatResources {
  return flatten(JSON.parse(readFileSync(path.join(here, `${locale}.json`), 'utf8')));
}

/** The string files of each area (web/src/features/<area>/i18n/<language>.json), by namespace. */
function areaNamespaces(): string[] {
  const features = path.join(srcDir, 'features');
  return readdirSync(features).filter((area) => {
    try {
      return readdirSync(path.join(features, area, 'i18n')).length > 0;
    } catch {
      return false;
    }
  });
}

function areaResources(namespace: string, locale: Locale): FlatResources {
  return flatten(
    JSON.parse(readFileSync(path.join(srcDir, 'features', namespace, 'i18n', `${locale}.json`), 'utf8')),
  );
}

function tsxFiles(): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
    .map((f) => path.join(srcDir, f));
}

const english = resources('en');

describe('the interface languages', () => {
  it('has a resource file for every language Passage offers, and no other', () => {
    const files = readdirSync(here).filter((f) => /^[a-z]{2}\.json$/.test(f));
    expect(files.map((f) => f.slice(0, 2)).sort()).toEqual([...Locale.options].sort());
  });

  it.each(Locale.options.filter((l) => l !== 'en'))(
    'has every English key in %s, with the same variables, the plural forms it needs and no empty text',
    (locale) => {
      expect(compareLanguage(english, resources(locale), locale)).toEqual([]);
    },
  );

  it.each(areaNamespaces())('has every English key of the %s area in every language', (namespace) => {
    const files = readdirSync(path.join(srcDir, 'features', namespace, 'i18n')).filter((f) =>
      f.endsWith('.json'),
    );
    expect(files.map((f) => f.slice(0, 2)).sort()).toEqual([...Locale.options].sort());
    const reference = areaResources(namespace, 'en');
    for (const locale of Locale.options.filter((l) => l !== 'en'))
      expect(compareLanguage(reference, areaResources(namespace, locale), `${namespace}/${locale}`)).toEqual(
        [],
      );
    const latinOnlyArabic = [...areaResources(namespace, 'ar')].filter(
      ([, text]) => !/\p{Script=Arabic}/u.test(text.replace(/\{\{\w+\}\}/g, '')),
    );
    expect(latinOnlyArabic).toEqual([]);
  });

  it('writes each language in its own script (no untranslated English left in Arabic)', () => {
    const arabic = resources('ar');
    const latinOnly = [...arabic].filter(
      ([key, text]) => key !== 'app.name' && !/\p{Script=Arabic}/u.test(text.replace(/\{\{\w+\}\}/g, '')),
    );
    expect(latinOnly).toEqual([]);
  });
});

describe('interface strings in the code', () => {
  const scans = tsxFiles().map((file) => scanSource(path.relative(srcDir, file), readFileSync(file, 'utf8')));

  it('finds the screens to scan', () => {
    expect(scans.length).toBeGreaterThan(20);
  });

  it('has no text a person reads that does not go through t()', () => {
    expect(scans.flatMap((s) => s.untranslated)).toEqual([]);
  });

  it('uses only keys that exist in the English resources', () => {
    const prefixes = new Set(
      [...english.keys()].flatMap((k) => k.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))),
    );
    // A key written as 'area:some.key' belongs to that area's string files.
    const areaPrefixes = new Map(
      areaNamespaces().map((ns) => {
        const keys = [...areaResources(ns, 'en').keys()];
        return [
          ns,
          {
            keys: new Set(keys),
            prefixes: new Set(
              keys.flatMap((k) => k.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))),
            ),
          },
        ];
      }),
    );
    const known = (key: string, isPrefix: boolean) => {
      const [ns, rest] = key.includes(':') ? (key.split(':', 2) as [string, string]) : [undefined, key];
      if (ns === undefined) return isPrefix ? prefixes.has(rest) : english.has(rest);
      const area = areaPrefixes.get(ns);
      // A key used with `count` names its plural forms (`members.count` → `members.count_other`, …).
      const has = (keys: Set<string>) => keys.has(rest) || keys.has(`${rest}_other`);
      return area !== undefined && (isPrefix ? area.prefixes.has(rest) : has(area.keys));
    };
    const missing = scans
      .flatMap((s) => s.keys)
      .filter((use) => !known(use.key, use.isPrefix))
      .map((use) => `${use.file}:${use.line} ${use.key}`);
    expect(missing).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('report text written in JSX, in a child expression and in the props people read', () => {
    const source = `
      export function Example({ t }) {
        return (
          <Stack>
            <Title>Case list</Title>
            <TextInput label="Family name" placeholder={'Search'} aria-label={\`Name \${1}\`} />
            {'Closed'}
            <Text title={t('ok.key')}>{t('home.title')} {' '} ،</Text>
            <img alt="" src="/x.svg" />
          </Stack>
        );
      }`;
    const { untranslated, keys } = scanSource('example.tsx', source);
    expect(untranslated.map((u) => u.text)).toEqual(['Case list', 'Family name', 'Search', 'Name', 'Closed']);
    expect(keys.map((k) => k.key)).toEqual(['ok.key', 'home.title']);
  });

  it('report a key missing in a language, an extra one, a changed variable and a missing plural form', () => {
    const reference = new Map([
      ['a', 'A {{count}}'],
      ['b', 'B'],
      ['items_one', 'one item'],
      ['items_other', '{{count}} items'],
    ]);
    const other = new Map([
      ['a', 'A {{total}}'],
      ['c', ''],
      ['items_one', 'عنصر'],
      ['items_other', '{{count}} عناصر'],
    ]);
    expect(compareLanguage(reference, other, 'ar').sort()).toEqual([
      'ar: a uses {{total}}, English {{count}}',
      'ar: empty c',
      'ar: items lacks the plural form few',
      'ar: items lacks the plural form many',
      'ar: items lacks the plural form two',
      'ar: items lacks the plural form zero',
      'ar: missing b',
      'ar: unknown key c',
    ]);
  });
});
