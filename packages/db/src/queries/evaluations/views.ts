import {
  type EvaluationItemKind,
  type EvaluationPhase,
  type EvaluationRecord,
  groupKind,
  visibleVotes,
  votesLeft,
} from "@samsyn/domain";
import type { evaluationGroups, evaluationItems, evaluations } from "../../schema";

/** How a session's rows read in the API (SPEC "Utvärdering"); the writes answer alike. */
export interface EvaluationSummary extends EvaluationRecord {
  readonly id: string;
  readonly phaseStartedAt: string;
  readonly createdAt: string;
}

export type EvaluationRow = typeof evaluations.$inferSelect;

export function evaluationSummary(row: EvaluationRow): EvaluationSummary {
  return {
    id: row.id,
    title: row.title,
    organisations: row.organisations,
    from: row.from,
    to: row.to,
    process: row.process,
    steps: row.steps,
    anonymous: row.anonymous,
    votesPerParticipant: row.votesPerParticipant,
    phase: row.phase,
    phaseStartedAt: row.phaseStartedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The forum action an item or group was lifted to, as the board shows it. */
export interface LiftedAction {
  readonly id: string;
  readonly status: "open" | "done" | "cancelled";
}

export interface ItemView {
  readonly id: string;
  readonly kind: EvaluationItemKind;
  readonly text: string;
  readonly theme: string;
  readonly step: number | null;
  /** The author's subject; null in an anonymous session, where it is stored nowhere. */
  readonly author: string | null;
  readonly groupId: string | null;
  /** Null until the discuss phase: seen early, votes pile on. */
  readonly votes: number | null;
  readonly action: LiftedAction | null;
  readonly createdAt: string;
}

export function itemView(
  row: typeof evaluationItems.$inferSelect,
  phase: EvaluationPhase,
  votes = 0,
  action: LiftedAction | null = null,
): ItemView {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    theme: row.theme,
    step: row.step ?? null,
    author: row.author ?? null,
    groupId: row.groupId ?? null,
    votes: visibleVotes(phase, votes),
    action,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface GroupView {
  readonly id: string;
  readonly title: string;
  /** An improvement when any of its items is one: only those can be lifted. */
  readonly kind: EvaluationItemKind;
  readonly items: readonly string[];
  readonly votes: number | null;
  readonly action: LiftedAction | null;
}

export function groupView(
  row: typeof evaluationGroups.$inferSelect,
  items: readonly { readonly id: string; readonly kind: EvaluationItemKind }[],
  phase: EvaluationPhase,
  votes = 0,
  action: LiftedAction | null = null,
): GroupView {
  return {
    id: row.id,
    title: row.title,
    kind: groupKind(items.map((i) => i.kind)),
    items: items.map((i) => i.id),
    votes: visibleVotes(phase, votes),
    action,
  };
}

/** An action lifted from an earlier session of the same organisations. */
export interface PreviousAction {
  readonly id: string;
  readonly title: string;
  readonly status: "open" | "done" | "cancelled";
  readonly dueOn: string;
  readonly evaluationId: string;
}

export interface BoardView extends EvaluationSummary {
  readonly items: readonly ItemView[];
  readonly groups: readonly GroupView[];
  /** The caller's own votes left: everyone sees only their own. */
  readonly myVotesLeft: number;
  readonly previousActions: readonly PreviousAction[];
}

export function myVotesLeft(row: EvaluationRow, cast: number): number {
  return votesLeft(row.votesPerParticipant, cast);
}
