import type { TFunction } from 'i18next';
import { AuditSubjectType, isAuditEventKind } from '../../../../common/audit-events.ts';

/**
 * The translated label of an event kind; the code itself for a kind this build has no label for (a kind added on
 * the server after the web app was built), so an event is never hidden or mislabelled.
 */
export function kindLabel(t: TFunction, kind: string): string {
  if (!isAuditEventKind(kind)) return kind;
  const key = `audit:kinds.${kind}` as const;
  return t(key, { defaultValue: kind });
}

/** The translated name of what an event is about (a person record, a member…), or "other record". */
export function subjectLabel(t: TFunction, subjectType: string | null): string {
  const parsed = AuditSubjectType.safeParse(subjectType);
  return parsed.success ? t(`audit:subjects.${parsed.data}`) : t('audit:subjects.other');
}

/** A recorded detail's value as text: ids, codes and field names as they are, lists joined, the rest as JSON. */
export function payloadValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}
