import type { Scenario } from '../scenario.ts';
import { personRead, personRegister } from './people.ts';
import { societyRead } from './society-read.ts';

/** Every scenario, in the order a full run measures them. */
export const scenarios: readonly Scenario[] = [societyRead, personRead, personRegister];
