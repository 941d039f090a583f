import { type FollowUpReport, followUpReport, type IsoDate, type Scope } from "@samsyn/domain";
import type { Db } from "../../client";
import { ok, type Result, refuse } from "../result";
import { actionsOf, visibleForum } from "./forums";

/**
 * `GET /forums/{id}/follow-up`: the forum's actions created, done and overdue per quarter, with
 * its completion rate and median days to done (domain `followUpReport`). Exact counts: actions
 * are not people. 404 out of the caller's sight.
 */
export async function forumFollowUp(
  db: Db,
  scope: Scope,
  forumId: string,
  period: { readonly from: IsoDate; readonly to: IsoDate },
  today: IsoDate,
): Promise<Result<FollowUpReport>> {
  const forum = await visibleForum(db, scope, forumId);
  if (forum === undefined) return refuse("not_found");
  return ok(followUpReport(await actionsOf(db, forum.id), period, today));
}
