import type { EvaluationItemKind, EvaluationPhase } from "./evaluation";
import { showsVoteTotals } from "./evaluation";

/**
 * The board as a participant reads it (`GET /evaluations/{id}`): vote totals are null until
 * `discuss` (issue 19), and everyone learns only their own votes left.
 */
export function visibleVotes(phase: EvaluationPhase, total: number): number | null {
  return showsVoteTotals(phase) ? total : null;
}

export function votesLeft(votesPerParticipant: number, cast: number): number {
  return Math.max(0, votesPerParticipant - cast);
}

/** A group's kind for lifting and voting: an improvement when any of its items is one. */
export function groupKind(itemKinds: readonly EvaluationItemKind[]): EvaluationItemKind {
  return itemKinds.includes("improve") ? "improve" : "worked_well";
}
