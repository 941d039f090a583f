import { listUnits, loadCatalogueView } from "@samsyn/db";
import { ageGroupLabels, ageGroups, principalTypeLabels, principalTypes } from "@samsyn/domain";
import { createRouter } from "../../lib/router";
import { cataloguesRoute } from "./catalogues.routes";

export function catalogueRoutes() {
  return createRouter().openapi(cataloguesRoute, async (c) => {
    const { database } = c.get("deps");
    const { locale } = c.req.valid("query");
    const [view, units] = await Promise.all([
      loadCatalogueView(database.db, locale),
      listUnits(database.db, c.get("scope")),
    ]);
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
        units: [...units],
      },
      200,
    );
  });
}
