import { decideEvaluation, type EvaluationPhase, movesPhase, type Scope } from "@samsyn/domain";
import { eq } from "drizzle-orm";
import type { AuditContext } from "../../audit";
import type { Db } from "../../client";
import { loadBoard, voteTotals } from "../../queries/evaluations/evaluations";
import type { BoardView } from "../../queries/evaluations/views";
import { voterKey } from "../../queries/evaluations/voter";
import { ok, type Result } from "../../queries/result";
import { evaluations } from "../../schema";
import { auditOutcomes } from "../refusal";
import { recordBoardEvent } from "./events";
import { evaluationRefusal } from "./refusal";
import { auditedSession, evaluationAudit, lockVisibleEvaluation, refused } from "./state";

/**
 * `POST /evaluations/{id}/phase` `{phase}`: one phase forward (409 otherwise), by the session's
 * organisations' samordnare and ledning, and admin (a reader who may not: 403). The phase timer
 * restarts. Moving to `discuss` publishes the vote totals on the stream. Audited as
 * `evaluation.phase` with the caller: moving the phase is the facilitator's act, not a
 * participant's note.
 */
export function changeEvaluationPhase(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  secret: string,
  evaluationId: string,
  input: { readonly phase: EvaluationPhase },
  now: Date = new Date(),
): Promise<Result<BoardView>> {
  const entry = evaluationAudit("evaluation.phase", "evaluation", evaluationId, {
    phase: input.phase,
  });
  return auditedSession(db, ctx, async (tx) => {
    const session = await lockVisibleEvaluation(tx, scope, evaluationId);
    if (session === undefined) return refused("not_found", entry);
    if (!movesPhase(scope, session.organisations)) return refused("forbidden", entry);
    const decision = decideEvaluation(
      { type: "changePhase", phase: input.phase },
      { evaluation: session },
    );
    if (!decision.ok) {
      const refusal = evaluationRefusal<BoardView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error], session.id) };
    }
    const [change] = decision.value;
    if (change?.type !== "phaseChanged") throw new Error("decide changed no phase");
    const [row] = await tx
      .update(evaluations)
      .set({ phase: change.to, phaseStartedAt: now })
      .where(eq(evaluations.id, session.id))
      .returning();
    if (row === undefined) throw new Error("the locked session is gone");
    const totals =
      change.to === "discuss" ? Object.fromEntries(await voteTotals(tx, row.id)) : undefined;
    await recordBoardEvent(
      tx,
      row.id,
      "phase",
      {
        phase: row.phase,
        phaseStartedAt: row.phaseStartedAt.toISOString(),
        ...(totals === undefined ? {} : { votes: totals }),
      },
      now,
    );
    const board = await loadBoard(tx, row, voterKey(secret, row.id, scope.sub));
    return { result: ok(board), audit: entry("ok", row.id) };
  });
}
