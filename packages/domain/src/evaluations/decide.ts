import { sortedSet } from "../agreements/decide";
import { assertNever } from "../assert-never";
import { evaluationThemes } from "../catalogues";
import type { IsoDate, OrganisationCode } from "../codes";
import { err, ok, type Result } from "../result";
import type {
  AddItem,
  CastVote,
  ChangePhase,
  CreateEvaluation,
  CreateGroup,
  EvaluationCommand,
  LiftToForum,
  MoveToGroup,
} from "./commands";
import {
  type EvaluationItemKind,
  type EvaluationPhase,
  type EvaluationRecord,
  MAX_VOTES_PER_PARTICIPANT,
  MIN_VOTES_PER_PARTICIPANT,
  nextPhase,
} from "./evaluation";

/** Why an evaluation command is refused; `field` names the request field it is about. */
export const evaluationErrorCodes = [
  "unknownOrganisation",
  "noOrganisation",
  "periodReversed",
  "unknownProcess",
  "stepsWithoutProcess",
  "stepNotInProcess",
  "votesOutOfRange",
  "unknownTheme",
  "wrongPhase",
  "phaseNotNext",
  "unknownItem",
  "noItems",
  "unknownTarget",
  "voteLimitReached",
  "notAnImprovement",
  "ownerNotMember",
] as const;
export type EvaluationErrorCode = (typeof evaluationErrorCodes)[number];

export interface EvaluationError {
  readonly code: EvaluationErrorCode;
  readonly field?: string;
}

/** An item or group of the session, as the decider needs it. */
export interface BoardTarget {
  readonly kind: "item" | "group";
  /** An item's kind; a group's is `improve` when any of its items is one. */
  readonly itemKind: EvaluationItemKind;
}

/** What the operation loaded before deciding. */
export interface EvaluationDecisionState {
  /** The session; undefined for `createEvaluation`. */
  readonly evaluation: EvaluationRecord | undefined;
  /** The county's organisation codes (create). */
  readonly organisations?: ReadonlySet<string>;
  /** Process codes with their step numbers (create). */
  readonly processes?: ReadonlyMap<string, readonly number[]>;
  /** The session's items and groups by id (groups, votes, lifting). */
  readonly targets?: ReadonlyMap<string, BoardTarget>;
  /** Votes this participant has cast in the session (votes). */
  readonly votesCast?: number;
  /** The steps of the session's process (items). */
  readonly processSteps?: readonly number[];
  /** The forum's member organisations (lifting). */
  readonly forumMembers?: readonly string[];
}

export interface NewItem {
  readonly kind: EvaluationItemKind;
  readonly text: string;
  readonly theme: string;
  readonly step: number | null;
  /** Null in an anonymous session: the decider never lets the author through. */
  readonly author: string | null;
}

/** What a decision changes; the operation writes exactly this. */
export type EvaluationChange =
  | { readonly type: "evaluationCreated"; readonly evaluation: EvaluationRecord }
  | { readonly type: "itemAdded"; readonly item: NewItem }
  | { readonly type: "phaseChanged"; readonly from: EvaluationPhase; readonly to: EvaluationPhase }
  | { readonly type: "groupCreated"; readonly title: string; readonly items: readonly string[] }
  | { readonly type: "itemsMoved"; readonly groupId: string; readonly items: readonly string[] }
  | { readonly type: "voteCast"; readonly target: string; readonly targetKind: "item" | "group" }
  | {
      readonly type: "liftedToForum";
      readonly target: string;
      readonly targetKind: "item" | "group";
      readonly owner: OrganisationCode;
      readonly dueOn: IsoDate;
      readonly decidedOn: IsoDate;
    };

type Decision = Result<readonly EvaluationChange[], EvaluationError>;

/** The evaluations' decider: pure, from a command and the session as stored to the changes. */
export function decideEvaluation(
  command: EvaluationCommand,
  state: EvaluationDecisionState,
): Decision {
  if (command.type === "createEvaluation") return create(command, state);
  const evaluation = state.evaluation;
  // The operation answers 404 before deciding; reaching here without one is a broken invariant.
  if (evaluation === undefined) throw new Error(`${command.type} without a session`);
  switch (command.type) {
    case "addItem":
      return addItem(command, evaluation, state.processSteps ?? []);
    case "changePhase":
      return changePhase(command, evaluation);
    case "createGroup":
      return inPhase(evaluation, "group", () => createGroup(command, state));
    case "moveToGroup":
      return inPhase(evaluation, "group", () => moveToGroup(command, state));
    case "castVote":
      return inPhase(evaluation, "vote", () => castVote(command, evaluation, state));
    case "liftToForum":
      return liftToForum(command, state);
    default:
      return assertNever(command);
  }
}

