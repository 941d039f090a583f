import {
  type ActionStatus,
  followUpOf,
  type Scope,
  seesAllForums,
  seesForum,
} from "@samsyn/domain";
import { and, arrayOverlaps, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../client";
import {
  forumActions,
  forumAgendaItems,
  forumDecisions,
  forumMeetings,
  forums,
} from "../../schema";
import { isUuid } from "../agreements/views";
import { ok, type Result, refuse } from "../result";
import {
  type ActionView,
  actionView,
  agendaItemView,
  decisionView,
  type ForumView,
  forumView,
  type MeetingDetail,
  type MeetingSummary,
  meetingSummary,
} from "./views";

/**
 * `GET /forums`: lan and admin see every forum; ledning and samordnare the forums one of their
 * organisations is a member of. By name.
 */
export async function listForums(db: Db, scope: Scope): Promise<ForumView[]> {
  let condition: SQL | undefined;
  if (!seesAllForums(scope)) {
    if (scope.orgs.length === 0) return [];
    condition = arrayOverlaps(forums.members, [...scope.orgs] as never);
  }
  const rows = await db
    .select()
    .from(forums)
    .where(condition)
    .orderBy(asc(forums.name), asc(forums.id));
  return rows.map(forumView);
}

/** The forum if the caller sees it; undefined for an id that names nothing they may see. */
export async function visibleForum(
  db: Db,
  scope: Scope,
  id: string,
): Promise<ForumView | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(forums).where(eq(forums.id, id));
  return row === undefined || !seesForum(scope, row.members) ? undefined : forumView(row);
}

/** `GET /forums/{id}`: 404 out of the caller's sight. */
export async function getForum(db: Db, scope: Scope, id: string): Promise<Result<ForumView>> {
  const forum = await visibleForum(db, scope, id);
  return forum === undefined ? refuse("not_found") : ok(forum);
}

/** `GET /forums/{id}/meetings`: the forum's meetings by date, oldest first. */
export async function listMeetings(
  db: Db,
  scope: Scope,
  forumId: string,
): Promise<Result<MeetingSummary[]>> {
  const forum = await visibleForum(db, scope, forumId);
  if (forum === undefined) return refuse("not_found");
  return ok(await meetingsOf(db, forum.id));
}

async function meetingsOf(db: Db, forumId: string): Promise<MeetingSummary[]> {
  const rows = await db
    .select()
    .from(forumMeetings)
    .where(eq(forumMeetings.forumId, forumId))
    .orderBy(asc(forumMeetings.date), asc(forumMeetings.createdAt), asc(forumMeetings.id));
  return rows.map(meetingSummary);
}

export interface ForumWithMeetings extends ForumView {
  readonly meetings: readonly MeetingSummary[];
}

/**
 * The forum with its members and its meetings by date: what the suggested agenda needs to know
 * which organisations to look at and since when. 404 out of the caller's sight.
 */
export async function getForumWithMeetings(
  db: Db,
  scope: Scope,
  forumId: string,
): Promise<Result<ForumWithMeetings>> {
  const forum = await visibleForum(db, scope, forumId);
  if (forum === undefined) return refuse("not_found");
  return ok({ ...forum, meetings: await meetingsOf(db, forum.id) });
}

/** `GET /forums/{id}/meetings/{mid}`: the meeting whole; 404 for one of another forum. */
export async function getMeeting(
  db: Db,
  scope: Scope,
  forumId: string,
  meetingId: string,
): Promise<Result<MeetingDetail>> {
  const forum = await visibleForum(db, scope, forumId);
  if (forum === undefined || !isUuid(meetingId)) return refuse("not_found");
  const [row] = await db
    .select()
    .from(forumMeetings)
    .where(and(eq(forumMeetings.id, meetingId), eq(forumMeetings.forumId, forum.id)));
  if (row === undefined) return refuse("not_found");
  return ok(await meetingDetail(db, meetingSummary(row)));
}

/** A meeting's agenda and decisions in order, its actions, and the earlier ones it follows up. */
export async function meetingDetail(db: Db, meeting: MeetingSummary): Promise<MeetingDetail> {
  const agenda = await db
    .select()
    .from(forumAgendaItems)
    .where(eq(forumAgendaItems.meetingId, meeting.id))
    .orderBy(asc(forumAgendaItems.position));
  const decisions = await db
    .select()
    .from(forumDecisions)
    .where(eq(forumDecisions.meetingId, meeting.id))
    .orderBy(asc(forumDecisions.position));
  const actions = await actionsOf(db, meeting.forumId);
  return {
    ...meeting,
    agenda: agenda.map(agendaItemView),
    decisions: decisions.map(decisionView),
    actions: actions.filter(
      (a) => a.source.kind === "meeting" && a.source.meetingId === meeting.id,
    ),
    followUp: followUpOf(meeting.date, actions),
  };
}

/**
 * `GET /forums/{id}/actions`: the forum's actions with their status, dates and links, by due
 * date — also what the suggested agenda and "did it work" read. 404 out of the caller's sight.
 */
export async function listForumActions(
  db: Db,
  scope: Scope,
  forumId: string,
  filter: { readonly status?: readonly ActionStatus[] } = {},
): Promise<Result<ActionView[]>> {
  const forum = await visibleForum(db, scope, forumId);
  if (forum === undefined) return refuse("not_found");
  return ok(await actionsOf(db, forum.id, filter.status));
}

export async function actionsOf(
  db: Db,
  forumId: string,
  status?: readonly ActionStatus[],
): Promise<ActionView[]> {
  const rows = await db
    .select()
    .from(forumActions)
    .where(
      and(
        eq(forumActions.forumId, forumId),
        status?.length ? inArray(forumActions.status, [...status]) : undefined,
      ),
    )
    .orderBy(asc(forumActions.dueOn), asc(forumActions.decidedOn), asc(forumActions.createdAt));
  return rows.map(actionView);
}
