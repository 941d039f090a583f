import type { Scope } from "@samsyn/domain";
import type { AuditRole } from "../schema/audit-codes";

/**
 * Who an audit row is about: the caller and the request it came with. Query functions take it
 * beside the `Scope`, so the route decides once per request what the trail will say.
 */
export interface AuditContext {
  /** The token's subject; "anonymous" when there is no valid token. */
  readonly actor: string;
  readonly role: AuditRole;
  readonly requestId: string;
  /** The caller's organisation scope, recorded with the row (scopes change over time). */
  readonly orgs?: readonly string[];
}

/** The audit context of a signed-in caller. */
export function auditContext(scope: Scope, requestId: string): AuditContext {
  return { actor: scope.sub, role: scope.role, requestId, orgs: scope.orgs };
}

/** The audit context of a request without a valid token (401). */
export function anonymousAuditContext(requestId: string): AuditContext {
  return { actor: "anonymous", role: "anonymous", requestId };
}
