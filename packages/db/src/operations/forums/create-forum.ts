import { type CreateForum, decideForum, mayCreateForums, type Scope } from "@samsyn/domain";
import { type AuditContext, audited } from "../../audit";
import type { Db } from "../../client";
import { type ForumView, forumView } from "../../queries/forums/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { forums } from "../../schema";
import { loadOrganisationCodes } from "../organisation-codes";
import { auditOutcomes } from "../refusal";
import { forumRefusal } from "./refusal";
import { forumAudit } from "./state";

export type NewForum = Omit<CreateForum, "type">;

/**
 * `POST /forums` (lan and admin): a forum of at least two known member organisations, chaired by
 * one of them. Audited as `forum.create`, refusals too, in the transaction that writes it.
 */
export function createForum(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  input: NewForum,
): Promise<Result<ForumView>> {
  const entry = forumAudit("forum.create", "forum", {});
  return audited(db, ctx, async (tx) => {
    if (!mayCreateForums(scope)) return { result: refuse("forbidden"), audit: entry("denied") };
    const screened = screenFields({ name: input.name });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const decision = decideForum(
      { type: "createForum", ...input },
      { organisations: await loadOrganisationCodes(tx) },
    );
    if (!decision.ok) {
      const refusal = forumRefusal<ForumView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change?.type !== "forumCreated") throw new Error("decide created no forum");
    const [row] = await tx
      .insert(forums)
      .values({ ...change.forum, members: [...change.forum.members] })
      .returning();
    if (row === undefined) throw new Error("insert returned no forum");
    return { result: ok(forumView(row)), audit: entry("ok", row.id) };
  });
}
