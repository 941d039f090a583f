import { decideForum, type IsoDate, type Scope } from "@samsyn/domain";
import { type AuditContext, audited } from "../../audit";
import type { Db } from "../../client";
import { meetingDetail } from "../../queries/forums/forums";
import { type MeetingDetail, meetingSummary } from "../../queries/forums/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { forumMeetings } from "../../schema";
import { forumAudit, writableForum } from "./state";

export interface NewMeeting {
  readonly date: IsoDate;
  readonly title?: string | null;
}

/**
 * `POST /forums/{id}/meetings` (ledning of a member, lan, admin): a planned meeting, answered
 * whole — with the earlier actions it will follow up. Audited as `forum_meeting.create`.
 */
export function planMeeting(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  forumId: string,
  input: NewMeeting,
): Promise<Result<MeetingDetail>> {
  const entry = forumAudit("forum_meeting.create", "forum_meeting", { forum: forumId });
  return audited(db, ctx, async (tx) => {
    const forum = await writableForum(tx, scope, forumId);
    if (forum === "forbidden") return { result: refuse("forbidden"), audit: entry("denied") };
    if (forum === "not_found") return { result: refuse("not_found"), audit: entry("not_found") };
    const screened = screenFields({ title: input.title ?? undefined });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const decision = decideForum(
      { type: "planMeeting", date: input.date, title: input.title ?? null },
      { organisations: new Set(), forum },
    );
    const [change] = decision.ok ? decision.value : [];
    if (change?.type !== "meetingPlanned") throw new Error("decide planned no meeting");
    const [row] = await tx
      .insert(forumMeetings)
      .values({ forumId: forum.id, ...change.meeting, status: "planned" })
      .returning();
    if (row === undefined) throw new Error("insert returned no meeting");
    const planned = await meetingDetail(tx, meetingSummary(row));
    return { result: ok(planned), audit: entry("ok", row.id) };
  });
}
