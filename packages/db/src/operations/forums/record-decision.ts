import { decideForum, type Scope } from "@samsyn/domain";
import { type AuditContext, audited } from "../../audit";
import type { Db } from "../../client";
import { type DecisionView, decisionView } from "../../queries/forums/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { forumDecisions } from "../../schema";
import { auditOutcomes } from "../refusal";
import { forumRefusal } from "./refusal";
import { forumAudit, nextPosition, writableMeeting } from "./state";

/**
 * `POST /forums/{id}/meetings/{mid}/decisions`: a decision after the last; 409 once the
 * protocol is justerat. Audited as `forum_decision.create`.
 */
export function recordDecision(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  forumId: string,
  meetingId: string,
  input: { readonly text: string },
): Promise<Result<DecisionView>> {
  const entry = forumAudit("forum_decision.create", "forum_decision", {
    forum: forumId,
    meeting: meetingId,
  });
  return audited(db, ctx, async (tx) => {
    const found = await writableMeeting(tx, scope, forumId, meetingId);
    if (found === "forbidden") return { result: refuse("forbidden"), audit: entry("denied") };
    if (found === "not_found") return { result: refuse("not_found"), audit: entry("not_found") };
    const screened = screenFields({ text: input.text });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const decision = decideForum(
      { type: "recordDecision", text: input.text },
      { organisations: new Set(), forum: found.forum, meeting: found.meeting },
    );
    if (!decision.ok) {
      const refusal = forumRefusal<DecisionView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "decisionRecorded") throw new Error("decide recorded no decision");
    const [row] = await tx
      .insert(forumDecisions)
      .values({
        meetingId: found.meeting.id,
        position: await nextPosition(tx, "forum_decisions", found.meeting.id),
        text: change.text,
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no decision");
    return { result: ok(decisionView(row)), audit: entry("ok", row.id) };
  });
}
