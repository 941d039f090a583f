import { type Scope, seesWholeCounty } from "../access";
import type { IsoDate, OrganisationCode } from "../codes";

/**
 * Utvärdering, "vad fungerade bra" (SPEC "Utvärdering", seed 004 step 11, seed 002): a team's
 * retrospective on its samverkan for a period, organisations and optionally a process's steps.
 */
export const evaluationPhases = ["collect", "group", "vote", "discuss", "closed"] as const;
export type EvaluationPhase = (typeof evaluationPhases)[number];

export const evaluationItemKinds = ["worked_well", "improve"] as const;
export type EvaluationItemKind = (typeof evaluationItemKinds)[number];

export const MIN_VOTES_PER_PARTICIPANT = 1;
export const MAX_VOTES_PER_PARTICIPANT = 10;

/** The phase after `phase`; undefined after `closed`. Phases move forward one at a time. */
export function nextPhase(phase: EvaluationPhase): EvaluationPhase | undefined {
  return evaluationPhases[evaluationPhases.indexOf(phase) + 1];
}

/** Vote totals stay hidden until discuss (issue 19): seen early, votes pile on the leaders. */
export function showsVoteTotals(phase: EvaluationPhase): boolean {
  return phase === "discuss" || phase === "closed";
}

/** A session as stored, without its id. */
export interface EvaluationRecord {
  readonly title: string;
  /** Sorted, each once. */
  readonly organisations: readonly OrganisationCode[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly process: string | null;
  /** Sorted, each once; empty without a process. */
  readonly steps: readonly number[];
  readonly anonymous: boolean;
  readonly votesPerParticipant: number;
  readonly phase: EvaluationPhase;
}

/**
 * Who may do what (SPEC "Utvärdering", "Roles and scope"): samordnare, ledning and admin hold
 * sessions; sessions are read by their organisations' users and admin (lan only the county's
 * theme trends, which are aggregates). Participants (any reader) add items, group and vote;
 * phases are moved by the organisations' samordnare and ledning, and admin.
 */
export function holdsEvaluations(scope: Pick<Scope, "role">): boolean {
  return scope.role !== "lan";
}

export function seesEvaluation(
  scope: Pick<Scope, "role" | "orgs">,
  organisations: readonly string[],
): boolean {
  return scope.role === "admin" || organisations.some((o) => scope.orgs.includes(o));
}

/** samordnare and ledning name one of their own organisations; admin any. */
export function mayHoldFor(
  scope: Pick<Scope, "role" | "orgs">,
  organisations: readonly string[],
): boolean {
  return holdsEvaluations(scope) && seesEvaluation(scope, organisations);
}

/** Whether the caller moves the session's phase: the same people who may hold it. */
export function movesPhase(
  scope: Pick<Scope, "role" | "orgs">,
  organisations: readonly string[],
): boolean {
  return mayHoldFor(scope, organisations);
}

/** lan and admin count the county's themes; others their organisations' sessions. */
export function themeScope(scope: Pick<Scope, "role" | "orgs">): readonly string[] | undefined {
  return seesWholeCounty(scope.role) ? undefined : scope.orgs;
}
