import { createRoute, z } from "@hono/zod-openapi";
import {
  evaluationItemKinds,
  evaluationPhases,
  evaluationThemes,
  MAX_VOTES_PER_PARTICIPANT,
  MIN_VOTES_PER_PARTICIPANT,
} from "@samsyn/domain";
import { action, json } from "../forums/schemas";
import { errorResponses, isoDate } from "../schemas";

const uuid = z.string().openapi({ format: "uuid" });
const idParam = z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" });
const code = z.string().min(1).max(64);
const themeCodes = evaluationThemes.map((theme) => theme.code).join(", ");

const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const newEvaluationBody = z
  .strictObject({
    title: z
      .string()
      .min(1)
      .max(300)
      .openapi({ description: "Screened: a personnummer answers 422" }),
    organisations: z.array(code).min(1).max(50).openapi({
      description:
        "Known organisation codes (422 otherwise); samordnare and ledning name one of their own (403 otherwise)",
    }),
    from: isoDate,
    to: isoDate.openapi({ description: "On or after from (422 otherwise)" }),
    process: code.optional().openapi({ description: "A process of the catalogue (422 otherwise)" }),
    steps: z.array(z.number().int().min(1).max(99)).max(99).optional().openapi({
      description: "Steps of the process in focus (422 otherwise, and without a process)",
    }),
    anonymous: z.boolean().openapi({
      description:
        "An anonymous session stores no author anywhere: not on items, votes, events, audit rows or logs",
    }),
    votesPerParticipant: z
      .number()
      .int()
      .min(MIN_VOTES_PER_PARTICIPANT)
      .max(MAX_VOTES_PER_PARTICIPANT),
  })
  .openapi("NewEvaluation", {
    example: {
      title: "Samverkan kring samsjuklighet, våren 2026",
      organisations: ["stockholms_stad", "region_stockholm"],
      from: "2026-01-01",
      to: "2026-03-31",
      process: "intern_samsjuklighet",
      steps: [2, 3],
      anonymous: true,
      votesPerParticipant: 3,
    },
  });

const liftedAction = z
  .object({ id: uuid, status: z.enum(["open", "done", "cancelled"]) })
  .nullable()
  .openapi({ description: "The forum action it was lifted to, with its status; null when none" });

const votes = z.number().int().nullable().openapi({
  description: "Null until the discuss phase: vote totals stay hidden so votes do not pile on",
});

export const evaluationItem = z
  .object({
    id: uuid,
    kind: z.enum(evaluationItemKinds),
    text: z.string(),
    theme: z.string(),
    step: z.number().int().nullable(),
    author: z
      .string()
      .nullable()
      .openapi({ description: "The author's subject; null in an anonymous session" }),
    groupId: uuid.nullable(),
    votes,
    action: liftedAction,
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("EvaluationItem");

export const evaluationGroup = z
  .object({
    id: uuid,
    title: z.string(),
    kind: z
      .enum(evaluationItemKinds)
      .openapi({ description: "improve when any of its items is one" }),
    items: z.array(uuid),
    votes,
    action: liftedAction,
  })
  .openapi("EvaluationGroup");

const summaryFields = {
  id: uuid,
  title: z.string(),
  organisations: z.array(z.string()),
  from: z.string().openapi({ format: "date" }),
  to: z.string().openapi({ format: "date" }),
  process: z.string().nullable(),
  steps: z.array(z.number().int()),
  anonymous: z.boolean(),
  votesPerParticipant: z.number().int(),
  phase: z.enum(evaluationPhases),
  phaseStartedAt: z
    .string()
    .openapi({ format: "date-time", description: "The phase timer counts from here" }),
  createdAt: z.string().openapi({ format: "date-time" }),
};

export const evaluationSummary = z.object(summaryFields).openapi("EvaluationSummary");

export const evaluationBoard = z
  .object({
    ...summaryFields,
    items: z.array(evaluationItem),
    groups: z.array(evaluationGroup),
    myVotesLeft: z.number().int().openapi({ description: "The caller's own votes left" }),
    previousActions: z
      .array(
        z.object({
          id: uuid,
          title: z.string(),
          status: z.enum(["open", "done", "cancelled"]),
          dueOn: z.string().openapi({ format: "date" }),
          evaluationId: uuid,
        }),
      )
      .openapi({
        description:
          "Actions lifted from earlier sessions sharing an organisation, with their status",
      }),
  })
  .openapi("EvaluationBoard");

export const listEvaluationsRoute = createRoute({
  operationId: "listEvaluations",
  method: "get",
  path: "/evaluations",
  tags: ["evaluations"],
  summary: "Sessions: admin all, everyone else their organisations'. Newest first",
  request: {
    query: z.object({
      phase: z.enum(evaluationPhases).optional(),
      organisation: code.optional().openapi({ description: "Sessions with this organisation" }),
    }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(evaluationSummary) }).openapi("EvaluationList"),
      "The sessions",
    ),
    ...errorResponses(400),
  },
});

export const getEvaluationRoute = createRoute({
  operationId: "getEvaluation",
  method: "get",
  path: "/evaluations/{id}",
  tags: ["evaluations"],
  summary:
    "The board: items, groups, vote totals (null until discuss), the caller's votes left, earlier sessions' actions",
  request: { params: z.object({ id: idParam }) },
  responses: {
    200: json(evaluationBoard, "The board"),
    ...errorResponses(400, 404),
  },
});

