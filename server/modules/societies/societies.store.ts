import { sql } from 'kysely';
import type { SocietyRole } from '../../../common/roles.ts';
import type { SocietyTx } from '../../access/scope.ts';

/** A society as the service layer sees it. */
export type SocietyRecord = {
  id: string;
  name: string;
  country: string;
  timeZone: string;
  isDemo: boolean;
  version: number;
};

/** A society with the settings its administrators edit. */
export type SocietySettingsRecord = SocietyRecord & {
  mfaOptionalRoles: SocietyRole[];
  suppressionThreshold: number;
  defaultLocale: string;
  /** Months a person's information is kept after the society stops working with them; null until decided. */
  retentionMonths: number | null;
};

/** The settings an administrator may change, as stored. */
export type SettingsChange = Partial<
  Pick<
    SocietySettingsRecord,
    'timeZone' | 'mfaOptionalRoles' | 'suppressionThreshold' | 'defaultLocale' | 'retentionMonths'
  >
>;

/** Finds the society the transaction is scoped to, if it is that one. */
export async function findSociety(tx: SocietyTx, id: string): Promise<SocietySettingsRecord | undefined> {
  const row = await tx
    .selectFrom('societies')
    .select([
      'id',
      'name',
      'country',
      'time_zone',
      'is_demo',
      'version',
      'mfa_optional_roles',
      'suppression_threshold',
      'default_locale',
      'retention_months',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.name,
      country: row.country,
      timeZone: row.time_zone,
      isDemo: row.is_demo,
      version: row.version,
      mfaOptionalRoles: row.mfa_optional_roles as SocietyRole[],
      suppressionThreshold: row.suppression_threshold,
      defaultLocale: row.default_locale,
      retentionMonths: row.retention_months,
    }
  );
}

/** Changes the society's settings if it is still at `version`; returns whether it was. */
export async function updateSettings(
  tx: SocietyTx,
  change: { id: string; version: number; settings: SettingsChange },
): Promise<boolean> {
  const s = change.settings;
  const result = await tx
    .updateTable('societies')
    .set((eb) => ({
      ...(s.timeZone === undefined ? {} : { time_zone: s.timeZone }),
      ...(s.mfaOptionalRoles === undefined ? {} : { mfa_optional_roles: s.mfaOptionalRoles }),
      ...(s.suppressionThreshold === undefined ? {} : { suppression_threshold: s.suppressionThreshold }),
      ...(s.defaultLocale === undefined ? {} : { default_locale: s.defaultLocale }),
      ...(s.retentionMonths === undefined ? {} : { retention_months: s.retentionMonths }),
      version: eb('version', '+', 1),
      // The column's generated type hides its update type: now() is a timestamp.
      updated_at: sql<never>`now()`,
    }))
    .where('id', '=', change.id)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
