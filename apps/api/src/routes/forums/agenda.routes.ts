import { createRoute, z } from "@hono/zod-openapi";
import { signalKinds } from "@samsyn/domain";
import { envelope } from "../metrics/metrics.routes";
import { errorResponses, isoDate } from "../schemas";

const forumId = z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" });
const meetingId = z.string().openapi({ param: { name: "mid", in: "path" }, format: "uuid" });
const actionId = z.string().openapi({ param: { name: "aid", in: "path" }, format: "uuid" });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const signal = z
  .object({
    kind: z.enum(signalKinds),
    ref: z.string().openapi({
      description:
        "What the signal is about — an escalation, agreement, indicator, deviation or action id, or `process:step` for stuck cases — to pass as the agenda item's `signal.ref`",
    }),
    title: z.string().openapi({ description: "Swedish" }),
    figure: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).openapi({
      description:
        "The signal's figures: stuck_cases {value, suppressed, unit, medianDaysOver, asOf} (value null when withheld); open_escalation {level, daysOpen, openedOn}; review_due {reviewBy, daysLeft, status}; indicator_off_target {value, suppressed, unit (cases or days), target, direction, asOf}; deviation {kind, section, occurredOn}; improvement_theme {sessions, items (null when withheld), since}; overdue_action {daysOverdue, dueOn, owner}",
    }),
    link: z.string().openapi({ description: "The dashboard page behind the signal" }),
  })
  .openapi("SuggestedAgendaSignal");

export const suggestedAgendaRoute = createRoute({
  operationId: "getSuggestedAgenda",
  method: "get",
  path: "/forums/{id}/meetings/{mid}/suggested-agenda",
  tags: ["forums"],
  summary: "What the forum may want to take up: signals since the previous meeting, with figures",
  description:
    "Over the forum's member organisations: steps with stuck cases (the stuck metric grouped by process and step, published like GET /metrics/stuck with the members' cases as its population, so withheld counts stay withheld); open escalations lifted to level 3 (förvaltningschef/ledningsforum); agreements in force with a member among their parties whose yearly review is overdue or due within 31 days; their indicators whose current figure misses its target (published as GET /agreements/{id}/indicators publishes it for the caller); open deviations on those agreements that occurred since the previous meeting; evaluation themes raised as improvements in at least 3 sessions of the members within 6 months; the forum's actions open on the meeting's day and past due. `since` is the previous meeting's date, or a quarter before the forum's first. Figures are read as of the meeting's date, or today for a meeting ahead. Audited as a metric read.",
  request: { params: z.object({ id: forumId, mid: meetingId }) },
  responses: {
    200: json(
      z
        .object({
          k: envelope.k,
          disclosure: envelope.disclosure,
          since: z.string(),
          asOf: z.string(),
          signals: z.array(signal),
        })
        .openapi("SuggestedAgenda", {
          example: {
            k: 5,
            disclosure: "cellkey",
            since: "2026-10-14",
            asOf: "2026-11-11",
            signals: [
              {
                kind: "stuck_cases",
                ref: "sip:3",
                title:
                  "Fastnade ärenden i steg 3 Kallelse till planeringsmöte (Samordnad individuell plan)",
                figure: {
                  value: 14,
                  suppressed: false,
                  unit: "cases",
                  medianDaysOver: 12,
                  asOf: "2026-11-11",
                },
                link: "/fastnade?process=sip",
              },
            ],
          },
        }),
      "The signals, in the order of their kinds",
    ),
    ...errorResponses(404),
  },
});

const reading = z.object({
  value: z.number().nullable(),
  suppressed: z.boolean(),
  met: z.boolean().nullable(),
});

const datedReading = reading.extend({ date: z.string() });

export const actionEffectRoute = createRoute({
  operationId: "getActionEffect",
  method: "get",
  path: "/forums/{id}/actions/{aid}/effect",
  tags: ["forums"],
  summary: "Did it work? The figure an action was meant to move: when decided, when done, now",
  description:
    "For an action linked to an agreement indicator or a metric query: the figure as of the day it was decided, the day it was done (null while open or when cancelled) and today, and by month from a quarter before the decision (at least 12 months, at most 36). Published for the caller as GET /metrics publishes it — the same disclosure control and scope — and audited as a metric read. An action without a link answers 404 with the reason; a link whose indicator has since gone, or whose parameters no longer hold, gives no values.",
  request: {
    params: z.object({ id: forumId, aid: actionId }),
    query: z.object({
      asOf: isoDate
        .optional()
        .openapi({ description: "Default today (Europe/Stockholm)", example: "2026-11-30" }),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          k: envelope.k,
          disclosure: envelope.disclosure,
          actionId: z.string(),
          name: z.string().openapi({ description: "The indicator's name, or the metric's figure" }),
          metric: z.string(),
          figure: z.string(),
          target: z
            .object({ value: z.number(), direction: z.enum(["at_least", "at_most"]) })
            .nullable(),
          decided: datedReading,
          done: datedReading.nullable(),
          now: datedReading,
          months: z.array(reading.extend({ month: z.string() })),
        })
        .openapi("ActionEffect", {
          example: {
            k: 5,
            disclosure: "cellkey",
            actionId: "5f0c2c8e-0b7a-4a57-9d0e-2b1d7f5d9a11",
            name: "Upprättade SIP",
            metric: "sip",
            figure: "sipEstablished",
            target: { value: 10, direction: "at_least" },
            decided: { date: "2026-03-11", value: 6, suppressed: false, met: false },
            done: { date: "2026-06-02", value: 11, suppressed: false, met: true },
            now: { date: "2026-11-30", value: 14, suppressed: false, met: true },
            months: [{ month: "2026-11", value: 14, suppressed: false, met: true }],
          },
        }),
      "The figure at the decision, when done, now, and by month",
    ),
    ...errorResponses(404),
  },
});