export const createEvaluationRoute = createRoute({
  operationId: "createEvaluation",
  method: "post",
  path: "/evaluations",
  tags: ["evaluations"],
  summary: "Hold a session (samordnare, ledning, admin); it opens in phase collect; audited",
  request: { body: body(newEvaluationBody) },
  responses: {
    201: json(evaluationBoard, "The new session's board"),
    ...errorResponses(400, 403, 413, 415, 422),
  },
});

export const addItemRoute = createRoute({
  operationId: "addEvaluationItem",
  method: "post",
  path: "/evaluations/{id}/items",
  tags: ["evaluations"],
  summary: "Add an item in phase collect (409 otherwise); any participant; audited",
  description: `theme: one of ${themeCodes}. step: a step in focus, or of the process when none is. The text is screened (422 naming text, never echoed). In an anonymous session the author is stored nowhere and the audit row names the session.`,
  request: {
    params: z.object({ id: idParam }),
    body: body(
      z
        .strictObject({
          kind: z.enum(evaluationItemKinds),
          text: z.string().min(1).max(2000),
          theme: code,
          step: z.number().int().min(1).max(99).optional(),
        })
        .openapi("NewEvaluationItem", {
          example: {
            kind: "improve",
            text: "Kallelserna till SIP kom för sent",
            theme: "kommunikation",
            step: 3,
          },
        }),
    ),
  },
  responses: {
    201: json(evaluationItem, "The item"),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const changePhaseRoute = createRoute({
  operationId: "changeEvaluationPhase",
  method: "post",
  path: "/evaluations/{id}/phase",
  tags: ["evaluations"],
  summary:
    "Move the phase one step forward (collect → group → vote → discuss → closed); any other move 409",
  description:
    "By the session's organisations' samordnare and ledning, and admin. Restarts the phase timer. Audited.",
  request: {
    params: z.object({ id: idParam }),
    body: body(
      z
        .strictObject({ phase: z.enum(evaluationPhases) })
        .openapi("EvaluationPhaseChange", { example: { phase: "group" } }),
    ),
  },
  responses: {
    200: json(evaluationBoard, "The board in its new phase"),
    ...errorResponses(400, 403, 404, 409, 413, 415),
  },
});

export const createGroupRoute = createRoute({
  operationId: "createEvaluationGroup",
  method: "post",
  path: "/evaluations/{id}/groups",
  tags: ["evaluations"],
  summary: "Group items in phase group (409 otherwise); the items move into it; audited",
  request: {
    params: z.object({ id: idParam }),
    body: body(
      z
        .strictObject({ title: z.string().min(1).max(300), items: z.array(code).min(1).max(500) })
        .openapi("NewEvaluationGroup", { example: { title: "Kallelser", items: ["3f1c…"] } }),
    ),
  },
  responses: {
    201: json(evaluationGroup, "The group"),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const moveToGroupRoute = createRoute({
  operationId: "moveToEvaluationGroup",
  method: "post",
  path: "/evaluations/{id}/groups/{gid}/items",
  tags: ["evaluations"],
  summary: "Move items into an existing group (phase group); an unknown group 404; audited",
  request: {
    params: z.object({
      id: idParam,
      gid: z.string().openapi({ param: { name: "gid", in: "path" }, format: "uuid" }),
    }),
    body: body(
      z.strictObject({ items: z.array(code).min(1).max(500) }).openapi("EvaluationGroupMove"),
    ),
  },
  responses: {
    200: json(evaluationGroup, "The group with its items"),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const castVoteRoute = createRoute({
  operationId: "castEvaluationVote",
  method: "post",
  path: "/evaluations/{id}/votes",
  tags: ["evaluations"],
  summary: "Vote for an item or group in phase vote; beyond votesPerParticipant 409; audited",
  request: {
    params: z.object({ id: idParam }),
    body: body(z.strictObject({ target: code }).openapi("NewEvaluationVote")),
  },
  responses: {
    201: json(
      z.object({ id: uuid, target: uuid, myVotesLeft: z.number().int() }).openapi("EvaluationVote"),
      "The vote, and the caller's votes left",
    ),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const liftItemRoute = createRoute({
  operationId: "liftEvaluationItem",
  method: "post",
  path: "/evaluations/{id}/items/{itemId}/action",
  tags: ["evaluations"],
  summary:
    "Make an improvement (item or group) an open action of a forum, linked both ways; audited",
  description:
    "The caller sees the session (404) and writes in the forum: ledning of a member, lan, admin (403; a forum out of sight 404). Only improvements (422); the owner is a member of the forum (422). decidedOn today.",
  request: {
    params: z.object({
      id: idParam,
      itemId: z.string().openapi({ param: { name: "itemId", in: "path" }, format: "uuid" }),
    }),
    body: body(
      z.strictObject({ forumId: code, owner: code, dueOn: isoDate }).openapi("EvaluationLift", {
        example: { forumId: "5b1d…", owner: "stockholms_stad", dueOn: "2026-09-30" },
      }),
    ),
  },
  responses: {
    201: json(action, "The forum action"),
    ...errorResponses(400, 403, 404, 413, 415, 422),
  },
});
