import { loadCatalogueView } from "@samsyn/db";
import { ageGroupLabels, ageGroups, principalTypeLabels, principalTypes } from "@samsyn/domain";
import { createRouter, readDatabase } from "../../lib/router";
import { cataloguesRoute } from "./catalogues.routes";

export function catalogueRoutes() {
  return createRouter().openapi(cataloguesRoute, async (c) => {
    const database = readDatabase(c);
    const { locale } = c.req.valid("query");
    const view = await loadCatalogueView(database.db, locale);
    return c.json(
      {
        processes: view.processes.map((p) => ({ ...p, steps: [...p.steps] })),
        targetGroups: [...view.targetGroups],
        principalTypes: principalTypes.map((code) => ({
          code,
          name: principalTypeLabels[code][locale],
        })),
        ageGroups: ageGroups.map((code) => ({ code, name: ageGroupLabels[code][locale] })),
        municipalities: [...view.municipalities],
        units: [...view.units],
      },
      200,
    );
  });
}
