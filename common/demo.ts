import { z } from 'zod';
import { Role } from './roles.ts';

/** One demo account as the sign-in page lists it: fake, public, and usable only in demo mode. */
export const DemoAccount = z.object({
  role: Role,
  email: z.string(),
  displayName: z.string(),
  password: z.string(),
  /** The fixed authenticator secret (Base32), to add to an authenticator app by hand. */
  totpSecret: z.string(),
  /** The authenticator code valid now, so a newcomer can sign in without an app. */
  currentCode: z.string(),
  isDemo: z.literal(true),
});
/** One demo account as the sign-in page lists it. */
export type DemoAccount = z.infer<typeof DemoAccount>;

/** GET /api/demo/accounts: the demo accounts, answered only in demo mode (404 otherwise). */
export const DemoAccounts = z.object({
  isDemo: z.literal(true),
  /** Says these are synthetic demo accounts of a fictitious society, never to be used for real information. */
  notice: z.string(),
  societyName: z.string(),
  /** Seconds until `currentCode` changes. */
  codeValidForSeconds: z.int().min(1).max(30),
  accounts: z.array(DemoAccount),
});
/** GET /api/demo/accounts */
export type DemoAccounts = z.infer<typeof DemoAccounts>;
