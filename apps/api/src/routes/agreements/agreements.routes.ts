import { createRoute, z } from "@hono/zod-openapi";
import { agreementLevels, agreementStatuses, deviationKinds, sectionKinds } from "@samsyn/domain";
import { errorResponses, isoDate, repeatable } from "../schemas";

const code = z.string().min(1).max(64);
const agreementId = z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" });
const deviationId = z.string().openapi({ param: { name: "did", in: "path" }, format: "uuid" });

const section = z
  .strictObject({
    kind: z.enum(sectionKinds),
    title: z.string().min(1).max(200),
    text: z.string().max(20_000),
  })
  .openapi("AgreementSection");

const agreementFields = {
  title: z.string().min(1).max(300),
  level: z.enum(agreementLevels),
  parties: z
    .array(code)
    .min(1)
    .max(100)
    .openapi({ description: "Organisation codes (at least two distinct)" }),
  targetGroups: z.array(code).min(1).max(50),
  municipalities: z
    .array(z.string().regex(/^\d{4}$/))
    .min(1)
    .max(300),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  reviewBy: isoDate.openapi({
    description: "Default: the first 30 November on or after validFrom",
  }),
  documentUrl: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/\S+$/, "en webbadress (http/https)")
    .nullable(),
  sections: z.array(section).max(50),
};

const example = {
  title: "Överenskommelse om samverkan kring personer med missbruk och beroende",
  level: "lan",
  parties: ["region_stockholm", "stockholms_stad"],
  targetGroups: ["missbruk_beroende"],
  municipalities: ["0180"],
  validFrom: "2026-01-01",
  validTo: null,
  sections: [
    {
      kind: "sip",
      title: "Samordnad individuell plan",
      text: "Den som först ser behovet kallar till SIP inom fem arbetsdagar.",
    },
  ],
};

export const newAgreementBody = z
  .strictObject({
    ...agreementFields,
    reviewBy: agreementFields.reviewBy.optional(),
    documentUrl: agreementFields.documentUrl.optional(),
  })
  .openapi("NewAgreement", { example });

export const agreementPatchBody = z
  .strictObject({
    ...Object.fromEntries(Object.entries(agreementFields).map(([k, v]) => [k, v.optional()])),
    expectedRevision: z
      .number()
      .int()
      .min(1)
      .openapi({ description: "The revision the change was made to; 409 when another came since" }),
  } as { [K in keyof typeof agreementFields]: z.ZodOptional<(typeof agreementFields)[K]> } & {
    expectedRevision: z.ZodNumber;
  })
  .openapi("AgreementPatch", { example: { title: "Ny titel", expectedRevision: 1 } });

const agreement = z
  .object({
    id: z.string().openapi({ format: "uuid" }),
    ...agreementFields,
    status: z.enum(agreementStatuses),
    revision: z.number().int(),
    replacedBy: z.string().nullable(),
  })
  .openapi("Agreement");

const deviation = z
  .object({
    id: z.string(),
    agreementId: z.string(),
    kind: z.enum(deviationKinds),
    section: z.enum(sectionKinds),
    occurredOn: z.string(),
    organisations: z.array(z.string()),
    description: z.string(),
    status: z.enum(["open", "closed"]),
    resolution: z.string().nullable(),
  })
  .openapi("AgreementDeviation");

const agreementDetail = agreement
  .extend({
    revisions: z.array(
      z.object({
        revision: z.number().int(),
        changedAt: z.string(),
        changedBy: z.string(),
        fields: z.array(z.string()),
      }),
    ),
    deviations: z.array(deviation),
    deviationsBySection: z.array(
      z.object({ section: z.string(), open: z.number().int(), total: z.number().int() }),
    ),
  })
  .openapi("AgreementDetail");

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const listAgreementsRoute = createRoute({
  operationId: "listAgreements",
  method: "get",
  path: "/agreements",
  tags: ["agreements"],
  summary:
    "The agreement register: lan and admin all, ledning and samordnare their organisations' agreements",
  request: {
    query: z.object({
      status: repeatable("draft | active | under_review | expired | replaced"),
      municipality: repeatable("SCB kommunkod the agreement covers"),
      targetGroup: repeatable("Target group code the agreement covers"),
      reviewDue: z.string().optional().openapi({
        description:
          "`overdue` (review date passed) or `within:NNd` (due in the next NN days); agreements in force only",
        example: "within:60d",
      }),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(agreement) }).openapi("AgreementList"), "The agreements"),
    ...errorResponses(400),
  },
});

