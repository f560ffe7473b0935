import { DemoAccounts } from '../../../common/demo.ts';
import { apiRequest } from './client.ts';
import { isApiProblem } from './problem.ts';

/** The demo accounts, or null outside demo mode (the address then does not exist). */
export async function getDemoAccounts(): Promise<DemoAccounts | null> {
  try {
    return await apiRequest('/api/demo/accounts', DemoAccounts, { interrupt: false });
  } catch (error) {
    if (isApiProblem(error, 'not-found')) return null;
    throw error;
  }
}
