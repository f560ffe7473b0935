import { describe, expect, it } from 'vitest';
import type { ConsentPurpose } from '../../../common/consent-purposes.ts';
import { InformationNotice } from '../../../common/content-notice.ts';
import { defaultContent, findDefaultContent } from '../../../common/content-defaults.ts';
import { composeInformationNotice, type ComposeNoticeOptions, type NoticeContent } from './notice.ts';

const base: ComposeNoticeOptions = {
  content: defaultContent,
  locale: 'en',
  societyName: 'Test Red Cross',
  purposes: ['services', 'referral'],
  recipients: [{ name: 'Test Legal Aid' }, { name: 'Test Clinic' }],
  retention: { months: 24 },
};

const compose = (options: Partial<ComposeNoticeOptions> = {}) =>
  composeInformationNotice({ ...base, ...options });
const english = (key: string) => findDefaultContent(key)?.translations.find((t) => t.locale === 'en')?.body;
const sectionText = (notice: InformationNotice, id: string) => notice.sections.find((s) => s.id === id)?.text;

/** The default content with one language of one item replaced. */
function withText(key: string, locale: string, body: string, reviewed: boolean): NoticeContent[] {
  return defaultContent.map((item) =>
    item.key !== key
      ? item
      : {
          ...item,
          translations: [...item.translations.filter((t) => t.locale !== locale), { locale, body, reviewed }],
        },
  );
}

describe('composeInformationNotice', () => {
  it('composes a reviewed English notice with every section, in order, matching the shared schema', () => {
    const notice = compose();
    expect(InformationNotice.parse(notice)).toEqual(notice);
    expect(notice.sections.map((s) => s.id)).toEqual([
      'intro',
      'controller',
      'purposes',
      'recipients',
      'retention',
      'rights',
      'contact',
    ]);
    expect(notice.sections[0]?.heading).toBe('How we use your information');
    expect(notice).toMatchObject({ locale: 'en', reviewed: true, fallbackWarnings: [] });
  });

  it('fills the society, the recipients and the retention, and leaves no placeholder behind', () => {
    const notice = compose();
    expect(sectionText(notice, 'controller')).toMatch(/^Test Red Cross keeps your information\./);
    expect(sectionText(notice, 'recipients')).toMatch(/with: Test Legal Aid and Test Clinic\./);
    expect(sectionText(notice, 'retention')).toMatch(/for 24 months after we stop working with you/);
    expect(JSON.stringify(notice)).not.toMatch(/\{[a-z-]+\}/);
  });

  it('explains only the purposes given, in the canonical order, as a list', () => {
    const purposes: ConsentPurpose[] = ['research', 'services', 'research'];
    const text = sectionText(compose({ purposes }), 'purposes') ?? '';
    const lines = text.split('\n');
    expect(lines[0]).toBe('We use your information only for the things you agree to:');
    expect(lines.slice(1)).toEqual([
      `- ${english('notice.purpose.services')}`,
      `- ${english('notice.purpose.research')}`,
    ]);
    expect(compose({ purposes: [] }).sections.map((s) => s.id)).not.toContain('purposes');
  });

  it('says that nothing is shared when there is no recipient', () => {
    expect(sectionText(compose({ recipients: [] }), 'recipients')).toMatch(
      /^Right now, we do not share your information with anyone outside Test Red Cross\./,
    );
  });

  it('words the retention from a content text when given a key, and warns about that text too', () => {
    const content = withText('notice.purpose.services', 'fr', 'Pour vous aider.', true).concat({
      key: 'retention.five-years',
      fallbackLocale: 'en',
      translations: [{ locale: 'en', body: 'five years', reviewed: true }],
    });
    const notice = compose({ content, locale: 'fr', retention: { key: 'retention.five-years' } });
    expect(sectionText(notice, 'retention')).toMatch(
      /^Nous gardons vos informations pendant five years après/,
    );
    expect(notice.fallbackWarnings).toContainEqual({
      section: 'retention',
      locale: 'en',
      isFallback: true,
      reviewed: true,
    });
  });

  it('shows the built-in drafts in Arabic with a warning per section, in Arabic words and list', () => {
    const notice = compose({ locale: 'ar' });
    expect(notice.reviewed).toBe(false);
    expect(notice.sections[0]?.heading).toBe('كيف نستخدم معلوماتك');
    expect(sectionText(notice, 'recipients')).toContain('Test Legal Aid وTest Clinic');
    expect(sectionText(notice, 'retention')).toMatch(/مدة (24|٢٤) شهرًا/);
    expect(notice.fallbackWarnings).toHaveLength(notice.sections.length);
    expect(notice.fallbackWarnings[0]).toEqual({
      section: 'intro',
      locale: 'ar',
      isFallback: false,
      reviewed: false,
    });
  });

  it('falls back to English where the language has no text, with the list and months worded in English', () => {
    const notice = compose({ locale: 'ti' });
    expect(sectionText(notice, 'recipients')).toMatch(/Test Legal Aid and Test Clinic/);
    expect(sectionText(notice, 'retention')).toMatch(/for 24 months/);
    expect(new Set(notice.fallbackWarnings.map((w) => w.locale))).toEqual(new Set(['en']));
    expect(notice.fallbackWarnings.every((w) => w.isFallback && w.reviewed)).toBe(true);
  });

  it('reports a section mixing a reviewed text and a fallback once per language used', () => {
    const content = defaultContent.map((item) => ({
      ...item,
      translations: item.translations.map((t) => ({ ...t, reviewed: true })),
    }));
    const noFrench = content.map((item) =>
      item.key === 'notice.purpose.referral'
        ? { ...item, translations: item.translations.filter((t) => t.locale !== 'fr') }
        : item,
    );
    const notice = compose({ content: noFrench, locale: 'fr' });
    expect(notice.fallbackWarnings).toEqual([
      { section: 'purposes', locale: 'en', isFallback: true, reviewed: true },
    ]);
    expect(notice.reviewed).toBe(false);
  });

  it('uses the society’s own text, and fills placeholders only with the given values, in one pass', () => {
    const content = withText('notice.controller', 'en', '{society} holds it. {other} {retention}', true);
    const notice = compose({ content, societyName: 'Test {recipients} Society' });
    expect(sectionText(notice, 'controller')).toBe('Test {recipients} Society holds it. {other} {retention}');
  });

  it('takes no detail about the person: anything else passed in never reaches the text', () => {
    const options = { ...base, personName: 'Zeynep Testperson', name: 'Zeynep Testperson' };
    expect(JSON.stringify(composeInformationNotice(options))).not.toContain('Zeynep');
  });

  it('says the period is not decided yet, in the notice’s language, when the society has set none', () => {
    const notice = compose({ retention: 'undecided' });
    expect(sectionText(notice, 'retention')).toBe(english('notice.retention.undecided'));
    expect(sectionText(notice, 'retention')).not.toMatch(/\d/);
    const arabic = compose({ locale: 'ar', retention: 'undecided' });
    expect(sectionText(arabic, 'retention')).toMatch(/لم تُحدَّد/);
    expect(arabic.fallbackWarnings).toContainEqual({
      section: 'retention',
      locale: 'ar',
      isFallback: false,
      reviewed: false,
    });
  });

  it('refuses a retention that is not a whole number of months', () => {
    expect(() => compose({ retention: { months: 0 } })).toThrow(RangeError);
    expect(() => compose({ retention: { months: 2.5 } })).toThrow(RangeError);
  });
});