export const coverageRoute = createRoute({
  operationId: "getAgreementCoverage",
  method: "get",
  path: "/agreements/coverage",
  tags: ["agreements"],
  summary: "Coverage of every kommun × statutory target group by an agreement in force",
  description:
    "Covered: an agreement active or under review, valid on asOf, whose parties include the municipality's kommun and a region and which names the cell's municipality and target group. Counts agreements, not people: no disclosure control applies.",
  request: {
    query: z.object({
      asOf: isoDate.optional().openapi({ description: "Default today (Europe/Stockholm)" }),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          asOf: z.string(),
          targetGroups: z.array(z.string()),
          cells: z.array(
            z.object({
              municipality: z.string(),
              targetGroup: z.string(),
              covered: z.boolean(),
              agreements: z
                .array(z.string())
                .openapi({ description: "The covering agreements the caller may read" }),
            }),
          ),
        })
        .openapi("AgreementCoverage"),
      "One cell per municipality × statutory target group",
    ),
    ...errorResponses(400),
  },
});

export const createAgreementRoute = createRoute({
  operationId: "createAgreement",
  method: "post",
  path: "/agreements",
  tags: ["agreements"],
  summary: "Register an agreement as a draft (lan, admin); audited",
  request: {
    body: { required: true, content: { "application/json": { schema: newAgreementBody } } },
  },
  responses: {
    201: json(agreement, "The agreement, status draft, revision 1"),
    ...errorResponses(400, 403, 413, 415, 422),
  },
});

export const getAgreementRoute = createRoute({
  operationId: "getAgreement",
  method: "get",
  path: "/agreements/{id}",
  tags: ["agreements"],
  summary: "One agreement with its revisions and deviations; 404 when out of the caller's sight",
  request: { params: z.object({ id: agreementId }) },
  responses: {
    200: json(agreementDetail, "The agreement"),
    ...errorResponses(400, 404),
  },
});

export const patchAgreementRoute = createRoute({
  operationId: "updateAgreement",
  method: "patch",
  path: "/agreements/{id}",
  tags: ["agreements"],
  summary:
    "Change fields of an agreement as a new revision (lan, admin); 409 on a stale expectedRevision; audited",
  request: {
    params: z.object({ id: agreementId }),
    body: { required: true, content: { "application/json": { schema: agreementPatchBody } } },
  },
  responses: {
    200: json(agreement, "The agreement after the change (unchanged when nothing differed)"),
    ...errorResponses(400, 403, 404, 409, 413, 415, 422),
  },
});

export const agreementStatusRoute = createRoute({
  operationId: "changeAgreementStatus",
  method: "post",
  path: "/agreements/{id}/status",
  tags: ["agreements"],
  summary:
    "Move an agreement to another status (lan, admin); 409 for a transition the rules do not allow; audited",
  description:
    "draft→active, active→under_review, under_review→active (the review is done: reviewBy moves to the next 30 November), active|under_review→expired, active|under_review→replaced (with replacedBy).",
  request: {
    params: z.object({ id: agreementId }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({
              status: z.enum(agreementStatuses),
              replacedBy: z.string().max(64).optional(),
            })
            .openapi("AgreementStatusChange", { example: { status: "active" } }),
        },
      },
    },
  },
  responses: {
    200: json(agreement, "The agreement after the change"),
    ...errorResponses(400, 403, 404, 409, 413, 415, 422),
  },
});

export const logDeviationRoute = createRoute({
  operationId: "logAgreementDeviation",
  method: "post",
  path: "/agreements/{id}/deviations",
  tags: ["agreements"],
  summary: "Log an avvikelse or tvist against a section (lan, admin); audited",
  request: {
    params: z.object({ id: agreementId }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({
              kind: z.enum(deviationKinds),
              section: z.enum(sectionKinds),
              occurredOn: isoDate,
              organisations: z.array(code).min(1).max(50),
              description: z.string().min(1).max(5000),
            })
            .openapi("NewAgreementDeviation", {
              example: {
                kind: "tvist",
                section: "sip",
                occurredOn: "2026-11-02",
                organisations: ["stockholms_stad", "region_stockholm"],
                description: "Oenighet om vem som kallar till SIP vid utskrivning.",
              },
            }),
        },
      },
    },
  },
  responses: {
    201: json(deviation, "The deviation, open"),
    ...errorResponses(400, 403, 404, 413, 415, 422),
  },
});

export const closeDeviationRoute = createRoute({
  operationId: "closeAgreementDeviation",
  method: "patch",
  path: "/agreements/{id}/deviations/{did}",
  tags: ["agreements"],
  summary: "Close a deviation with its resolution (lan, admin); 409 when already closed; audited",
  request: {
    params: z.object({ id: agreementId, did: deviationId }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({ status: z.literal("closed"), resolution: z.string().min(1).max(5000) })
            .openapi("AgreementDeviationClose", {
              example: { status: "closed", resolution: "Regionen kallar; rutinen förtydligad." },
            }),
        },
      },
    },
  },
  responses: {
    200: json(deviation, "The deviation, closed"),
    ...errorResponses(400, 403, 404, 409, 413, 415, 422),
  },
});
