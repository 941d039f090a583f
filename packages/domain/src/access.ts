import { z } from "zod";

/** SPEC "Roles and scope". */
export const roles = ["admin", "lan", "ledning", "samordnare"] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/**
 * Who is asking: the signed-in user's subject, role and organisation scope (organisation codes).
 * Every query function in packages/db takes one, so that no route can forget scope.
 */
export interface Scope {
  readonly sub: string;
  readonly role: Role;
  readonly orgs: readonly string[];
}

/** Case-level (pseudonymous) data reaches samordnare of the case's units, and admin. */
export function seesCaseLevel(scopeRole: Role): boolean {
  return scopeRole === "samordnare" || scopeRole === "admin";
}

/** Aggregates for the whole county: admin and länsgrupp; ledning for comparison only. */
export function seesCountyAggregates(scopeRole: Role): boolean {
  return scopeRole === "admin" || scopeRole === "lan" || scopeRole === "ledning";
}
