import {
  type ActionLink,
  decideForum,
  type IsoDate,
  type OrganisationCode,
  type Scope,
} from "@samsyn/domain";
import { eq } from "drizzle-orm";
import { type AuditContext, audited } from "../../audit";
import type { Db } from "../../client";
import { isUuid } from "../../queries/agreements/views";
import { type ActionView, actionView } from "../../queries/forums/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { agreementIndicators, forumActions } from "../../schema";
import { loadOrganisationCodes } from "../organisation-codes";
import { auditOutcomes } from "../refusal";
import { forumRefusal } from "./refusal";
import { forumAudit, writableMeeting } from "./state";

export interface NewAction {
  readonly title: string;
  readonly owner: OrganisationCode;
  readonly dueOn: IsoDate;
  /** A metric link's parameters are checked by the caller, as an indicator's are. */
  readonly link?: ActionLink | null;
}

/**
 * `POST /forums/{id}/meetings/{mid}/actions`: an open action decided on the meeting's date,
 * owned by a member organisation, optionally linked to the figure it is meant to move; 409 once
 * the protocol is justerat. Audited as `forum_action.create`.
 */
export function addAction(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  forumId: string,
  meetingId: string,
  input: NewAction,
): Promise<Result<ActionView>> {
  const entry = forumAudit("forum_action.create", "forum_action", {
    forum: forumId,
    meeting: meetingId,
  });
  return audited(db, ctx, async (tx) => {
    const found = await writableMeeting(tx, scope, forumId, meetingId);
    if (found === "forbidden") return { result: refuse("forbidden"), audit: entry("denied") };
    if (found === "not_found") return { result: refuse("not_found"), audit: entry("not_found") };
    const screened = screenFields({ title: input.title });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const link = input.link ?? null;
    const decision = decideForum(
      { type: "addAction", title: input.title, owner: input.owner, dueOn: input.dueOn, link },
      {
        organisations: await loadOrganisationCodes(tx),
        forum: found.forum,
        meeting: found.meeting,
        indicatorExists:
          link?.kind === "indicator" && (await indicatorExists(tx, link.indicatorId)),
      },
    );
    if (!decision.ok) {
      const refusal = forumRefusal<ActionView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "actionAdded") throw new Error("decide added no action");
    const [row] = await tx
      .insert(forumActions)
      .values({
        forumId: found.forum.id,
        meetingId: found.meeting.id,
        sourceKind: "meeting",
        ...change.action,
        status: "open",
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no action");
    return { result: ok(actionView(row)), audit: entry("ok", row.id) };
  });
}

async function indicatorExists(db: Db, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const [row] = await db
    .select({ id: agreementIndicators.id })
    .from(agreementIndicators)
    .where(eq(agreementIndicators.id, id));
  return row !== undefined;
}
