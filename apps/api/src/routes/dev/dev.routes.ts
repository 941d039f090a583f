import { createRoute, z } from "@hono/zod-openapi";
import { organisationCode, roles, t } from "@samsyn/domain";
import { needsOrganisations } from "../../auth/claims";
import { jsonBody } from "../../lib/body";
import { errorResponses } from "../schemas";

export const devSignInBody = z
  .strictObject({
    role: z.enum(roles),
    orgs: z
      // zod-to-openapi writes a RegExp with flags as "^…$/u" (its toString without the slashes),
      // which no validator matches; zod's own JSON Schema writes the source, and JSON Schema
      // patterns are ECMA-262 with unicode semantics, so \p{L} keeps its meaning there.
      .array(organisationCode.meta({ pattern: z.toJSONSchema(organisationCode).pattern }))
      .max(1000)
      .openapi({ example: ["K0180"] }),
    sub: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .openapi({ description: "Who to be; default dev-<role>", example: "anna" }),
  })
  .refine((body) => body.orgs.length > 0 || !needsOrganisations(body.role), {
    message: t("auth.orgs_required"),
    path: ["orgs"],
  })
  .openapi("DevSignIn", { example: { role: "samordnare", orgs: ["K0180"], sub: "anna" } });

export const devSignInRoute = createRoute({
  method: "post",
  operationId: "createDevToken",
  path: "/dev/sign-in",
  tags: ["dev"],
  summary: "Development only (AUTH_MODE=dev): a token for any role and organisations",
  description:
    "Exists only when AUTH_MODE=dev, which refuses to start in production. Lets the dashboard " +
    "offer a clearly marked dev sign-in instead of an OIDC redirect. Needs no token.",
  "x-samsyn-development-only": true,
  security: [],
  request: { body: jsonBody(devSignInBody) },
  responses: {
    200: {
      description: "A dev token (HS256, valid for eight hours)",
      content: {
        "application/json": { schema: z.object({ token: z.string() }).openapi("DevToken") },
      },
    },
    ...errorResponses(400, 413, 415, 422),
  },
});
