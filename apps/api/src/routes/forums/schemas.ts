import { z } from "@hono/zod-openapi";
import {
  actionStatuses,
  forumLevels,
  indicatorFigureNames,
  indicatorMetrics,
  meetingStatuses,
  signalKinds,
} from "@samsyn/domain";
import { isoDate } from "../schemas";

/** The forum module's request and response shapes (SPEC "Ledningsforum"), for its two routers. */

const uuid = z.string().openapi({ format: "uuid" });
const code = z.string().min(1).max(64);
/** A person's name as a protocol lists it: free text, screened. */
const personName = z.string().min(1).max(200);

export const forumIdParam = z
  .string()
  .openapi({ param: { name: "id", in: "path" }, format: "uuid" });
export const meetingIdParam = z
  .string()
  .openapi({ param: { name: "mid", in: "path" }, format: "uuid" });
export const actionIdParam = z
  .string()
  .openapi({ param: { name: "aid", in: "path" }, format: "uuid" });

export const forum = z
  .object({
    id: uuid,
    name: z.string(),
    level: z.enum(forumLevels),
    members: z.array(z.string()).openapi({ description: "Organisation codes, sorted" }),
    chair: z.string().openapi({ description: "The chairing organisation: one of the members" }),
  })
  .openapi("Forum");

export const newForumBody = z
  .strictObject({
    name: z.string().min(1).max(300),
    level: z.enum(forumLevels),
    members: z
      .array(code)
      .min(1)
      .max(100)
      .openapi({ description: "Organisation codes: at least two distinct, each in the catalogue" }),
    chair: code.openapi({ description: "One of the members" }),
  })
  .openapi("NewForum", {
    example: {
      name: "Ledningsgruppen för samverkan Stockholm–regionen",
      level: "lokal",
      members: ["stockholms_stad", "region_stockholm"],
      chair: "region_stockholm",
    },
  });

const signal = z
  .strictObject({
    kind: z.enum(signalKinds),
    ref: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: "The signal's ref, as the suggested agenda gave it" }),
  })
  .openapi("AgendaSignal");

const actionLink = z
  .union([
    z.strictObject({
      kind: z.literal("indicator"),
      indicatorId: z.string().max(64).openapi({ description: "An agreement indicator's id" }),
    }),
    z.strictObject({
      kind: z.literal("metric"),
      metric: z.enum(indicatorMetrics as [string, ...string[]]),
      params: z.record(z.string(), z.unknown()).openapi({
        description:
          "The metric's query parameters without asOf and groupBy, checked as an indicator's are (lead-times: process, fromStep, toStep as well)",
      }),
      figure: z.enum(indicatorFigureNames as [string, ...string[]]),
    }),
  ])
  .openapi("ForumActionLink", {
    description:
      "The figure the action is meant to move: an agreement indicator, or a metric query shaped as an indicator's",
  });

const actionSource = z
  .union([
    z.object({ kind: z.literal("meeting"), meetingId: uuid, date: z.string() }),
    z.object({
      kind: z.literal("evaluation"),
      evaluationId: z.string(),
      itemId: z
        .string()
        .optional()
        .openapi({ description: "The evaluation's item (or group) it was lifted from" }),
    }),
  ])
  .openapi("ForumActionSource");

export const action = z
  .object({
    id: uuid,
    forumId: uuid,
    title: z.string(),
    owner: z.string().openapi({ description: "The owning member organisation's code" }),
    decidedOn: z.string().openapi({ description: "The deciding meeting's date" }),
    dueOn: z.string(),
    status: z.enum(actionStatuses),
    closedOn: z
      .string()
      .nullable()
      .openapi({ description: "The day (Europe/Stockholm) it was done or cancelled" }),
    link: actionLink.nullable(),
    source: actionSource,
  })
  .openapi("ForumAction");

const followUpItem = action
  .extend({
    carriedFrom: uuid.nullable().openapi({
      description: "The meeting that decided it; null when it was lifted from an evaluation",
    }),
    daysOverdue: z
      .number()
      .int()
      .openapi({ description: "Days from its due date to the meeting's date; 0 when not yet due" }),
  })
  .openapi("ForumFollowUpItem");

export const meetingSummary = z
  .object({
    id: uuid,
    forumId: uuid,
    date: z.string(),
    title: z.string().nullable(),
    status: z.enum(meetingStatuses),
    participants: z.array(z.string()),
    justerare: z.array(z.string()),
  })
  .openapi("ForumMeetingSummary");

export const agendaItem = z
  .object({
    id: uuid,
    meetingId: uuid,
    position: z.number().int(),
    title: z.string(),
    signal: z
      .object({ kind: z.enum(signalKinds), ref: z.string() })
      .nullable()
      .openapi({ description: "The signal it was picked from; null when written by hand" }),
  })
  .openapi("ForumAgendaItem");

export const decision = z
  .object({ id: uuid, meetingId: uuid, position: z.number().int(), text: z.string() })
  .openapi("ForumDecision");

export const meeting = meetingSummary
  .extend({
    agenda: z.array(agendaItem),
    decisions: z.array(decision),
    actions: z.array(action).openapi({ description: "The actions this meeting decided" }),
    followUp: z.array(followUpItem).openapi({
      description:
        "Every action of the forum decided at an earlier meeting, or lifted from an evaluation before this meeting's date, that was not done or cancelled before this meeting's date; by due date",
    }),
  })
  .openapi("ForumMeeting");

export const newMeetingBody = z
  .strictObject({ date: isoDate, title: z.string().min(1).max(300).nullable().optional() })
  .openapi("NewForumMeeting", { example: { date: "2026-03-10", title: "Ledningsgruppen, mars" } });

export const newAgendaItemBody = z
  .strictObject({ title: z.string().min(1).max(500), signal: signal.optional() })
  .openapi("NewForumAgendaItem", {
    example: { title: "Fastnade ärenden i steg 3", signal: { kind: "stuck_cases", ref: "sip:3" } },
  });

export const newDecisionBody = z
  .strictObject({ text: z.string().min(1).max(5000) })
  .openapi("NewForumDecision", {
    example: { text: "Kallelse till SIP ska gå ut inom fem arbetsdagar." },
  });

export const newActionBody = z
  .strictObject({
    title: z.string().min(1).max(500),
    owner: code.openapi({ description: "A member organisation's code" }),
    dueOn: isoDate.openapi({ description: "On or after the meeting's date" }),
    link: actionLink.nullable().optional(),
  })
  .openapi("NewForumAction", {
    example: {
      title: "Ta fram gemensam mall och rutin för kallelse till SIP",
      owner: "region_stockholm",
      dueOn: "2026-05-31",
      link: { kind: "metric", metric: "stuck", params: { process: ["sip"] }, figure: "count" },
    },
  });

export const meetingStatusBody = z
  .strictObject({
    status: z.enum(["held", "justerat"]),
    participants: z
      .array(personName)
      .max(100)
      .optional()
      .openapi({ description: "Those present; replaces the stored list when given" }),
    justerare: z.array(personName).max(20).optional().openapi({
      description: "Those who check the protocol; replaces the stored list when given",
    }),
  })
  .openapi("ForumMeetingStatusChange", {
    example: { status: "justerat", justerare: ["Karin Lund", "Johan Berg"] },
  });

export const closeActionBody = z
  .strictObject({ status: z.enum(["done", "cancelled"]) })
  .openapi("ForumActionClose", { example: { status: "done" } });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
