import type { Router } from "../lib/router";
import { registerAuditRoutes } from "./audit/audit.handlers";
import { registerCaseRoutes } from "./cases/cases.handlers";
import { registerCatalogueRoutes } from "./catalogues/catalogues.handlers";
import { registerHealthRoutes } from "./health/health.handlers";
import { registerMeRoutes } from "./me/me.handlers";
import { registerMetricRoutes } from "./metrics/metrics.handlers";
import { registerOrganisationRoutes } from "./organisations/organisations.handlers";

/** Every resource's routes, registered on the /api/v1 router. One line per resource. */
export function registerRoutes(api: Router) {
  registerHealthRoutes(api);
  registerMeRoutes(api);
  registerOrganisationRoutes(api);
  registerCaseRoutes(api);
  registerAuditRoutes(api);
  registerCatalogueRoutes(api);
  registerMetricRoutes(api);
  return api;
}
