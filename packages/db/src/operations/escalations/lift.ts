import { decideEscalation, type Scope, stockholmDate } from "@samsyn/domain";
import { and, eq } from "drizzle-orm";
import { type AuditContext, audited } from "../../audit";
import type { Db } from "../../client";
import { escalationAccess, loadEscalation } from "../../queries/escalations/access";
import type { EscalationView } from "../../queries/escalations/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { escalationLifts, escalations } from "../../schema";
import { auditOutcomes } from "../refusal";
import { escalationRefusal } from "./refusal";
import { escalationEntry, escalationRecord } from "./state";

/**
 * `POST /escalations/{id}/lift` `{note}`: to the next management level today (Europe/Stockholm,
 * as of `now`), with a lift row holding the note. Above level 3, or once resolved, 409. lan,
 * admin, ledning in dispute, and a samordnare of the case may lift; whoever else may read it
 * gets 403, anyone else 404. The escalation is locked first, so two lifts at once go 1 → 2 → 3
 * and never skip a level. Audited as `escalation.lift`, refusals too.
 */
export function liftEscalation(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  id: string,
  input: { readonly note: string },
  now: Date = new Date(),
): Promise<Result<EscalationView>> {
  return audited(db, ctx, async (tx) => {
    const found = await loadEscalation(tx, id, "for update");
    const entry = escalationEntry("escalation.lift", id, found?.caseRefHashHex ?? null);
    if (found === undefined) return { result: refuse("not_found"), audit: entry("not_found") };
    const access = await escalationAccess(tx, scope, found.row);
    if (access !== "act") {
      const refused = access === "see" ? "forbidden" : "not_found";
      return { result: refuse(refused), audit: entry(auditOutcomes[refused]) };
    }
    const screened = screenFields({ note: input.note });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const today = stockholmDate(now.getTime());
    const escalation = await escalationRecord(tx, found.row, today);
    const decision = decideEscalation(
      { type: "liftEscalation", note: input.note, on: today },
      { escalation, organisations: new Set() },
    );
    if (!decision.ok) {
      const refusal = escalationRefusal<EscalationView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "escalationLifted") throw new Error("decide lifted nothing");
    const { lift } = change;
    await tx.insert(escalationLifts).values({
      escalationId: id,
      level: lift.level,
      note: lift.note,
      liftedOn: lift.liftedOn,
      liftedAt: now,
    });
    // The level it was read at, as the last word: under the lock nobody can have moved it.
    const [row] = await tx
      .update(escalations)
      .set({ level: lift.level })
      .where(and(eq(escalations.id, id), eq(escalations.level, escalation.level)))
      .returning();
    if (row === undefined) throw new Error("the locked escalation moved");
    return {
      result: ok(await escalationRecord(tx, row, today)),
      audit: entry("ok", { level: lift.level }),
    };
  });
}
