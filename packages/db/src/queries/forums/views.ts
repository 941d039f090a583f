import type {
  ActionLink,
  ActionSource,
  AgendaSignal,
  FollowUpItem,
  Forum,
  ForumAction,
  Meeting,
} from "@samsyn/domain";
import type {
  forumActions,
  forumAgendaItems,
  forumDecisions,
  forumMeetings,
  forums,
} from "../../schema";

/**
 * How the forum's rows read in the API (SPEC "Ledningsforum"). Here, beside the reads, because
 * the write operations answer with the same shapes.
 */
export type ForumView = Forum;

export function forumView(row: typeof forums.$inferSelect): ForumView {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    members: row.members,
    chair: row.chair,
  };
}

export type MeetingSummary = Meeting;

export function meetingSummary(row: typeof forumMeetings.$inferSelect): MeetingSummary {
  return {
    id: row.id,
    forumId: row.forumId,
    date: row.date,
    title: row.title ?? null,
    status: row.status,
    participants: row.participants,
    justerare: row.justerare,
  };
}

export interface AgendaItemView {
  readonly id: string;
  readonly meetingId: string;
  readonly position: number;
  readonly title: string;
  /** The suggested-agenda signal it was picked from; null when written by hand. */
  readonly signal: AgendaSignal | null;
}

export function agendaItemView(row: typeof forumAgendaItems.$inferSelect): AgendaItemView {
  return {
    id: row.id,
    meetingId: row.meetingId,
    position: row.position,
    title: row.title,
    signal:
      row.signalKind === null
        ? null
        : { kind: row.signalKind as AgendaSignal["kind"], ref: row.signalRef ?? "" },
  };
}

export interface DecisionView {
  readonly id: string;
  readonly meetingId: string;
  readonly position: number;
  readonly text: string;
}

export function decisionView(row: typeof forumDecisions.$inferSelect): DecisionView {
  return { id: row.id, meetingId: row.meetingId, position: row.position, text: row.text };
}

export type ActionView = ForumAction;

export function actionView(row: typeof forumActions.$inferSelect): ActionView {
  return {
    id: row.id,
    forumId: row.forumId,
    title: row.title,
    owner: row.owner,
    decidedOn: row.decidedOn,
    dueOn: row.dueOn,
    status: row.status,
    closedOn: row.closedOn ?? null,
    link: (row.link as ActionLink | null) ?? null,
    source: sourceOf(row),
  };
}

/**
 * A meeting's action was decided on the meeting's date (`decidedOn` is set from it, and a
 * meeting's date never changes), so the source's date needs no join.
 */
function sourceOf(row: typeof forumActions.$inferSelect): ActionSource {
  if (row.sourceKind === "meeting" && row.meetingId !== null) {
    return { kind: "meeting", meetingId: row.meetingId, date: row.decidedOn };
  }
  return {
    kind: "evaluation",
    evaluationId: row.sourceId ?? "",
    ...(row.sourceItemId === null ? {} : { itemId: row.sourceItemId }),
  };
}

/** A meeting whole: its protocol, the actions it decided and the earlier ones it follows up. */
export interface MeetingDetail extends MeetingSummary {
  readonly agenda: readonly AgendaItemView[];
  readonly decisions: readonly DecisionView[];
  readonly actions: readonly ActionView[];
  readonly followUp: readonly FollowUpItem<ActionView>[];
}
