import type { ConsentPurpose } from '../../../common/consent-purposes.ts';
import type { ProtectiveTarget } from '../../../common/consent.ts';
import type { FieldError } from '../../../common/problems.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { AppError } from '../../http/problem.ts';
import { recipientFits, type GateRecipient } from './gate.ts';
import { findRecipient, type RegistryRecipient } from './consent.store.ts';

/** A recipient named by registry ids, and where its ids sit in the request body (for field errors). */
export type NamedRecipient = {
  organisationId: string;
  serviceId?: string | undefined;
  paths: { organisation: string; service: string };
};

function invalid(path: string, code: string, message: string): AppError {
  const error: FieldError = { path, code, message };
  return new AppError('validation-failed', message, [error]);
}

/**
 * Loads a recipient named in a request and checks it can receive for this purpose: an organisation of this
 * society, a service of that organisation, the right kind (another National Society for a cross-border transfer,
 * an authority with that protective role for a protective referral). Refuses with field errors (400). Without a
 * purpose only the ids are checked: the gate itself judges whether the recipient fits (a share check).
 */
export async function loadNamedRecipient(
  tx: SocietyTx,
  named: NamedRecipient,
  purpose?: { purpose: ConsentPurpose; protectiveTarget?: ProtectiveTarget | undefined },
): Promise<RegistryRecipient> {
  const found = await findRecipient(tx, named);
  if (!found)
    throw invalid(named.paths.organisation, 'unknown-organisation', 'No such organisation in the registry.');
  if (named.serviceId !== undefined && found.serviceOrganisationId !== found.organisationId)
    throw invalid(
      named.paths.service,
      'service-not-of-organisation',
      'This service is not one of that organisation’s.',
    );
  if (!purpose) return found;
  if (!recipientFits(purpose.purpose, found))
    throw invalid(
      named.paths.organisation,
      'wrong-kind-of-recipient',
      'This organisation cannot receive for this purpose.',
    );
  if (
    purpose.purpose === 'protective-referral' &&
    purpose.protectiveTarget &&
    found.protectiveRole !== purpose.protectiveTarget
  )
    throw invalid(
      named.paths.organisation,
      'wrong-kind-of-recipient',
      'This organisation is not that authority.',
    );
  return found;
}

/** A registry recipient as the gate reads it. */
export function gateRecipient(found: RegistryRecipient): GateRecipient {
  return {
    organisationId: found.organisationId,
    serviceId: found.serviceId,
    kind: found.kind,
    protectiveRole: found.protectiveRole,
  };
}
