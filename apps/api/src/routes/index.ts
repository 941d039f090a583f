import { createRouter } from "../lib/router";
import { agreementRoutes } from "./agreements/agreements.handlers";
import { agreementIndicatorRoutes } from "./agreements/indicators.handlers";
import { auditRoutes } from "./audit/audit.handlers";
import { caseRoutes } from "./cases/cases.handlers";
import { catalogueRoutes } from "./catalogues/catalogues.handlers";
import { escalationRoutes } from "./escalations/escalations.handlers";
import { evaluationRoutes } from "./evaluations/evaluations.handlers";
import { evaluationEventRoutes } from "./evaluations/events.handlers";
import { forumAgendaRoutes } from "./forums/agenda.handlers";
import { forumRoutes } from "./forums/forums.handlers";
import { healthRoutes } from "./health/health.handlers";
import { importRoutes } from "./imports/imports.handlers";
import { meRoutes } from "./me/me.handlers";
import { metricRoutes } from "./metrics/metrics.handlers";
import { organisationRoutes } from "./organisations/organisations.handlers";

/**
 * Every resource's routes, for the /api/v1 router. One line per resource, chained: each
 * `.route()` adds the resource's route types, which is how `AppType` (and so the dashboard's
 * hono/client) knows every path, parameter and answer.
 */
export function apiRoutes() {
  return createRouter()
    .route("/", healthRoutes())
    .route("/", meRoutes())
    .route("/", organisationRoutes())
    .route("/", caseRoutes())
    .route("/", auditRoutes())
    .route("/", catalogueRoutes())
    .route("/", metricRoutes())
    .route("/", importRoutes())
    .route("/", agreementRoutes())
    .route("/", agreementIndicatorRoutes())
    .route("/", forumRoutes())
    .route("/", forumAgendaRoutes())
    .route("/", escalationRoutes())
    .route("/", evaluationRoutes())
    .route("/", evaluationEventRoutes());
}
