import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEventKinds } from '../../../../common/audit-events.ts';
import { payloadValue } from './labels.ts';

function labelsIn(locale: string): Record<string, Record<string, string>> {
  const file = path.join(import.meta.dirname, 'i18n', `${locale}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { kinds: Record<string, Record<string, string>> }).kinds;
}

describe('the labels of audit events', () => {
  it.each(['en', 'fr', 'es', 'ar'])('name every kind of the catalogue in %s', (locale) => {
    const labels = labelsIn(locale);
    const unnamed = auditEventKinds.filter((kind) => {
      const [group = '', name = ''] = kind.split('.');
      return typeof labels[group]?.[name] !== 'string';
    });
    expect(unnamed).toEqual([]);
  });

  it('show recorded details as ids and codes, lists joined, anything else as JSON', () => {
    expect(payloadValue('caseworker')).toBe('caseworker');
    expect(payloadValue(['given-name', 'family-name'])).toBe('given-name, family-name');
    expect(payloadValue(3)).toBe('3');
    expect(payloadValue({ a: 1 })).toBe('{"a":1}');
  });
});
