import { containsIdentifier, t } from "@samsyn/domain";
import { createToken } from "../../auth/tokens";
import { ApiError } from "../../errors";
import { createRouter } from "../../lib/router";
import { devSignInRoute } from "./dev.routes";

/** The request path of the dev sign-in: besides health, the one route that needs no token. */
export const devSignInPath = "/api/v1/dev/sign-in";

/**
 * Registered only in dev mode. It needs no token because it is how a dev user gets one. That is
 * acceptable only because dev mode refuses to run in production and anyone who can reach a dev
 * installation could as well run `samsyn token` on it.
 */
export function devRoutes() {
  return createRouter().openapi(devSignInRoute, async (c) => {
    const { role, orgs, sub } = c.req.valid("json");
    // The subject is free text that ends up in logs and audit rows (SPEC "Privacy").
    if (sub !== undefined && containsIdentifier(sub)) {
      const details = [{ path: "sub", message: t("auth.sub_invalid") }];
      throw new ApiError("identifier_rejected", t("auth.sub_invalid"), details);
    }
    const token = await createToken(c.get("deps").secret, {
      sub: sub ?? `dev-${role}`,
      role,
      orgs,
    });
    return c.json({ token }, 200);
  });
}
