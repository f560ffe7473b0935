import type { DemoAccounts } from '../../../common/demo.ts';
import { currentTotp } from '../auth/totp.ts';
import { demoPassword, demoSociety, type DemoAccount } from './demo.data.ts';

/** What the sign-in page says above the demo accounts. */
export const demoNotice =
  'Demo data: synthetic accounts of a fictitious society, for trying Passage out. Never enter real information here.';

/** The demo accounts with their password, authenticator secret and the code valid now, all marked as demo data. */
export async function presentDemoAccounts(
  accounts: readonly DemoAccount[],
  now = Date.now(),
): Promise<DemoAccounts> {
  return {
    isDemo: true,
    notice: demoNotice,
    societyName: demoSociety.name,
    codeValidForSeconds: 30 - (Math.floor(now / 1000) % 30),
    accounts: await Promise.all(
      accounts.map(async (a) => ({
        role: a.role,
        email: a.email,
        displayName: a.displayName,
        password: demoPassword,
        totpSecret: a.totpSecret,
        currentCode: await currentTotp(a.totpSecret, now),
        isDemo: true as const,
      })),
    ),
  };
}
