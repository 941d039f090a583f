import { type AgendaSignal, decideForum, type Scope } from "@samsyn/domain";
import { type AuditContext, audited } from "../../audit";
import type { Db } from "../../client";
import { type AgendaItemView, agendaItemView } from "../../queries/forums/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { forumAgendaItems } from "../../schema";
import { auditOutcomes } from "../refusal";
import { forumRefusal } from "./refusal";
import { forumAudit, nextPosition, writableMeeting } from "./state";

export interface NewAgendaItem {
  readonly title: string;
  readonly signal?: AgendaSignal | null;
}

/**
 * `POST /forums/{id}/meetings/{mid}/agenda`: an item after the last, by hand or picked from a
 * suggested-agenda signal; 409 once the protocol is justerat. Audited as
 * `forum_agenda_item.create`.
 */
export function addAgendaItem(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  forumId: string,
  meetingId: string,
  input: NewAgendaItem,
): Promise<Result<AgendaItemView>> {
  const entry = forumAudit("forum_agenda_item.create", "forum_agenda_item", {
    forum: forumId,
    meeting: meetingId,
  });
  return audited(db, ctx, async (tx) => {
    const found = await writableMeeting(tx, scope, forumId, meetingId);
    if (found === "forbidden") return { result: refuse("forbidden"), audit: entry("denied") };
    if (found === "not_found") return { result: refuse("not_found"), audit: entry("not_found") };
    const screened = screenFields({ title: input.title, "signal.ref": input.signal?.ref });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const decision = decideForum(
      { type: "addAgendaItem", title: input.title, signal: input.signal ?? null },
      { organisations: new Set(), forum: found.forum, meeting: found.meeting },
    );
    if (!decision.ok) {
      const refusal = forumRefusal<AgendaItemView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "agendaItemAdded") throw new Error("decide added no agenda item");
    const [row] = await tx
      .insert(forumAgendaItems)
      .values({
        meetingId: found.meeting.id,
        position: await nextPosition(tx, "forum_agenda_items", found.meeting.id),
        title: change.item.title,
        signalKind: change.item.signal?.kind ?? null,
        signalRef: change.item.signal?.ref ?? null,
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no agenda item");
    return { result: ok(agendaItemView(row)), audit: entry("ok", row.id) };
  });
}
