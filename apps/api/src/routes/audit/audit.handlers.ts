import { type AuditDetails, exportAuditLogCsv, listAuditLog } from "@samsyn/db";
import { auditOf, orRefuse, withoutUndefined } from "../../lib/respond";
import { createRouter } from "../../lib/router";
import { exportAuditRoute, listAuditRoute } from "./audit.routes";

export function auditRoutes() {
  return createRouter()
    .openapi(listAuditRoute, async (c) => {
      const { database } = c.get("deps");
      const page = orRefuse(
        await listAuditLog(
          database.db,
          c.get("scope"),
          auditOf(c),
          withoutUndefined(c.req.valid("query")),
        ),
      );
      return c.json(
        {
          items: page.items.map(({ scopeOrgs: _s, details, ...entry }) => ({
            ...entry,
            details: details === null ? null : plainDetails(details),
          })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    })
    .openapi(exportAuditRoute, async (c) => {
      const { database } = c.get("deps");
      const lines = orRefuse(
        await exportAuditLogCsv(
          database.db,
          c.get("scope"),
          auditOf(c),
          withoutUndefined(c.req.valid("query")),
        ),
      );
      return new Response(utf8Stream(lines), {
        status: 200,
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="samsyn-granskningslogg.csv"`,
        },
      });
    });
}

/** The stored details with mutable arrays, as the JSON response type wants them. */
function plainDetails(details: AuditDetails) {
  return Object.fromEntries(
    Object.entries(details).map(([name, value]) => [
      name,
      Array.isArray(value) ? [...value] : (value as string | number | boolean | null),
    ]),
  );
}

/** Streams the lines as they are read from the database: a long log never sits in memory. */
function utf8Stream(lines: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = lines[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}
