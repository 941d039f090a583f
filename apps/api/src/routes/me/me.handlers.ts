import type { Router } from "../../lib/router";
import { meRoute } from "./me.routes";

export function registerMeRoutes(api: Router) {
  return api.openapi(meRoute, (c) => {
    const { sub, role, orgs } = c.get("scope");
    return c.json({ sub, role, orgs: [...orgs] }, 200);
  });
}
