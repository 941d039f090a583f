import { decideEvaluation, type Scope, votesLeft } from "@samsyn/domain";
import type { AuditContext } from "../../audit";
import type { Db } from "../../client";
import { votesCast } from "../../queries/evaluations/evaluations";
import { voterKey } from "../../queries/evaluations/voter";
import { ok, type Result } from "../../queries/result";
import { evaluationVotes } from "../../schema";
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

export interface VoteView {
  readonly id: string;
  readonly target: string;
  readonly myVotesLeft: number;
}

/**
 * `POST /evaluations/{id}/votes` `{target}`: one vote for an item or group, in phase `vote`
 * (409 otherwise), up to `votesPerParticipant` (409 beyond). The voter is stored only as a keyed
 * hash of session and subject (`voterKey`). The session row is locked before the votes are
 * counted, so two votes at once by one person are counted one after the other and cannot pass
 * the limit together. The stream learns only that a vote was cast: totals stay hidden until
 * discuss. Audited as `evaluation_vote.create`; in an anonymous session without the caller.
 * `now` is when it was cast (the demo county's past sessions).
 */
export function castEvaluationVote(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  secret: string,
  evaluationId: string,
  input: { readonly target: string },
  now: Date = new Date(),
): Promise<Result<VoteView>> {
  const entry = evaluationAudit("evaluation_vote.create", "evaluation_vote", evaluationId);
  return auditedSession(db, ctx, async (tx) => {
    const session = await lockVisibleEvaluation(tx, scope, evaluationId);
    if (session === undefined) return refused("not_found", entry);
    const voter = voterKey(secret, session.id, scope.sub);
    const cast = await votesCast(tx, session.id, voter);
    const decision = decideEvaluation(
      { type: "castVote", target: input.target },
      { evaluation: session, targets: await loadTargets(tx, session.id), votesCast: cast },
    );
    if (!decision.ok) {
      const refusal = evaluationRefusal<VoteView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]), anonymousIn: session };
    }
    const [change] = decision.value;
    if (change?.type !== "voteCast") throw new Error("decide cast no vote");
    const [row] = await tx
      .insert(evaluationVotes)
      .values({
        evaluationId: session.id,
        itemId: change.targetKind === "item" ? change.target : null,
        groupId: change.targetKind === "group" ? change.target : null,
        voter,
        createdAt: now,
      })
      .returning({ id: evaluationVotes.id });
    if (row === undefined) throw new Error("insert returned no vote");
    await recordBoardEvent(tx, session.id, "vote", { cast: true }, now);
    const view = {
      id: row.id,
      target: change.target,
      myVotesLeft: votesLeft(session.votesPerParticipant, cast + 1),
    };
    return { result: ok(view), audit: entry("ok", row.id), anonymousIn: session };
  });
}
