import { societyRoles, type SocietyRole } from '../../../../common/roles.ts';
import { NewMemberBody } from '../../../../common/users.ts';

/** The add-member form as typed: the language is empty for "the society's default". */
export type MemberDraft = {
  email: string;
  displayName: string;
  roles: string[];
  teamIds: string[];
  locale: string;
};

/** An empty add-member form. */
export const emptyMemberDraft: MemberDraft = {
  email: '',
  displayName: '',
  roles: [],
  teamIds: [],
  locale: '',
};

/**
 * The body of POST /api/users for a filled form, checked with the server's own schema (the e-mail trimmed; no
 * language and no teams are sent when none were chosen).
 */
export function newMemberBody(draft: MemberDraft) {
  return NewMemberBody.safeParse({
    email: draft.email.trim(),
    displayName: draft.displayName,
    roles: draft.roles,
    ...(draft.locale ? { locale: draft.locale } : {}),
    ...(draft.teamIds.length > 0 ? { teamIds: draft.teamIds } : {}),
  });
}

/** Chosen roles in the order of the roles table (PRODUCT.md), each once: the order the server keeps them in. */
export function inRoleOrder(chosen: readonly string[]): SocietyRole[] {
  return societyRoles.filter((role) => chosen.includes(role));
}

/** Whether two sets of roles hold the same roles, whatever their order. */
export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const left = inRoleOrder(a);
  const right = inRoleOrder(b);
  return left.length === right.length && left.every((role, i) => role === right[i]);
}
