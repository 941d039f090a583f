import { type ChangeMeetingStatus, decideForum, type Scope } from "@samsyn/domain";
import { eq } from "drizzle-orm";
import { type AuditContext, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { meetingDetail } from "../../queries/forums/forums";
import { type MeetingDetail, meetingSummary } from "../../queries/forums/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { forumMeetings } from "../../schema";
import { auditOutcomes } from "../refusal";
import { forumRefusal } from "./refusal";
import { forumAudit, writableMeeting } from "./state";

export type MeetingStatusChange = Omit<ChangeMeetingStatus, "type">;

/**
 * `POST /forums/{id}/meetings/{mid}/status`: planned → held → justerat, one step at a time, with
 * the protocol's participants and justerare (names, screened); any other move 409, and a
 * justerat protocol is locked. Audited as `forum_meeting.status`.
 */
export function changeMeetingStatus(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  forumId: string,
  meetingId: string,
  input: MeetingStatusChange,
  now: Date = new Date(),
): Promise<Result<MeetingDetail>> {
  const audit = forumAudit(
    "forum_meeting.status",
    "forum_meeting",
    { forum: forumId },
    {
      status: input.status,
    },
  );
  const entry = (outcome: AuditOutcome) => audit(outcome, meetingId);
  return audited(db, ctx, async (tx) => {
    const found = await writableMeeting(tx, scope, forumId, meetingId);
    if (found === "forbidden") return { result: refuse("forbidden"), audit: entry("denied") };
    if (found === "not_found") return { result: refuse("not_found"), audit: entry("not_found") };
    const screened = screenFields({
      ...namesOf("participants", input.participants),
      ...namesOf("justerare", input.justerare),
    });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const decision = decideForum(
      { type: "changeMeetingStatus", ...input },
      { organisations: new Set(), forum: found.forum, meeting: found.meeting },
    );
    if (!decision.ok) {
      const refusal = forumRefusal<MeetingDetail>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "meetingStatusChanged") throw new Error("decide changed no status");
    const [row] = await tx
      .update(forumMeetings)
      .set({
        status: change.status,
        participants: [...change.participants],
        justerare: [...change.justerare],
        ...(change.status === "held" ? { heldAt: now } : { justeratAt: now }),
      })
      .where(eq(forumMeetings.id, found.meeting.id))
      .returning();
    if (row === undefined) throw new Error("the locked meeting is gone");
    const changed = await meetingDetail(tx, meetingSummary(row));
    return { result: ok(changed), audit: entry("ok") };
  });
}

/** `participants.0`, `participants.1` …: each name screened on its own, named by its place. */
function namesOf(field: string, names: readonly string[] | undefined): Record<string, string> {
  return Object.fromEntries((names ?? []).map((name, i) => [`${field}.${i}`, name]));
}
