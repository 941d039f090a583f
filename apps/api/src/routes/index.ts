import type { createRouter } from "../lib/router";
import { registerHealthRoutes } from "./health/health.handlers";

/** Every resource's routes, registered on the /api/v1 router. One line per resource. */
export function registerRoutes(api: ReturnType<typeof createRouter>) {
  registerHealthRoutes(api);
  return api;
}