function create(command: CreateEvaluation, state: EvaluationDecisionState): Decision {
  const organisations = sortedSet(command.organisations) as OrganisationCode[];
  if (organisations.length === 0) return err({ code: "noOrganisation", field: "organisations" });
  if (organisations.some((o) => !state.organisations?.has(o)))
    return err({ code: "unknownOrganisation", field: "organisations" });
  if (command.to < command.from) return err({ code: "periodReversed", field: "to" });
  const steps = [...new Set(command.steps ?? [])].sort((a, b) => a - b);
  const process = command.process ?? null;
  if (process === null && steps.length > 0)
    return err({ code: "stepsWithoutProcess", field: "steps" });
  if (process !== null) {
    const known = state.processes?.get(process);
    if (known === undefined) return err({ code: "unknownProcess", field: "process" });
    if (steps.some((s) => !known.includes(s)))
      return err({ code: "stepNotInProcess", field: "steps" });
  }
  const votes = command.votesPerParticipant;
  if (
    !Number.isInteger(votes) ||
    votes < MIN_VOTES_PER_PARTICIPANT ||
    votes > MAX_VOTES_PER_PARTICIPANT
  )
    return err({ code: "votesOutOfRange", field: "votesPerParticipant" });
  return ok([
    {
      type: "evaluationCreated",
      evaluation: {
        title: command.title,
        organisations,
        from: command.from,
        to: command.to,
        process,
        steps,
        anonymous: command.anonymous,
        votesPerParticipant: votes,
        phase: "collect",
      },
    },
  ]);
}

export function isEvaluationTheme(code: string): boolean {
  return evaluationThemes.some((theme) => theme.code === code);
}

function addItem(
  command: AddItem,
  evaluation: EvaluationRecord,
  processSteps: readonly number[],
): Decision {
  if (evaluation.phase !== "collect") return err({ code: "wrongPhase", field: "phase" });
  if (!isEvaluationTheme(command.theme)) return err({ code: "unknownTheme", field: "theme" });
  const step = command.step ?? null;
  // A session with steps in focus takes items about those steps; one without, any of its process.
  const allowed = evaluation.steps.length > 0 ? evaluation.steps : processSteps;
  if (step !== null && (evaluation.process === null || !allowed.includes(step)))
    return err({ code: "stepNotInProcess", field: "step" });
  return ok([
    {
      type: "itemAdded",
      item: {
        kind: command.kind,
        text: command.text,
        theme: command.theme,
        step,
        author: evaluation.anonymous ? null : command.author,
      },
    },
  ]);
}

function changePhase(command: ChangePhase, evaluation: EvaluationRecord): Decision {
  if (nextPhase(evaluation.phase) !== command.phase)
    return err({ code: "phaseNotNext", field: "phase" });
  return ok([{ type: "phaseChanged", from: evaluation.phase, to: command.phase }]);
}

function inPhase(
  evaluation: EvaluationRecord,
  phase: EvaluationPhase,
  decide: () => Decision,
): Decision {
  return evaluation.phase === phase ? decide() : err({ code: "wrongPhase", field: "phase" });
}

function sessionItems(
  ids: readonly string[],
  state: EvaluationDecisionState,
): Result<string[], EvaluationError> {
  const items = sortedSet(ids);
  if (items.length === 0) return err({ code: "noItems", field: "items" });
  if (items.some((id) => state.targets?.get(id)?.kind !== "item"))
    return err({ code: "unknownItem", field: "items" });
  return ok(items);
}

function createGroup(command: CreateGroup, state: EvaluationDecisionState): Decision {
  const items = sessionItems(command.items, state);
  if (!items.ok) return items;
  return ok([{ type: "groupCreated", title: command.title, items: items.value }]);
}

function moveToGroup(command: MoveToGroup, state: EvaluationDecisionState): Decision {
  const items = sessionItems(command.items, state);
  if (!items.ok) return items;
  return ok([{ type: "itemsMoved", groupId: command.groupId, items: items.value }]);
}

function castVote(
  command: CastVote,
  evaluation: EvaluationRecord,
  state: EvaluationDecisionState,
): Decision {
  const target = state.targets?.get(command.target);
  if (target === undefined) return err({ code: "unknownTarget", field: "target" });
  if ((state.votesCast ?? 0) >= evaluation.votesPerParticipant)
    return err({ code: "voteLimitReached", field: "target" });
  return ok([{ type: "voteCast", target: command.target, targetKind: target.kind }]);
}

/** Only improvements become actions: what worked well needs no one to act on it. */
function liftToForum(command: LiftToForum, state: EvaluationDecisionState): Decision {
  const target = state.targets?.get(command.target);
  if (target === undefined) return err({ code: "unknownItem", field: "itemId" });
  if (target.itemKind !== "improve") return err({ code: "notAnImprovement", field: "itemId" });
  // The forum follows its actions up with its members' leaders: the owner must sit at its table.
  if (!(state.forumMembers ?? []).includes(command.owner))
    return err({ code: "ownerNotMember", field: "owner" });
  return ok([
    {
      type: "liftedToForum",
      target: command.target,
      targetKind: target.kind,
      owner: command.owner as OrganisationCode,
      dueOn: command.dueOn,
      decidedOn: command.on,
    },
  ]);
}
