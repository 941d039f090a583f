import { createRoute, z } from "@hono/zod-openapi";
import { principalTypes } from "@samsyn/domain";
import { errorResponses } from "../schemas";

const organisation = z
  .object({
    code: z.string(),
    name: z.string(),
    principalType: z.enum(principalTypes),
    municipality: z.string().nullable(),
  })
  .openapi("Organisation");

const unit = z
  .object({ code: z.string(), name: z.string(), organisation: z.string() })
  .openapi("Unit", {
    example: { code: "K0180-BEROENDE", name: "Beroendeenheten", organisation: "K0180" },
  });

export const listOrganisationsRoute = createRoute({
  method: "get",
  operationId: "listOrganisations",
  path: "/organisations",
  tags: ["organisations"],
  summary: "The organisations (huvudmän) of the county",
  responses: {
    200: {
      description: "Organisations",
      content: { "application/json": { schema: z.object({ items: z.array(organisation) }) } },
    },
    ...errorResponses(),
  },
});

export const listUnitsRoute = createRoute({
  method: "get",
  operationId: "listUnits",
  path: "/units",
  tags: ["organisations"],
  summary: "Units in the caller's scope (admin and länsgrupp: all)",
  responses: {
    200: {
      description: "Units",
      content: { "application/json": { schema: z.object({ items: z.array(unit) }) } },
    },
    ...errorResponses(),
  },
});

export const createUnitBody = z
  .strictObject({
    code: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    organisation: z.string().min(1).max(64),
  })
  .openapi("NewUnit", {
    example: { code: "K0180-NY", name: "Nya enheten", organisation: "K0180" },
  });

export const createUnitRoute = createRoute({
  method: "post",
  operationId: "createUnit",
  path: "/units",
  tags: ["organisations"],
  summary: "Add a unit to an organisation (admin); audited",
  request: {
    body: { required: true, content: { "application/json": { schema: createUnitBody } } },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: unit } } },
    ...errorResponses(400, 403, 409, 413, 415, 422),
  },
});
