import { type Scope, seesWholeCounty } from "../access";

/**
 * Who may do what with the agreement register (SPEC "Överenskommelser"): länsnivå and admin
 * keep it; ledning and samordnare read the agreements their organisations are parties to.
 */
export function mayWriteAgreements(scope: Pick<Scope, "role">): boolean {
  return seesWholeCounty(scope.role);
}

export function seesAllAgreements(scope: Pick<Scope, "role">): boolean {
  return seesWholeCounty(scope.role);
}

export function seesAgreement(
  scope: Pick<Scope, "role" | "orgs">,
  parties: readonly string[],
): boolean {
  return seesAllAgreements(scope) || parties.some((p) => scope.orgs.includes(p));
}
