import { createRoute, z } from "@hono/zod-openapi";
import { actionStatuses, MAX_FOLLOW_UP_QUARTERS } from "@samsyn/domain";
import { errorResponses, isoDate, repeatable } from "../schemas";
import {
  action,
  actionIdParam,
  closeActionBody,
  forum,
  forumIdParam,
  json,
  newForumBody,
} from "./schemas";

export const createForumRoute = createRoute({
  operationId: "createForum",
  method: "post",
  path: "/forums",
  tags: ["forums"],
  summary: "Set up a forum of at least two member organisations (lan, admin); audited",
  request: {
    body: { required: true, content: { "application/json": { schema: newForumBody } } },
  },
  responses: {
    201: json(forum, "The forum"),
    ...errorResponses(400, 403, 413, 415, 422),
  },
});

export const listForumsRoute = createRoute({
  operationId: "listForums",
  method: "get",
  path: "/forums",
  tags: ["forums"],
  summary:
    "The forums the caller sees: lan and admin all, ledning and samordnare those with one of their organisations",
  responses: {
    200: json(z.object({ items: z.array(forum) }).openapi("ForumList"), "The forums, by name"),
    ...errorResponses(),
  },
});

export const getForumRoute = createRoute({
  operationId: "getForum",
  method: "get",
  path: "/forums/{id}",
  tags: ["forums"],
  summary: "One forum; 404 when out of the caller's sight",
  request: { params: z.object({ id: forumIdParam }) },
  responses: {
    200: json(forum, "The forum"),
    ...errorResponses(400, 404),
  },
});

const followUpFigures = {
  from: z.string(),
  to: z.string(),
  created: z.number().int().openapi({ description: "Actions decided in the period" }),
  done: z.number().int().openapi({ description: "Actions marked done in the period" }),
  overdue: z.number().int().openapi({
    description:
      "Actions open and past their due date at the period's last day, or today when that is sooner",
  }),
  due: z.number().int().openapi({
    description:
      "Actions due in the period, not cancelled, whose due date has passed by today or which were done by it",
  }),
  doneOnTime: z
    .number()
    .int()
    .openapi({ description: "Of `due`, those marked done on or before their due date" }),
  completionRate: z
    .number()
    .nullable()
    .openapi({ description: "doneOnTime / due, between 0 and 1; null when nothing was due" }),
  medianDaysToDone: z.number().nullable().openapi({
    description: "Median days from decision to done over `done`; null when none was done",
  }),
};

export const forumFollowUpRoute = createRoute({
  operationId: "getForumFollowUp",
  method: "get",
  path: "/forums/{id}/follow-up",
  tags: ["forums"],
  summary: "The forum's actions created, done and overdue per quarter, with its completion rate",
  description: `Per quarter ("2026-Q1"; the first and last cut to from and to) and over the whole period. Actions are not people: these are exact counts, with no disclosure control, as agreement coverage counts agreements. created: decidedOn in the period. done: marked done (closedOn) in the period. overdue: decided by, open at, and due before the period's last day — or today, when that is sooner; a period wholly after today has none. completionRate: of the actions due in the period (dueOn in it), leaving out cancelled ones (the forum decided they were not to be done) and those whose due date has not passed by today unless already done, the share marked done on or before their due date (doneOnTime / due); null when none was due. medianDaysToDone: the median (interpolated) of closedOn − decidedOn in days over the actions done in the period. At most ${MAX_FOLLOW_UP_QUARTERS} quarters.`,
  request: {
    params: z.object({ id: forumIdParam }),
    query: z.object({
      from: isoDate.optional().openapi({
        description: "First day (inclusive); default the first day of the quarter a year back",
      }),
      to: isoDate.optional().openapi({ description: "Last day (inclusive); default today" }),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          from: z.string(),
          to: z.string(),
          quarters: z.array(
            z
              .object({ quarter: z.string().openapi({ example: "2026-Q1" }), ...followUpFigures })
              .openapi("ForumFollowUpQuarter"),
          ),
          total: z.object(followUpFigures).openapi("ForumFollowUpFigures"),
        })
        .openapi("ForumFollowUp", {
          example: {
            from: "2026-01-01",
            to: "2026-03-31",
            quarters: [
              {
                quarter: "2026-Q1",
                from: "2026-01-01",
                to: "2026-03-31",
                created: 6,
                done: 3,
                overdue: 2,
                due: 4,
                doneOnTime: 3,
                completionRate: 0.75,
                medianDaysToDone: 34,
              },
            ],
            total: {
              from: "2026-01-01",
              to: "2026-03-31",
              created: 6,
              done: 3,
              overdue: 2,
              due: 4,
              doneOnTime: 3,
              completionRate: 0.75,
              medianDaysToDone: 34,
            },
          },
        }),
      "The follow-up, oldest quarter first",
    ),
    ...errorResponses(400, 404),
  },
});

export const listForumActionsRoute = createRoute({
  operationId: "listForumActions",
  method: "get",
  path: "/forums/{id}/actions",
  tags: ["forums"],
  summary: "The forum's actions by due date, with days overdue today; 404 out of sight",
  request: {
    params: z.object({ id: forumIdParam }),
    query: z.object({ status: repeatable(actionStatuses.join(" | ")) }),
  },
  responses: {
    200: json(
      z
        .object({
          items: z.array(
            action
              .extend({
                daysOverdue: z.number().int().openapi({
                  description: "Days past its due date today while open; 0 otherwise",
                }),
              })
              .openapi("ForumActionWithDays"),
          ),
        })
        .openapi("ForumActionList"),
      "The actions",
    ),
    ...errorResponses(400, 404),
  },
});

export const closeActionRoute = createRoute({
  operationId: "closeForumAction",
  method: "patch",
  path: "/forums/{id}/actions/{aid}",
  tags: ["forums"],
  summary:
    "Mark an action done or cancelled, today (ledning of a member, lan, admin); 409 when already closed; audited",
  description:
    "closedOn is today in Europe/Stockholm. An action of a justerat meeting can still be closed: follow-up comes after the protocol.",
  request: {
    params: z.object({ id: forumIdParam, aid: actionIdParam }),
    body: { required: true, content: { "application/json": { schema: closeActionBody } } },
  },
  responses: {
    200: json(action, "The action, closed"),
    ...errorResponses(400, 403, 404, 409, 413, 415, 422),
  },
});
