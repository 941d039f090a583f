import { type Scope, writesInForum, writesInForums } from "@samsyn/domain";
import { and, eq, sql } from "drizzle-orm";
import type {
  AuditAction,
  AuditDetails,
  AuditEntry,
  AuditObjectType,
  AuditOutcome,
} from "../../audit";
import type { Db } from "../../client";
import { isUuid } from "../../queries/agreements/views";
import { visibleForum } from "../../queries/forums/forums";
import { type ForumView, type MeetingSummary, meetingSummary } from "../../queries/forums/views";
import type { QueryError } from "../../queries/result";
import { selectRows } from "../../queries/rows";
import { forumMeetings } from "../../schema";

/**
 * The forum a write is about, when the caller may write in it. A role that writes in no forum is
 * refused before anything is read (403); a forum out of the caller's sight answers as absent
 * (404), so that a refusal does not tell it exists.
 */
export async function writableForum(
  db: Db,
  scope: Scope,
  forumId: string,
): Promise<ForumView | Extract<QueryError, "forbidden" | "not_found">> {
  if (!writesInForums(scope)) return "forbidden";
  const forum = await visibleForum(db, scope, forumId);
  if (forum === undefined) return "not_found";
  return writesInForum(scope, forum.members) ? forum : "forbidden";
}

/**
 * The meeting of `forum`, locked for the rest of the transaction: writers to one meeting take
 * turns, so each sees the status and the positions the one before it left.
 */
export async function lockMeeting(
  db: Db,
  forum: ForumView,
  meetingId: string,
): Promise<MeetingSummary | undefined> {
  if (!isUuid(meetingId)) return undefined;
  const [row] = await db
    .select()
    .from(forumMeetings)
    .where(and(eq(forumMeetings.id, meetingId), eq(forumMeetings.forumId, forum.id)))
    .for("update");
  return row === undefined ? undefined : meetingSummary(row);
}

/** The forum and the locked meeting a protocol write is about, or why not. */
export async function writableMeeting(
  db: Db,
  scope: Scope,
  forumId: string,
  meetingId: string,
): Promise<
  | { readonly forum: ForumView; readonly meeting: MeetingSummary }
  | Extract<QueryError, "forbidden" | "not_found">
> {
  const forum = await writableForum(db, scope, forumId);
  if (typeof forum === "string") return forum;
  const meeting = await lockMeeting(db, forum, meetingId);
  return meeting === undefined ? "not_found" : { forum, meeting };
}

/** The next position in a meeting's agenda or decisions: after the last, from 1. */
export async function nextPosition(
  db: Db,
  table: "forum_agenda_items" | "forum_decisions",
  meetingId: string,
): Promise<number> {
  const [row] = await selectRows<{ next: number }>(
    db,
    sql`SELECT coalesce(max(position), 0)::int + 1 AS next FROM ${sql.identifier(table)}
        WHERE meeting_id = ${meetingId}`,
  );
  return row?.next ?? 1;
}

/**
 * The audit row of a forum write. The ids a caller put in the path are kept only when they can
 * name a row: anything else is text the caller chose, and the trail holds no free text.
 */
export function forumAudit(
  action: AuditAction,
  objectType: AuditObjectType,
  path: Readonly<Record<string, string>>,
  extra: AuditDetails = {},
) {
  const details: AuditDetails = {
    ...Object.fromEntries(Object.entries(path).map(([name, id]) => [name, isUuid(id) ? id : null])),
    ...extra,
  };
  return (outcome: AuditOutcome, objectId: string | null = null): AuditEntry => ({
    action,
    objectType,
    objectId: objectId !== null && isUuid(objectId) ? objectId : null,
    outcome,
    details,
  });
}
