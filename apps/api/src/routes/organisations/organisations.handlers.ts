import { createUnit, listOrganisations, listUnits } from "@samsyn/db";
import { auditOf, orRefuse } from "../../lib/respond";
import { createRouter, readDatabase } from "../../lib/router";
import { createUnitRoute, listOrganisationsRoute, listUnitsRoute } from "./organisations.routes";

export function organisationRoutes() {
  return createRouter()
    .openapi(listOrganisationsRoute, async (c) => {
      const database = readDatabase(c);
      const items = await listOrganisations(database.db, c.get("scope"));
      return c.json({ items: [...items] }, 200);
    })
    .openapi(listUnitsRoute, async (c) => {
      const database = readDatabase(c);
      const items = await listUnits(database.db, c.get("scope"));
      return c.json({ items: [...items] }, 200);
    })
    .openapi(createUnitRoute, async (c) => {
      const { database } = c.get("deps");
      const unit = orRefuse(
        await createUnit(database.db, c.get("scope"), auditOf(c), c.req.valid("json")),
      );
      return c.json(unit, 201);
    });
}
