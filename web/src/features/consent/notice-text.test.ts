import { describe, expect, it } from 'vitest';
import { directionOfLanguage, noticeBlocks } from './notice-text.ts';

describe('the information notice’s text', () => {
  it('turns lines starting with a dash into one list and other lines into paragraphs', () => {
    expect(noticeBlocks('We hold:\n- your name\n- your case\n\nAsk us any time.')).toEqual([
      { kind: 'paragraph', text: 'We hold:' },
      { kind: 'list', items: ['your name', 'your case'] },
      { kind: 'paragraph', text: 'Ask us any time.' },
    ]);
  });

  it('writes Arabic, Persian and Tigrinya in their own direction', () => {
    expect(directionOfLanguage('ar')).toBe('rtl');
    expect(directionOfLanguage('fa')).toBe('rtl');
    expect(directionOfLanguage('ti')).toBe('ltr');
    expect(directionOfLanguage('pt-BR')).toBe('ltr');
  });
});
