import { createRoute, z } from "@hono/zod-openapi";
import { escalationLevels, escalationStatuses, sectionKinds } from "@samsyn/domain";
import { envelope } from "../metrics/metrics.routes";
import { errorResponses } from "../schemas";

const code = z.string().min(1).max(64);
const escalationId = z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" });
const level = z.number().int().min(1).max(3);

/** Case ids are integers in this API; a string of digits is taken too (a form's field). */
const caseAbout = z.strictObject({
  kind: z.literal("case"),
  caseId: z.union([z.number().int(), z.string().max(64)]).openapi({
    description:
      "The case's id as GET /cases answers it: an integer, or a string of its digits. Any other value names no case (404).",
    example: 42,
  }),
});

const routineAbout = z.strictObject({
  kind: z.literal("routine"),
  agreementId: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: "An agreement that exists (422 otherwise)", format: "uuid" }),
  section: z
    .string()
    .max(64)
    .optional()
    .openapi({
      description: `An agreement section kind: ${sectionKinds.join(", ")} (422 otherwise)`,
    }),
});

export const newEscalationBody = z
  .strictObject({
    about: z.discriminatedUnion("kind", [caseAbout, routineAbout]),
    organisations: z.array(code).max(50).openapi({
      description:
        "The organisations in dispute: at least two distinct known codes (422 otherwise). ledning and samordnare name their own among them (403 otherwise).",
    }),
    question: z.string().min(1).max(5000).openapi({
      description: "What the dispute is about. Screened: a personnummer answers 422.",
    }),
  })
  .openapi("NewEscalation", {
    example: {
      about: { kind: "routine", section: "ansvarsfordelning" },
      organisations: ["stockholms_stad", "region_stockholm"],
      question: "Vem ansvarar för boendestöd under pågående beroendebehandling?",
    },
  });

const escalationExample = {
  id: "5b1d3c9e-2f4a-4d6b-8c7e-1a2b3c4d5e6f",
  about: { kind: "case", caseId: 42 },
  organisations: ["region_stockholm", "stockholms_stad"],
  question: "Oenighet om vem som är huvudansvarig för samordningen i ärendet.",
  level: 2,
  status: "open",
  openedOn: "2026-03-02",
  resolvedOn: null,
  resolution: null,
  lifts: [
    {
      level: 2,
      note: "Enhetscheferna kom inte överens; lyfts till verksamhetscheferna.",
      liftedOn: "2026-03-10",
    },
  ],
  ageDays: 12,
};

const escalation = z
  .object({
    id: z.string().openapi({ format: "uuid" }),
    about: z.union([
      z.object({ kind: z.literal("case"), caseId: z.number().int() }),
      z.object({
        kind: z.literal("routine"),
        agreementId: z.string().optional(),
        section: z.enum(sectionKinds).optional(),
      }),
    ]),
    organisations: z.array(z.string()).openapi({ description: "Sorted, each once" }),
    question: z.string(),
    level: level.openapi({
      description: "1 enhetschef, 2 verksamhetschef, 3 förvaltningschef or ledningsforum",
    }),
    status: z.enum(escalationStatuses),
    openedOn: z.string().openapi({ format: "date" }),
    resolvedOn: z.string().nullable().openapi({ format: "date" }),
    resolution: z.string().nullable(),
    lifts: z.array(
      z.object({
        level: level.openapi({ description: "The level it was lifted to" }),
        note: z.string(),
        liftedOn: z.string().openapi({ format: "date" }),
      }),
    ),
    ageDays: z.number().int().openapi({
      description: "Days open: from openedOn to resolvedOn, or to today while open",
    }),
  })
  .openapi("Escalation", { example: escalationExample });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const listEscalationsRoute = createRoute({
  operationId: "listEscalations",
  method: "get",
  path: "/escalations",
  tags: ["escalations"],
  summary:
    "Escalations: lan and admin all; ledning and samordnare those their organisations are in dispute in. Newest first; every list audited",
  request: {
    query: z.object({
      status: z.enum(escalationStatuses).optional(),
      level: z.coerce
        .number()
        .int()
        .min(1)
        .max(3)
        .optional()
        .openapi({ type: "integer", enum: [...escalationLevels] }),
    }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(escalation) }).openapi("EscalationList"),
      "The escalations",
    ),
    ...errorResponses(400),
  },
});

export const getEscalationRoute = createRoute({
  operationId: "getEscalation",
  method: "get",
  path: "/escalations/{id}",
  tags: ["escalations"],
  summary: "One escalation with its lifts; 404 when out of the caller's sight; audited",
  request: { params: z.object({ id: escalationId }) },
  responses: {
    200: json(escalation, "The escalation"),
    ...errorResponses(400, 404),
  },
});

export const raiseEscalationRoute = createRoute({
  operationId: "raiseEscalation",
  method: "post",
  path: "/escalations",
  tags: ["escalations"],
  summary:
    "Raise an escalation at level 1 (about a case: samordnare, the case in scope; about a routine: ledning, lan, admin); audited",
  description:
    "A case outside the samordnare's scope answers 404, as if absent. ledning and samordnare must name one of their own organisations among those in dispute (403). Fewer than two distinct organisations, an unknown organisation, agreement or section answer 422 naming the field.",
  request: { body: body(newEscalationBody) },
  responses: {
    201: json(escalation, "The escalation: level 1, open, no lifts"),
    ...errorResponses(400, 403, 404, 413, 415, 422),
  },
});

