import type { Database } from "@samsyn/db";
import { t } from "@samsyn/domain";
import { errorBody } from "../../errors";
import { isDatabaseUnavailable, retryAfterSeconds } from "../../lib/error-handler";
import { createRouter } from "../../lib/router";
import { healthRoute } from "./health.routes";

/**
 * Longest wait for the database's answer. Health is what a load balancer and a person ask first
 * when something is wrong, so it must answer even when a query would queue behind a full pool.
 */
export const healthDeadlineMs = 2_000;

export function healthRoutes() {
  return createRouter().openapi(healthRoute, async (c) => {
    const { database, readDatabase } = c.get("deps");
    const kind = database.kind;
    // Asked side by side: a replica that hangs must not add its deadline to the primary's.
    const [primaryAnswers, replica] = await Promise.all([
      answers(database),
      readDatabase === undefined
        ? undefined
        : answers(readDatabase).then((ok) => (ok ? ("ok" as const) : ("unavailable" as const))),
    ]);
    const readReplica = replica === undefined ? {} : { readReplica: replica };
    if (primaryAnswers)
      return c.json({ status: "ok" as const, database: kind, ...readReplica }, 200);
    c.header("Retry-After", retryAfterSeconds);
    const body = errorBody("database_unavailable", t("error.database_unavailable"));
    return c.json({ status: "unavailable" as const, database: kind, ...readReplica, ...body }, 503);
  });
}

/** True when the database answers a trivial query before the deadline. */
async function answers(database: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, healthDeadlineMs, false);
  });
  const ping = selectOne(database).then(
    () => true,
    (error: unknown) => {
      if (isDatabaseUnavailable(error)) return false;
      throw error;
    },
  );
  try {
    return await Promise.race([ping, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function selectOne(database: Database): Promise<unknown> {
  return database.kind === "postgres"
    ? database.client.unsafe("SELECT 1")
    : database.client.query("SELECT 1");
}
