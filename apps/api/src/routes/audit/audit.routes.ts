import { createRoute, z } from "@hono/zod-openapi";
import { roles } from "@samsyn/domain";
import { errorResponses } from "../schemas";

export const auditFilter = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(64).optional(),
  objectType: z.string().max(64).optional(),
  objectId: z.string().max(200).optional(),
  from: z.iso
    .date()
    .optional()
    .openapi({ description: "Inclusive, YYYY-MM-DD (Europe/Stockholm)" }),
  to: z.iso.date().optional().openapi({ description: "Inclusive, YYYY-MM-DD (Europe/Stockholm)" }),
});

const auditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    role: z.enum(roles).or(z.literal("anonymous")),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string().nullable(),
    caseRefHash: z
      .string()
      .nullable()
      .openapi({ description: "hex of the keyed hash, when the row concerns a case" }),
    outcome: z.string(),
    requestId: z.string().nullable(),
    details: z
      .record(
        z.string(),
        z.union([
          z.string(),
          z.number(),
          z.boolean(),
          z.null(),
          z.array(z.string().or(z.number())),
        ]),
      )
      .nullable()
      .openapi({
        description:
          "codes, ids and numbers only: a list's filters, a metric read's status and parameters",
      }),
  })
  .openapi("AuditEntry");

export const listAuditRoute = createRoute({
  method: "get",
  operationId: "listAuditLog",
  path: "/audit-log",
  tags: ["audit"],
  summary: "The audit log, newest first (admin); reading it is itself audited",
  request: {
    query: auditFilter.extend({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      cursor: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: "nextCursor of the previous page" }),
    }),
  },
  responses: {
    200: {
      description: "A page of entries",
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(auditEntry), nextCursor: z.number().int().nullable() })
            .openapi("AuditPage"),
        },
      },
    },
    ...errorResponses(400, 403),
  },
});

export const exportAuditRoute = createRoute({
  method: "get",
  operationId: "exportAuditLog",
  path: "/audit-log/export",
  tags: ["audit"],
  summary: "The filtered audit log as CSV (admin); audited",
  request: { query: auditFilter },
  responses: {
    200: { description: "CSV, UTF-8, RFC 4180", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses(400, 403),
  },
});
