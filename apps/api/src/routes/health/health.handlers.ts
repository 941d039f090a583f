import { countSummary } from "@samsyn/db";
import { DEFAULT_K, suppressCount } from "@samsyn/domain";
import { createRouter } from "../../lib/router";
import { healthRoute } from "./health.routes";

export function healthRoutes() {
  return createRouter().openapi(healthRoute, async (c) => {
    const { database } = c.get("deps");
    const counts = await countSummary(database.db);
    // Health needs no token, so its case count obeys the same rule as every other count.
    const cases = suppressCount(counts.cases, c.get("deps").k ?? DEFAULT_K);
    return c.json(
      { status: "ok" as const, database: database.kind, counts: { ...counts, cases } },
      200,
    );
  });
}
