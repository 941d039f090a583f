import { decideEvaluation, type Scope } from "@samsyn/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { AuditContext } from "../../audit";
import type { Db } from "../../client";
import { isUuid } from "../../queries/agreements/views";
import { type GroupView, groupView } from "../../queries/evaluations/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { evaluationGroups, evaluationItems } from "../../schema";
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

/**
 * `POST /evaluations/{id}/groups` `{title, items}`: a group in phase `group` (409 otherwise),
 * its items moved into it (one group per item), by any participant. The title is screened.
 * Audited as `evaluation_group.create`; in an anonymous session without the caller.
 * `now` is when it was made (the demo county's past sessions).
 */
export function createEvaluationGroup(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  evaluationId: string,
  input: { readonly title: string; readonly items: readonly string[] },
  now: Date = new Date(),
): Promise<Result<GroupView>> {
  const entry = evaluationAudit("evaluation_group.create", "evaluation_group", evaluationId);
  return auditedSession(db, ctx, async (tx) => {
    const session = await lockVisibleEvaluation(tx, scope, evaluationId);
    if (session === undefined) return refused("not_found", entry);
    const screened = screenFields({ title: input.title });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid"), anonymousIn: session };
    const decision = decideEvaluation(
      { type: "createGroup", ...input },
      { evaluation: session, targets: await loadTargets(tx, session.id) },
    );
    if (!decision.ok) {
      const refusal = evaluationRefusal<GroupView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]), anonymousIn: session };
    }
    const [change] = decision.value;
    if (change?.type !== "groupCreated") throw new Error("decide created no group");
    const [row] = await tx
      .insert(evaluationGroups)
      .values({ evaluationId: session.id, title: change.title, createdAt: now })
      .returning();
    if (row === undefined) throw new Error("insert returned no group");
    const view = await moveInto(tx, session.id, session.phase, row, change.items, now);
    return { result: ok(view), audit: entry("ok", row.id), anonymousIn: session };
  });
}

/**
 * `POST /evaluations/{id}/groups/{gid}/items` `{items}`: items moved into an existing group of
 * the session (the keyboard's "move to group"), in phase `group`. An unknown group answers 404.
 * Audited as `evaluation_group.create` with `move: true`: the same act of grouping.
 */
export function moveToEvaluationGroup(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  evaluationId: string,
  groupId: string,
  input: { readonly items: readonly string[] },
  now: Date = new Date(),
): Promise<Result<GroupView>> {
  const entry = evaluationAudit("evaluation_group.create", "evaluation_group", evaluationId, {
    move: true,
  });
  return auditedSession(db, ctx, async (tx) => {
    const session = await lockVisibleEvaluation(tx, scope, evaluationId);
    if (session === undefined) return refused("not_found", entry);
    const [group] = isUuid(groupId)
      ? await tx
          .select()
          .from(evaluationGroups)
          .where(
            and(eq(evaluationGroups.id, groupId), eq(evaluationGroups.evaluationId, session.id)),
          )
      : [];
    if (group === undefined) return refused("not_found", entry, session);
    const decision = decideEvaluation(
      { type: "moveToGroup", groupId: group.id, ...input },
      { evaluation: session, targets: await loadTargets(tx, session.id) },
    );
    if (!decision.ok) {
      const refusal = evaluationRefusal<GroupView>(decision.error);
      return {
        result: refusal,
        audit: entry(auditOutcomes[refusal.error], group.id),
        anonymousIn: session,
      };
    }
    const [change] = decision.value;
    if (change?.type !== "itemsMoved") throw new Error("decide moved nothing");
    const view = await moveInto(tx, session.id, session.phase, group, change.items, now);
    return { result: ok(view), audit: entry("ok", group.id), anonymousIn: session };
  });
}

/** Moves the items into the group, records the change and answers the group as it now is. */
async function moveInto(
  tx: Db,
  evaluationId: string,
  phase: Parameters<typeof groupView>[2],
  group: typeof evaluationGroups.$inferSelect,
  items: readonly string[],
  now: Date,
): Promise<GroupView> {
  await tx
    .update(evaluationItems)
    .set({ groupId: group.id })
    .where(
      and(eq(evaluationItems.evaluationId, evaluationId), inArray(evaluationItems.id, [...items])),
    );
  const members = await tx
    .select({ id: evaluationItems.id, kind: evaluationItems.kind })
    .from(evaluationItems)
    .where(eq(evaluationItems.groupId, group.id))
    .orderBy(evaluationItems.createdAt, evaluationItems.id);
  const view = groupView(group, members, phase);
  await recordBoardEvent(tx, evaluationId, "group", { group: view, moved: [...items] }, now);
  return view;
}
