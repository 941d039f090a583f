import { type ClosedActionStatus, decideForum, type Scope, stockholmDate } from "@samsyn/domain";
import { and, eq } from "drizzle-orm";
import { type AuditContext, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { isUuid } from "../../queries/agreements/views";
import { type ActionView, actionView } from "../../queries/forums/views";
import { ok, type Result, refuse } from "../../queries/result";
import { forumActions } from "../../schema";
import { auditOutcomes } from "../refusal";
import { forumRefusal } from "./refusal";
import { forumAudit, writableForum } from "./state";

/**
 * `PATCH /forums/{id}/actions/{aid}` `{status: "done" | "cancelled"}`: closed today (Europe/
 * Stockholm), whatever the status of the meeting that decided it — follow-up comes after the
 * protocol; closing a closed action is 409. Audited as `forum_action.update`.
 */
export function closeAction(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  forumId: string,
  actionId: string,
  input: { readonly status: ClosedActionStatus },
  now: Date = new Date(),
): Promise<Result<ActionView>> {
  const audit = forumAudit(
    "forum_action.update",
    "forum_action",
    { forum: forumId },
    {
      status: input.status,
    },
  );
  const entry = (outcome: AuditOutcome) => audit(outcome, actionId);
  return audited(db, ctx, async (tx) => {
    const forum = await writableForum(tx, scope, forumId);
    if (forum === "forbidden") return { result: refuse("forbidden"), audit: entry("denied") };
    const [found] =
      forum === "not_found" || !isUuid(actionId)
        ? []
        : await tx
            .select()
            .from(forumActions)
            .where(and(eq(forumActions.id, actionId), eq(forumActions.forumId, forum.id)))
            .for("update");
    if (found === undefined) return { result: refuse("not_found"), audit: entry("not_found") };
    const decision = decideForum(
      { type: "closeAction", status: input.status, on: stockholmDate(now.getTime()) },
      { organisations: new Set(), action: { status: found.status } },
    );
    if (!decision.ok) {
      const refusal = forumRefusal<ActionView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "actionClosed") throw new Error("decide closed no action");
    const [row] = await tx
      .update(forumActions)
      .set({ status: change.status, closedOn: change.on })
      .where(eq(forumActions.id, found.id))
      .returning();
    if (row === undefined) throw new Error("the locked action is gone");
    return { result: ok(actionView(row)), audit: entry("ok") };
  });
}
