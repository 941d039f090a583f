import { type CreateEvaluation, decideEvaluation, mayHoldFor, type Scope } from "@samsyn/domain";
import { type AuditContext, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { loadBoard } from "../../queries/evaluations/evaluations";
import type { BoardView } from "../../queries/evaluations/views";
import { voterKey } from "../../queries/evaluations/voter";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { evaluations } from "../../schema";
import { loadOrganisationCodes } from "../organisation-codes";
import { auditOutcomes } from "../refusal";
import { evaluationRefusal } from "./refusal";
import { evaluationAudit, loadProcesses } from "./state";

export type NewEvaluation = Omit<CreateEvaluation, "type">;

/**
 * `POST /evaluations`: a session in phase `collect`. samordnare, ledning and admin hold them
 * (lan 403); samordnare and ledning name one of their own organisations (403). Audited as
 * `evaluation.create`, refusals too. `now` is when it is held (the demo county's past sessions).
 */
export function createEvaluation(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  secret: string,
  input: NewEvaluation,
  now: Date = new Date(),
): Promise<Result<BoardView>> {
  const audit = evaluationAudit("evaluation.create", "evaluation", "", {
    anonymous: input.anonymous,
  });
  const entry = (outcome: AuditOutcome, id: string | null = null) => audit(outcome, id);
  return audited(db, ctx, async (tx) => {
    if (!mayHoldFor(scope, input.organisations))
      return { result: refuse("forbidden"), audit: entry("denied") };
    const screened = screenFields({ title: input.title });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const decision = decideEvaluation(
      { type: "createEvaluation", ...input },
      {
        evaluation: undefined,
        organisations: await loadOrganisationCodes(tx),
        processes: await loadProcesses(tx),
      },
    );
    if (!decision.ok) {
      const refusal = evaluationRefusal<BoardView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "evaluationCreated") throw new Error("decide created no session");
    const { evaluation } = change;
    const [row] = await tx
      .insert(evaluations)
      .values({
        ...evaluation,
        organisations: [...evaluation.organisations],
        steps: [...evaluation.steps],
        // The day a session is held is the day it was created: the recurring-theme rule reads it.
        createdAt: now,
        phaseStartedAt: now,
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no session");
    const board = await loadBoard(tx, row, voterKey(secret, row.id, scope.sub));
    return { result: ok(board), audit: entry("ok", row.id) };
  });
}
