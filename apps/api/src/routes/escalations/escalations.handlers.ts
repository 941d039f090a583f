import {
  type EscalationView,
  getEscalation,
  liftEscalation,
  listEscalations,
  type NewEscalation,
  raiseEscalation,
  resolveEscalation,
} from "@samsyn/db";
import type { EscalationLevel } from "@samsyn/domain";
import { auditOf, orRefuse, withoutUndefined } from "../../lib/respond";
import { createRouter } from "../../lib/router";
import { escalationMetricRoutes } from "./escalation-metric.handlers";
import {
  getEscalationRoute,
  liftEscalationRoute,
  listEscalationsRoute,
  raiseEscalationRoute,
  resolveEscalationRoute,
} from "./escalations.routes";

/**
 * Eskalering (SPEC "Acting on the figures — the API contract", part Eskalering). The operations
 * in db decide, screen, scope and audit; these handlers only translate.
 */
export function escalationRoutes() {
  return createRouter()
    .route("/", escalationMetricRoutes())
    .openapi(listEscalationsRoute, async (c) => {
      const { database } = c.get("deps");
      const { status, level } = c.req.valid("query");
      const items = orRefuse(
        await listEscalations(database.db, c.get("scope"), auditOf(c), {
          ...(status === undefined ? {} : { status }),
          ...(level === undefined ? {} : { level: level as EscalationLevel }),
        }),
      );
      return c.json({ items: items.map(plain) }, 200);
    })
    .openapi(getEscalationRoute, async (c) => {
      const { database } = c.get("deps");
      const found = orRefuse(
        await getEscalation(database.db, c.get("scope"), auditOf(c), c.req.valid("param").id),
      );
      return c.json(plain(found), 200);
    })
    .openapi(raiseEscalationRoute, async (c) => {
      const { database } = c.get("deps");
      const body = c.req.valid("json");
      const about: NewEscalation["about"] =
        body.about.kind === "case"
          ? { kind: "case", caseId: caseIdOf(body.about.caseId) }
          : withoutUndefined(body.about);
      const raised = orRefuse(
        await raiseEscalation(database.db, c.get("scope"), auditOf(c), { ...body, about }),
      );
      return c.json(plain(raised), 201);
    })
    .openapi(liftEscalationRoute, async (c) => {
      const { database } = c.get("deps");
      const lifted = orRefuse(
        await liftEscalation(
          database.db,
          c.get("scope"),
          auditOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
      );
      return c.json(plain(lifted), 200);
    })
    .openapi(resolveEscalationRoute, async (c) => {
      const { database } = c.get("deps");
      const resolved = orRefuse(
        await resolveEscalation(
          database.db,
          c.get("scope"),
          auditOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
      );
      return c.json(plain(resolved), 200);
    });
}

/**
 * Case ids are integers here (SPEC says UUIDs): an integer, or a string of its digits. Any other
 * string names no case; 0 is no case's id, so the operation answers it as absent (404), as it
 * answers a case out of scope.
 */
function caseIdOf(value: number | string): number {
  if (typeof value === "number") return value;
  return /^\d{1,10}$/.test(value) ? Number(value) : 0;
}

/** The readonly arrays of the domain's types as the plain arrays the response schema declares. */
function plain(e: EscalationView) {
  return {
    ...e,
    organisations: [...e.organisations],
    lifts: e.lifts.map((lift) => ({ ...lift })),
  };
}
