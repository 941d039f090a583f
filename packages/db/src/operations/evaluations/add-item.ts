import { type AddItem, decideEvaluation, type Scope } from "@samsyn/domain";
import { eq } from "drizzle-orm";
import type { AuditContext } from "../../audit";
import type { Db } from "../../client";
import { type ItemView, itemView } from "../../queries/evaluations/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { evaluationItems, processSteps } from "../../schema";
import { auditOutcomes } from "../refusal";
import { recordBoardEvent } from "./events";
import { evaluationRefusal } from "./refusal";
import { auditedSession, evaluationAudit, lockVisibleEvaluation, refused } from "./state";

export type NewItem = Omit<AddItem, "type" | "author">;

/**
 * `POST /evaluations/{id}/items`: an item in phase `collect` (409 otherwise), by any participant
 * (a reader of the session). In an anonymous session the author is stored nowhere: the decider
 * drops it from the item, the event carries the item as stored, and the audit row names the
 * session instead of the caller (`anonymousAuditContext`). Audited as `evaluation_item.create`.
 * `now` is when it was written (theme trends count items by month).
 */
export function addEvaluationItem(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  evaluationId: string,
  input: NewItem,
  now: Date = new Date(),
): Promise<Result<ItemView>> {
  const entry = evaluationAudit("evaluation_item.create", "evaluation_item", evaluationId, {
    kind: input.kind,
  });
  return auditedSession(db, ctx, async (tx) => {
    const session = await lockVisibleEvaluation(tx, scope, evaluationId);
    if (session === undefined) return refused("not_found", entry);
    const screened = screenFields({ text: input.text });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid"), anonymousIn: session };
    const steps =
      session.process === null
        ? []
        : await tx
            .select({ number: processSteps.number })
            .from(processSteps)
            .where(eq(processSteps.processCode, session.process));
    const decision = decideEvaluation(
      { type: "addItem", ...input, author: scope.sub },
      { evaluation: session, processSteps: steps.map((s) => s.number) },
    );
    if (!decision.ok) {
      const refusal = evaluationRefusal<ItemView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]), anonymousIn: session };
    }
    const [change] = decision.value;
    if (change?.type !== "itemAdded") throw new Error("decide added no item");
    const [row] = await tx
      .insert(evaluationItems)
      .values({ evaluationId: session.id, ...change.item, createdAt: now })
      .returning();
    if (row === undefined) throw new Error("insert returned no item");
    const view = itemView(row, session.phase);
    await recordBoardEvent(tx, session.id, "item", { item: view }, now);
    return { result: ok(view), audit: entry("ok", row.id), anonymousIn: session };
  });
}
