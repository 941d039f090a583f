import { createRouter } from "../../lib/router";
import { meRoute } from "./me.routes";

export function meRoutes() {
  return createRouter().openapi(meRoute, (c) => {
    const { sub, role, orgs } = c.get("scope");
    return c.json({ sub, role, orgs: [...orgs] }, 200);
  });
}
