import { decideEscalation, type Scope, stockholmDate } from "@samsyn/domain";
import { and, eq } from "drizzle-orm";
import { type AuditContext, audited } from "../../audit";
import type { Db } from "../../client";
import { escalationAccess, loadEscalation } from "../../queries/escalations/access";
import type { EscalationView } from "../../queries/escalations/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { escalations } from "../../schema";
import { auditOutcomes } from "../refusal";
import { escalationRefusal } from "./refusal";
import { escalationEntry, escalationRecord } from "./state";

/**
 * `POST /escalations/{id}/resolve` `{resolution}`: resolved today (Europe/Stockholm, as of
 * `now`) at the level it has reached; a resolved one answers 409. Who may: as for a lift.
 * Audited as `escalation.resolve`, refusals too.
 */
export function resolveEscalation(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  id: string,
  input: { readonly resolution: string },
  now: Date = new Date(),
): Promise<Result<EscalationView>> {
  return audited(db, ctx, async (tx) => {
    const found = await loadEscalation(tx, id, "for update");
    const entry = escalationEntry("escalation.resolve", id, found?.caseRefHashHex ?? null);
    if (found === undefined) return { result: refuse("not_found"), audit: entry("not_found") };
    const access = await escalationAccess(tx, scope, found.row);
    if (access !== "act") {
      const refused = access === "see" ? "forbidden" : "not_found";
      return { result: refuse(refused), audit: entry(auditOutcomes[refused]) };
    }
    const screened = screenFields({ resolution: input.resolution });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const today = stockholmDate(now.getTime());
    const escalation = await escalationRecord(tx, found.row, today);
    const decision = decideEscalation(
      { type: "resolveEscalation", resolution: input.resolution, on: today },
      { escalation, organisations: new Set() },
    );
    if (!decision.ok) {
      const refusal = escalationRefusal<EscalationView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "escalationResolved") throw new Error("decide resolved nothing");
    const [row] = await tx
      .update(escalations)
      .set({
        status: "resolved",
        resolvedOn: change.resolvedOn,
        resolution: change.resolution,
        resolvedAt: now,
      })
      .where(and(eq(escalations.id, id), eq(escalations.status, "open")))
      .returning();
    if (row === undefined) throw new Error("the locked escalation was resolved meanwhile");
    return {
      result: ok(await escalationRecord(tx, row, today)),
      audit: entry("ok", { level: row.level }),
    };
  });
}
