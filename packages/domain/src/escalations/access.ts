import { type Scope, seesWholeCounty } from "../access";
import type { EscalationAboutKind } from "./escalation";

/**
 * Who may do what with escalations (SPEC "Eskalering", "Roles and scope"). lan and admin see
 * and act on every escalation; ledning and samordnare see those in which one of their
 * organisations is in dispute. About a case only its samordnare raise one (the case in their
 * scope); about a routine ledning, lan and admin.
 */
export function seesAllEscalations(scope: Pick<Scope, "role">): boolean {
  return seesWholeCounty(scope.role);
}

export function seesEscalation(
  scope: Pick<Scope, "role" | "orgs">,
  organisations: readonly string[],
): boolean {
  return seesAllEscalations(scope) || organisations.some((o) => scope.orgs.includes(o));
}

/** Whether the role raises escalations about this kind of thing at all: asked before reading. */
export function mayRaiseAbout(scope: Pick<Scope, "role">, kind: EscalationAboutKind): boolean {
  return kind === "case" ? scope.role === "samordnare" : scope.role !== "samordnare";
}

/**
 * Whether the caller may name these organisations: ledning and samordnare raise disputes their
 * own organisation is party to (else they could not see what they raised); lan and admin any.
 */
export function isPartyToRaise(
  scope: Pick<Scope, "role" | "orgs">,
  organisations: readonly string[],
): boolean {
  return seesEscalation(scope, organisations);
}

/**
 * Whether the caller may lift or resolve: lan and admin any; ledning of an organisation in
 * dispute; a samordnare only a case escalation whose case is in their scope (`caseInScope`).
 */
export function mayActOnEscalation(
  scope: Pick<Scope, "role" | "orgs">,
  escalation: {
    readonly organisations: readonly string[];
    readonly aboutKind: EscalationAboutKind;
  },
  caseInScope: boolean,
): boolean {
  switch (scope.role) {
    case "admin":
    case "lan":
      return true;
    case "ledning":
      return seesEscalation(scope, escalation.organisations);
    case "samordnare":
      return escalation.aboutKind === "case" && caseInScope;
  }
}