const whoActs =
  "lan, admin, ledning of an organisation in dispute, and a samordnare with the case in scope (case escalations) may; one who may read it but not act answers 403, anyone else 404.";

export const liftEscalationRoute = createRoute({
  operationId: "liftEscalation",
  method: "post",
  path: "/escalations/{id}/lift",
  tags: ["escalations"],
  summary: "Lift an escalation to the next management level, with a note; audited",
  description: `Level + 1, with a lift row holding the note. Above level 3, or once resolved: 409. ${whoActs}`,
  request: {
    params: z.object({ id: escalationId }),
    body: body(
      z.strictObject({ note: z.string().min(1).max(5000) }).openapi("EscalationLift", {
        example: { note: "Enhetscheferna kom inte överens; lyfts till verksamhetscheferna." },
      }),
    ),
  },
  responses: {
    200: json(escalation, "The escalation one level up"),
    ...errorResponses(400, 403, 404, 409, 413, 415, 422),
  },
});

export const resolveEscalationRoute = createRoute({
  operationId: "resolveEscalation",
  method: "post",
  path: "/escalations/{id}/resolve",
  tags: ["escalations"],
  summary: "Resolve an escalation at the level it has reached; audited",
  description: `status resolved, resolvedOn today (Europe/Stockholm). A resolved one: 409. ${whoActs}`,
  request: {
    params: z.object({ id: escalationId }),
    body: body(
      z.strictObject({ resolution: z.string().min(1).max(5000) }).openapi("EscalationResolution", {
        example: { resolution: "Regionen samordnar; rutinen förtydligas i överenskommelsen." },
      }),
    ),
  },
  responses: {
    200: json(escalation, "The escalation, resolved"),
    ...errorResponses(400, 403, 404, 409, 413, 415, 422),
  },
});

const nullableCount = z.number().int().nullable();
const escalationCell = {
  open: nullableCount,
  resolved: nullableCount,
  medianDaysToResolution: z.number().nullable(),
  suppressed: z.boolean(),
  withheld: z
    .array(z.enum(["open", "resolved", "medianDaysToResolution"]))
    .openapi({ description: "The numbers of the cell that are withheld" }),
};

export const escalationMetricRoute = createRoute({
  operationId: "getEscalationMetric",
  method: "get",
  path: "/metrics/escalations",
  tags: ["escalations", "metrics"],
  summary:
    "Escalations open and resolved by level, and the days to resolution; audited as a metric read",
  description: [
    "For the period [from, to] (no from: from the first; to: default today, Europe/Stockholm):",
    "`open` = escalations open at the end of `to`, at their level as of `to` (1 plus their lifts dated on or before it);",
    "`resolved` = escalations resolved within [from, to], at the level they were resolved at;",
    "`medianDaysToResolution` = the median of resolvedOn − openedOn in days over the cell's resolved ones, published only when that n ≥ k (and the cell's `resolved` is published);",
    "`shareResolvedAtLevel1` = resolved at level 1 / resolved, only when resolved ≥ k, read from the published counts of the level table (null where either is withheld).",
    "Without groupBy: one total cell. Scope as for GET /escalations: lan and admin the county, ledning and samordnare the escalations their organisations are in dispute in.",
    "Counts follow the installation's disclosure mode like every metric: cellkey perturbs each count and total by its cell key (record keys from a keyed hash of each escalation's id); suppression withholds 1..k−1 with secondary suppression along the level line of each count and its total.",
    "Cells with open and resolved both 0 are left out. Like the other metrics, for roles other than samordnare from and to are whole months.",
  ].join(" "),
  request: {
    query: z.object({
      from: z
        .string()
        .optional()
        .openapi({ description: "First day, YYYY-MM-DD", example: "2026-01-01" }),
      to: z
        .string()
        .optional()
        .openapi({ description: "Last day, YYYY-MM-DD", example: "2026-06-30" }),
      groupBy: z
        .string()
        .optional()
        .openapi({ description: "`level`, or none for one total cell", example: "level" }),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          k: envelope.k,
          disclosure: envelope.disclosure,
          view: envelope.view,
          from: z.string().nullable(),
          to: z.string(),
          groupBy: z.array(z.literal("level")),
          cells: z.array(z.object({ level: level.optional(), ...escalationCell })),
          total: z.object(escalationCell),
          shareResolvedAtLevel1: z.number().min(0).max(1).nullable(),
        })
        .openapi("EscalationMetric", {
          example: {
            k: 5,
            disclosure: "cellkey",
            view: "county",
            from: "2026-01-01",
            to: "2026-06-30",
            groupBy: ["level"],
            cells: [
              {
                level: 1,
                open: 6,
                resolved: 21,
                medianDaysToResolution: 9,
                suppressed: false,
                withheld: [],
              },
              {
                level: 2,
                open: 0,
                resolved: 7,
                medianDaysToResolution: 24,
                suppressed: false,
                withheld: [],
              },
              {
                level: 3,
                open: null,
                resolved: null,
                medianDaysToResolution: null,
                suppressed: true,
                withheld: ["open", "resolved", "medianDaysToResolution"],
              },
            ],
            total: {
              open: 8,
              resolved: 30,
              medianDaysToResolution: 12,
              suppressed: false,
              withheld: [],
            },
            shareResolvedAtLevel1: 0.7,
          },
        }),
      "Withheld numbers are null, with suppressed: true and their names in withheld",
    ),
    ...errorResponses(400),
  },
});
