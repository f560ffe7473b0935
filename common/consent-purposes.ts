import { z } from 'zod';

/**
 * The purposes a person consents to one by one (PRODUCT.md capability 3; standards DP-02): support and case
 * management; referral to a named organisation; cross-border transfer to a named National Society; a protective
 * referral to authorities at the person's own wish (national referral mechanism, statutory child protection,
 * police); inclusion in non-identifiable statistics; research. Each also names a section of the information notice.
 */
export const consentPurposes = [
  'services',
  'referral',
  'cross-border',
  'protective-referral',
  'statistics',
  'research',
] as const;

/** One purpose a person may consent to (or refuse), by code. */
export const ConsentPurpose = z.enum(consentPurposes);
/** One purpose a person may consent to (or refuse), by code. */
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;
