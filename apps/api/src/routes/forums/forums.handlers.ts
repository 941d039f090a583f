import {
  closeAction,
  createForum,
  forumFollowUp,
  getForum,
  listForumActions,
  listForums,
  type NewForum,
} from "@samsyn/db";
import {
  type ActionStatus,
  daysOverdueOn,
  defaultFollowUpPeriod,
  type IsoDate,
  MAX_FOLLOW_UP_QUARTERS,
  quartersOf,
  stockholmDate,
  t,
} from "@samsyn/domain";
import { ApiError } from "../../errors";
import { auditOf, orRefuse } from "../../lib/respond";
import { createRouter, readDatabase } from "../../lib/router";
import {
  closeActionRoute,
  createForumRoute,
  forumFollowUpRoute,
  getForumRoute,
  listForumActionsRoute,
  listForumsRoute,
} from "./forums.routes";
import { meetingRoutes } from "./meetings.handlers";
import { plainAction, plainForum } from "./plain";

const today = (): IsoDate => stockholmDate(Date.now());

/**
 * Ledningsforum (SPEC "Acting on the figures — the API contract", part Ledningsforum). The
 * operations in db decide, screen and audit; these handlers only translate.
 */
export function forumRoutes() {
  return createRouter()
    .route("/", meetingRoutes())
    .openapi(listForumsRoute, async (c) => {
      const database = readDatabase(c);
      const items = await listForums(database.db, c.get("scope"));
      return c.json({ items: items.map(plainForum) }, 200);
    })
    .openapi(createForumRoute, async (c) => {
      const { database } = c.get("deps");
      const body = c.req.valid("json") as unknown as NewForum;
      const created = orRefuse(await createForum(database.db, c.get("scope"), auditOf(c), body));
      return c.json(plainForum(created), 201);
    })
    .openapi(getForumRoute, async (c) => {
      const { database } = c.get("deps");
      const found = orRefuse(await getForum(database.db, c.get("scope"), c.req.valid("param").id));
      return c.json(plainForum(found), 200);
    })
    .openapi(forumFollowUpRoute, async (c) => {
      const database = readDatabase(c);
      const query = c.req.valid("query");
      const now = today();
      const fallback = defaultFollowUpPeriod(now);
      const period = {
        from: (query.from ?? fallback.from) as IsoDate,
        to: (query.to ?? fallback.to) as IsoDate,
      };
      checkPeriod(period);
      const report = orRefuse(
        await forumFollowUp(database.db, c.get("scope"), c.req.valid("param").id, period, now),
      );
      return c.json({ ...report, quarters: [...report.quarters] }, 200);
    })
    .openapi(listForumActionsRoute, async (c) => {
      const { database } = c.get("deps");
      const status = c.req.valid("query").status;
      const unknown = status.filter((s) => !["open", "done", "cancelled"].includes(s));
      if (unknown.length > 0) {
        throw new ApiError("bad_request", t("error.bad_request"), [
          { path: "status", message: t("error.field.one_of", { values: "open, done, cancelled" }) },
        ]);
      }
      const actions = orRefuse(
        await listForumActions(database.db, c.get("scope"), c.req.valid("param").id, {
          status: status as ActionStatus[],
        }),
      );
      const day = today();
      const items = actions.map((a) => ({ ...plainAction(a), daysOverdue: daysOverdueOn(a, day) }));
      return c.json({ items }, 200);
    })
    .openapi(closeActionRoute, async (c) => {
      const { database } = c.get("deps");
      const { id, aid } = c.req.valid("param");
      const closed = orRefuse(
        await closeAction(database.db, c.get("scope"), auditOf(c), id, aid, c.req.valid("json")),
      );
      return c.json(plainAction(closed), 200);
    });
}

/** A period runs forwards and spans at most MAX_FOLLOW_UP_QUARTERS quarters (400 otherwise). */
function checkPeriod(period: { from: IsoDate; to: IsoDate }): void {
  if (period.from > period.to) {
    throw new ApiError("bad_request", t("error.bad_request"), [
      { path: "from", message: t("forums.invalid.periodOrder") },
    ]);
  }
  if (quartersOf(period.from, period.to).length > MAX_FOLLOW_UP_QUARTERS) {
    throw new ApiError("bad_request", t("error.bad_request"), [
      { path: "from", message: t("forums.invalid.periodTooLong", { max: MAX_FOLLOW_UP_QUARTERS }) },
    ]);
  }
}
