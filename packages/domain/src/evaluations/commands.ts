import type { IsoDate } from "../codes";
import type { EvaluationItemKind, EvaluationPhase } from "./evaluation";

/** `POST /evaluations`: a session in phase `collect`. Codes are text until the decider checks them. */
export interface CreateEvaluation {
  readonly type: "createEvaluation";
  readonly title: string;
  readonly organisations: readonly string[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly process?: string;
  readonly steps?: readonly number[];
  readonly anonymous: boolean;
  readonly votesPerParticipant: number;
}

/** `POST /evaluations/{id}/items`. `author` is the caller; an anonymous session drops it. */
export interface AddItem {
  readonly type: "addItem";
  readonly kind: EvaluationItemKind;
  readonly text: string;
  readonly theme: string;
  readonly step?: number;
  readonly author: string;
}

/** `POST /evaluations/{id}/phase`. */
export interface ChangePhase {
  readonly type: "changePhase";
  readonly phase: EvaluationPhase;
}

/** `POST /evaluations/{id}/groups`: a new group, its items moved into it. */
export interface CreateGroup {
  readonly type: "createGroup";
  readonly title: string;
  readonly items: readonly string[];
}

/** `POST /evaluations/{id}/groups/{gid}/items`: items moved into an existing group. */
export interface MoveToGroup {
  readonly type: "moveToGroup";
  readonly groupId: string;
  readonly items: readonly string[];
}

/** `POST /evaluations/{id}/votes`: one vote for an item or a group. */
export interface CastVote {
  readonly type: "castVote";
  readonly target: string;
}

/** `POST /evaluations/{id}/items/{itemId}/action`: an improvement lifted to a forum. */
export interface LiftToForum {
  readonly type: "liftToForum";
  readonly target: string;
  readonly owner: string;
  readonly dueOn: IsoDate;
  readonly on: IsoDate;
}

export type EvaluationCommand =
  | CreateEvaluation
  | AddItem
  | ChangePhase
  | CreateGroup
  | MoveToGroup
  | CastVote
  | LiftToForum;
