import { appendCaseEvent, createCase, getCase, listCases } from "@samsyn/db";
import { auditOf, orRefuse, withoutUndefined } from "../../lib/respond";
import { createRouter } from "../../lib/router";
import { appendEventRoute, createCaseRoute, getCaseRoute, listCasesRoute } from "./cases.routes";

/**
 * Case-level data: reads are query functions, writes are operations (decide, write, audit in one
 * transaction); both enforce role and scope and audit every call.
 */
export function caseRoutes() {
  return createRouter()
    .openapi(listCasesRoute, async (c) => {
      const { database } = c.get("deps");
      const { stuck, ...query } = c.req.valid("query");
      const page = orRefuse(
        await listCases(database.db, c.get("scope"), auditOf(c), {
          ...withoutUndefined(query),
          stuck: stuck === "true",
        }),
      );
      return c.json({ items: [...page.items], total: page.total }, 200);
    })
    .openapi(getCaseRoute, async (c) => {
      const { database } = c.get("deps");
      const found = orRefuse(
        await getCase(database.db, c.get("scope"), auditOf(c), c.req.valid("param").id),
      );
      return c.json({ ...found, events: [...found.events] }, 200);
    })
    .openapi(createCaseRoute, async (c) => {
      const { database, secret } = c.get("deps");
      const body = c.req.valid("json");
      const created = orRefuse(
        await createCase(database.db, c.get("scope"), auditOf(c), body, secret),
      );
      return c.json(created, 201);
    })
    .openapi(appendEventRoute, async (c) => {
      const { database } = c.get("deps");
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const recorded = orRefuse(
        await appendCaseEvent(database.db, c.get("scope"), auditOf(c), id, withoutUndefined(body)),
      );
      return c.json(recorded, 201);
    });
}
