import { createRoute, z } from "@hono/zod-openapi";
import { ageGroups, consentValues, eventTypes } from "@samsyn/domain";
import { errorResponses, paginationQuery } from "../schemas";

const caseId = z.coerce
  .number()
  .int()
  .min(1)
  .openapi({ param: { name: "id", in: "path" }, example: 42 });

const caseSummary = z
  .object({
    id: z.number().int(),
    refHashPrefix: z
      .string()
      .openapi({ description: "The first hex digits of the keyed hash; never the ref" }),
    process: z.string(),
    targetGroup: z.string(),
    ageGroup: z.enum(ageGroups),
    municipality: z.string(),
    openedOn: z.string(),
    initiatingUnit: z.string(),
    leadUnit: z.string().nullable(),
    currentStep: z.number().int().nullable(),
    stepOn: z
      .string()
      .nullable()
      .openapi({ description: "The date (Europe/Stockholm) the case entered its current step" }),
    daysOver: z.number().int().nullable().openapi({
      description:
        "Days beyond the current step's target days as of today; null unless the case is stuck",
    }),
    closed: z.boolean(),
    consent: z.enum(consentValues).nullable(),
  })
  .openapi("CaseSummary");

const caseEvent = z
  .object({
    occurredAt: z.string(),
    type: z.enum(eventTypes),
    step: z.number().int().nullable(),
    unitCode: z.string().nullable(),
    value: z.string().nullable(),
  })
  .openapi("CaseEvent");

export const listCasesRoute = createRoute({
  method: "get",
  operationId: "listCases",
  path: "/cases",
  tags: ["cases"],
  summary: "Pseudonymous cases of the caller's units (samordnare) or all (admin); audited",
  request: {
    query: paginationQuery.extend({
      process: z.string().optional(),
      municipality: z.string().optional(),
      stuck: z.enum(["true", "false"]).optional().openapi({
        description:
          "true: only stuck cases (open, longer in the current step than its target days, as of today), most days over first",
      }),
    }),
  },
  responses: {
    200: {
      description: "A page of cases",
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(caseSummary), total: z.number().int() })
            .openapi("CasePage"),
        },
      },
    },
    ...errorResponses(400, 403),
  },
});

export const getCaseRoute = createRoute({
  method: "get",
  operationId: "getCase",
  path: "/cases/{id}",
  tags: ["cases"],
  summary: "One case with its events; 404 when it does not exist or is outside scope; audited",
  request: { params: z.object({ id: caseId }) },
  responses: {
    200: {
      description: "The case",
      content: {
        "application/json": {
          schema: caseSummary.extend({ events: z.array(caseEvent) }).openapi("CaseDetail"),
        },
      },
    },
    ...errorResponses(400, 403, 404),
  },
});

export const createCaseBody = z
  .strictObject({
    ref: z
      .string()
      .min(1)
      .max(128)
      .openapi({ description: "The source system's ref; stored only as a keyed hash" }),
    process: z.string(),
    targetGroup: z.string(),
    ageGroup: z.enum(ageGroups),
    municipality: z.string(),
    openedOn: z.string(),
    initiatingUnit: z.string(),
  })
  .openapi("NewCase", {
    example: {
      ref: "VK-2025-0042",
      process: "intern_samsjuklighet",
      targetGroup: "samsjuklighet",
      ageGroup: "vuxen",
      municipality: "0180",
      openedOn: "2025-03-01",
      initiatingUnit: "K0180-BEROENDE",
    },
  });

export const createCaseRoute = createRoute({
  method: "post",
  operationId: "createCase",
  path: "/cases",
  tags: ["cases"],
  summary: "Register a case at one of the caller's units (samordnare); audited",
  description:
    "A ref names a case within the organisation of its initiating unit: 409 when that organisation already has a case with the ref. A ref another organisation uses is no conflict.",
  request: {
    body: { required: true, content: { "application/json": { schema: createCaseBody } } },
  },
  responses: {
    201: {
      description: "Created",
      content: {
        "application/json": { schema: z.object({ id: z.number().int() }).openapi("CreatedCase") },
      },
    },
    ...errorResponses(400, 403, 409, 413, 415, 422),
  },
});

export const appendEventBody = z
  .strictObject({
    occurredAt: z
      .string()
      .openapi({ description: "YYYY-MM-DD (00:00 Europe/Stockholm) or ISO 8601" }),
    type: z.enum(eventTypes),
    step: z.number().int().optional(),
    unitCode: z.string().optional(),
    value: z.string().max(500).optional(),
  })
  .openapi("NewCaseEvent", { example: { occurredAt: "2025-03-04", type: "step", step: 2 } });

export const appendEventRoute = createRoute({
  method: "post",
  operationId: "appendCaseEvent",
  path: "/cases/{id}/events",
  tags: ["cases"],
  summary: "Record an event of a case in scope (samordnare); audited",
  description:
    "Checked like an imported row. A lead or join naming a unit of an organisation that neither is the caller's nor holds the case already needs consent given as of the event (422 otherwise, as the import's consentRequired). A case out of scope is 404, like one that does not exist.",
  request: {
    params: z.object({ id: caseId }),
    body: { required: true, content: { "application/json": { schema: appendEventBody } } },
  },
  responses: {
    201: {
      description: "Recorded",
      content: {
        "application/json": {
          schema: z.object({ seq: z.number().int() }).openapi("RecordedEvent"),
        },
      },
    },
    ...errorResponses(400, 403, 404, 413, 415, 422),
  },
});
