import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../schemas";
import {
  action,
  agendaItem,
  decision,
  forumIdParam,
  json,
  meeting,
  meetingIdParam,
  meetingStatusBody,
  meetingSummary,
  newActionBody,
  newAgendaItemBody,
  newDecisionBody,
  newMeetingBody,
} from "./schemas";

const forumParams = z.object({ id: forumIdParam });
const meetingParams = z.object({ id: forumIdParam, mid: meetingIdParam });
const writes = errorResponses(400, 403, 404, 409, 413, 415, 422);

export const createMeetingRoute = createRoute({
  operationId: "createForumMeeting",
  method: "post",
  path: "/forums/{id}/meetings",
  tags: ["forums"],
  summary: "Plan a meeting (ledning of a member, lan, admin); audited",
  description:
    "Answers the meeting whole, status planned, with the earlier actions it will follow up.",
  request: {
    params: forumParams,
    body: { required: true, content: { "application/json": { schema: newMeetingBody } } },
  },
  responses: {
    201: json(meeting, "The meeting"),
    ...errorResponses(400, 403, 404, 413, 415, 422),
  },
});

export const listMeetingsRoute = createRoute({
  operationId: "listForumMeetings",
  method: "get",
  path: "/forums/{id}/meetings",
  tags: ["forums"],
  summary: "The forum's meetings by date, oldest first; 404 out of sight",
  request: { params: forumParams },
  responses: {
    200: json(
      z.object({ items: z.array(meetingSummary) }).openapi("ForumMeetingList"),
      "The meetings",
    ),
    ...errorResponses(400, 404),
  },
});

export const getMeetingRoute = createRoute({
  operationId: "getForumMeeting",
  method: "get",
  path: "/forums/{id}/meetings/{mid}",
  tags: ["forums"],
  summary: "A meeting whole: agenda, decisions, its actions and the actions it follows up",
  request: { params: meetingParams },
  responses: {
    200: json(meeting, "The meeting"),
    ...errorResponses(400, 404),
  },
});

export const addAgendaItemRoute = createRoute({
  operationId: "addForumAgendaItem",
  method: "post",
  path: "/forums/{id}/meetings/{mid}/agenda",
  tags: ["forums"],
  summary:
    "Add an agenda item, by hand or from a suggested-agenda signal; 409 once justerat; audited",
  request: {
    params: meetingParams,
    body: { required: true, content: { "application/json": { schema: newAgendaItemBody } } },
  },
  responses: { 201: json(agendaItem, "The agenda item, after the last"), ...writes },
});

export const recordDecisionRoute = createRoute({
  operationId: "recordForumDecision",
  method: "post",
  path: "/forums/{id}/meetings/{mid}/decisions",
  tags: ["forums"],
  summary: "Record a decision of the meeting; 409 once justerat; audited",
  request: {
    params: meetingParams,
    body: { required: true, content: { "application/json": { schema: newDecisionBody } } },
  },
  responses: { 201: json(decision, "The decision, after the last"), ...writes },
});

export const addActionRoute = createRoute({
  operationId: "addForumAction",
  method: "post",
  path: "/forums/{id}/meetings/{mid}/actions",
  tags: ["forums"],
  summary: "Decide an action with its owner and due date; 409 once justerat; audited",
  description:
    "decidedOn is the meeting's date. The owner is a member organisation of the forum (422 otherwise); dueOn is on or after the meeting's date. A link names an existing agreement indicator, or a metric query checked as an indicator's is: its parameters as GET /metrics/{metric} checks them (a 400 detail per bad one, as link.params.<name>) and a figure the metric has.",
  request: {
    params: meetingParams,
    body: { required: true, content: { "application/json": { schema: newActionBody } } },
  },
  responses: { 201: json(action, "The action, open"), ...writes },
});

export const meetingStatusRoute = createRoute({
  operationId: "changeForumMeetingStatus",
  method: "post",
  path: "/forums/{id}/meetings/{mid}/status",
  tags: ["forums"],
  summary: "planned → held → justerat, one step at a time; every other move 409; audited",
  description:
    "participants and justerare are names (screened) and replace the stored lists when given. A justerat protocol is locked: later writes of its agenda, decisions, actions and status answer 409.",
  request: {
    params: meetingParams,
    body: { required: true, content: { "application/json": { schema: meetingStatusBody } } },
  },
  responses: { 200: json(meeting, "The meeting after the change"), ...writes },
});
