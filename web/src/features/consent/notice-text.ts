/** A block of a notice section's text: a paragraph, or a list (lines starting "- "). */
export type NoticeBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/** Splits a section's plain text into paragraphs and lists, as the content model writes them. */
export function noticeBlocks(text: string): NoticeBlock[] {
  const blocks: NoticeBlock[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const last = blocks.at(-1);
    if (line.startsWith('- ')) {
      if (last?.kind === 'list') last.items.push(line.slice(2));
      else blocks.push({ kind: 'list', items: [line.slice(2)] });
    } else blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks;
}

const rightToLeft = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi', 'sd', 'ug', 'prs']);

/** The writing direction of a language code (the notice may be in another language than the interface). */
export function directionOfLanguage(locale: string): 'rtl' | 'ltr' {
  return rightToLeft.has(locale.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
