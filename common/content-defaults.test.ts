import { describe, expect, it } from 'vitest';
import { consentPurposes } from './consent-purposes.ts';
import { ContentBody, ContentKey, placeholdersIn } from './content.ts';
import { defaultContent, findDefaultContent } from './content-defaults.ts';

const shipped = ['ar', 'en', 'es', 'fr'];
const notices = defaultContent.filter((item) => item.kind === 'information-notice');
const textsOf = (key: string) => findDefaultContent(key)?.translations ?? [];

describe('the built-in content', () => {
  it.each(defaultContent.map((item) => [item.key, item] as const))(
    '%s has a valid key and a valid text in every shipped language, English reviewed and the others not',
    (key, item) => {
      expect(ContentKey.safeParse(key).success).toBe(true);
      expect(item.fallbackLocale).toBe('en');
      expect(item.translations.map((t) => t.locale).sort()).toEqual(shipped);
      for (const t of item.translations) {
        expect(ContentBody.safeParse(t.body).data, t.locale).toBe(t.body);
        // Machine-quality drafts are never presented as checked.
        expect(t.reviewed, t.locale).toBe(t.locale === 'en');
      }
    },
  );

  it.each(notices.map((item) => [item.key, item] as const))(
    '%s keeps the same placeholders in every language',
    (_key, item) => {
      const english = placeholdersIn(item.translations.find((t) => t.locale === 'en')?.body ?? '');
      for (const t of item.translations) expect(placeholdersIn(t.body), t.locale).toEqual(english);
    },
  );

  it('has a notice text for every consent purpose', () => {
    for (const purpose of consentPurposes)
      expect(findDefaultContent(`notice.purpose.${purpose}`)).toBeDefined();
  });

  it('explains every right the person has: access, correction, erasure and withdrawal of consent', () => {
    const rights = textsOf('notice.rights').find((t) => t.locale === 'en')?.body ?? '';
    expect(rights).toMatch(/see the information/);
    expect(rights).toMatch(/correct/);
    expect(rights).toMatch(/delete/);
    expect(rights).toMatch(/take back your agreement/);
  });

  // Paper found on a person can endanger them: no notice text names what the help is about.
  it.each(['traffick', 'exploit', 'victim', 'traite', 'trata', 'víctima', 'الاتجار', 'ضحية', 'استغلال'])(
    'never writes "%s" in an information notice text',
    (word) => {
      for (const item of notices)
        for (const t of item.translations)
          expect(t.body.toLowerCase(), `${item.key} ${t.locale}`).not.toContain(word);
    },
  );
});

describe('the built-in emergency guidance', () => {
  it('ships no emergency number: each society sets its own, and a preset general number may reach the police', () => {
    expect(textsOf('emergency.numbers')).toHaveLength(4);
    for (const t of textsOf('emergency.numbers')) expect(t.body, t.locale).not.toMatch(/\d/);
  });

  it('sends people to the focal point and the ambulance first, and to the police only at the person’s wish', () => {
    const english = textsOf('emergency.guidance').find((t) => t.locale === 'en')?.body ?? '';
    const lines = english.split('\n');
    const police = lines.filter((line) => /police/i.test(line));
    expect(police).toHaveLength(1);
    expect(police[0]).toMatch(/^4\. Call the police only if the person asks you to/);
    expect(lines.findIndex((line) => /focal point now/.test(line))).toBeLessThan(
      lines.indexOf(police[0] ?? ''),
    );
    expect(english).toMatch(/arrested by immigration/);
  });

  it.each([
    ['fr', /N’appelez la police que si la personne le demande/],
    ['es', /Llame a la policía solo si la persona se lo pide/],
    ['ar', /لا تتصل بالشرطة إلا إذا طلب الشخص ذلك/],
  ])('says the same about the police in %s', (locale, sentence) => {
    expect(textsOf('emergency.guidance').find((t) => t.locale === locale)?.body).toMatch(sentence);
  });
});
