import { decideEvaluation, type IsoDate, type Scope, stockholmDate } from "@samsyn/domain";
import { and, eq } from "drizzle-orm";
import type { AuditContext } from "../../audit";
import type { Db } from "../../client";
import { isUuid } from "../../queries/agreements/views";
import { type ActionView, actionView } from "../../queries/forums/views";
import { ok, type Result } from "../../queries/result";
import { evaluationGroups, evaluationItems, forumActions } from "../../schema";
import { writableForum } from "../forums/state";
import { auditOutcomes } from "../refusal";
import { recordBoardEvent } from "./events";
import { evaluationRefusal } from "./refusal";
import {
  auditedSession,
  evaluationAudit,
  loadTargets,
  lockVisibleEvaluation,
  refused,
} from "./state";

export interface LiftInput {
  readonly forumId: string;
  readonly owner: string;
  readonly dueOn: IsoDate;
}

/**
 * `POST /evaluations/{id}/items/{itemId}/action`: an improvement (an item, or a group holding
 * one) becomes an open action of the forum, decided today (Europe/Stockholm), titled with the
 * item's text or the group's title, linked both ways (`sourceItemId` on the action, the action on
 * the board). The caller sees the session (else 404) and writes in the forum (ledning of a
 * member, lan, admin: else 403, or 404 for a forum out of sight). Audited as
 * `evaluation_item.action` with the caller: lifting is a leader's act, not a participant's note.
 */
export function liftEvaluationItem(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  evaluationId: string,
  itemId: string,
  input: LiftInput,
  now: Date = new Date(),
): Promise<Result<ActionView>> {
  const entry = evaluationAudit("evaluation_item.action", "evaluation_item", evaluationId, {
    forum: isUuid(input.forumId) ? input.forumId : null,
  });
  return auditedSession(db, ctx, async (tx) => {
    const session = await lockVisibleEvaluation(tx, scope, evaluationId);
    if (session === undefined) return refused("not_found", entry);
    const forum = await writableForum(tx, scope, input.forumId);
    if (typeof forum === "string") return refused(forum, entry);
    const targets = await loadTargets(tx, session.id);
    const decision = decideEvaluation(
      {
        type: "liftToForum",
        target: itemId,
        owner: input.owner,
        dueOn: input.dueOn,
        on: stockholmDate(now.getTime()),
      },
      { evaluation: session, targets, forumMembers: forum.members },
    );
    const objectId = targets.has(itemId) ? itemId : null;
    if (!decision.ok) {
      const refusal = evaluationRefusal<ActionView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error], objectId) };
    }
    const [change] = decision.value;
    if (change?.type !== "liftedToForum") throw new Error("decide lifted nothing");
    const [row] = await tx
      .insert(forumActions)
      .values({
        forumId: forum.id,
        meetingId: null,
        sourceKind: "evaluation",
        sourceId: session.id,
        sourceItemId: change.target,
        title: await titleOf(tx, session.id, change.target, change.targetKind),
        owner: change.owner,
        decidedOn: change.decidedOn,
        dueOn: change.dueOn,
        status: "open",
        createdAt: now,
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no action");
    await recordBoardEvent(
      tx,
      session.id,
      "action",
      {
        target: change.target,
        targetKind: change.targetKind,
        action: { id: row.id, status: row.status },
      },
      now,
    );
    return { result: ok(actionView(row)), audit: entry("ok", change.target) };
  });
}

async function titleOf(
  tx: Db,
  evaluationId: string,
  target: string,
  kind: "item" | "group",
): Promise<string> {
  const [row] =
    kind === "item"
      ? await tx
          .select({ title: evaluationItems.text })
          .from(evaluationItems)
          .where(
            and(eq(evaluationItems.id, target), eq(evaluationItems.evaluationId, evaluationId)),
          )
      : await tx
          .select({ title: evaluationGroups.title })
          .from(evaluationGroups)
          .where(
            and(eq(evaluationGroups.id, target), eq(evaluationGroups.evaluationId, evaluationId)),
          );
  if (row === undefined) throw new Error("the lifted item is gone");
  return row.title;
}
