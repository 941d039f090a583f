import { type Scope, seesWholeCounty } from "../access";

/**
 * Who may do what with ledningsforum (SPEC "Ledningsforum", "Roles and scope"): länsnivå and
 * admin set forums up and see them all; ledning and samordnare see the forums one of their
 * organisations is a member of. Meetings, agendas, decisions and actions are written by ledning
 * of a member organisation, lan and admin — samordnare read them.
 */
export function mayCreateForums(scope: Pick<Scope, "role">): boolean {
  return seesWholeCounty(scope.role);
}

export function seesAllForums(scope: Pick<Scope, "role">): boolean {
  return seesWholeCounty(scope.role);
}

export function seesForum(
  scope: Pick<Scope, "role" | "orgs">,
  members: readonly string[],
): boolean {
  return seesAllForums(scope) || members.some((m) => scope.orgs.includes(m));
}

/** Whether the role writes in forums at all: asked before anything is read. */
export function writesInForums(scope: Pick<Scope, "role">): boolean {
  return scope.role !== "samordnare";
}

/** Whether the caller writes in this forum: lan and admin in any, ledning in its members'. */
export function writesInForum(
  scope: Pick<Scope, "role" | "orgs">,
  members: readonly string[],
): boolean {
  return writesInForums(scope) && seesForum(scope, members);
}
