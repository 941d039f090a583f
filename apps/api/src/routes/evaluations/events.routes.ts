import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../schemas";

/** An event id as a client sends it back; empty is no id (nothing seen yet). */
const eventId = z
  .string()
  .regex(/^\d{0,15}$/, "ett händelse-id (siffror) / an event id (digits)")
  .optional();

const streamExample = [
  "event: hello",
  'data: {"evaluationId":"5b0d7c8e-3f1a-4c2b-9e6d-7a8b9c0d1e2f","phase":"collect","phaseStartedAt":"2026-03-02T09:00:00.000Z","anonymous":false,"now":"2026-03-02T09:04:30.000Z"}',
  "retry: 1000",
  "",
  "event: presence",
  'data: {"anonymous":false,"count":2,"participants":["anna.berg","erik.lund"]}',
  "",
  "event: item",
  'data: {"id":"0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","kind":"worked_well","text":"Gemensam SIP-mall","theme":"gemensamma_begrepp","step":null,"author":"anna.berg"}',
  "id: 41",
  "",
  "event: phase",
  'data: {"phase":"group","phaseStartedAt":"2026-03-02T09:15:00.000Z"}',
  "id: 42",
  "",
  ": heartbeat",
  "",
  "",
].join("\n");

export const evaluationEventsRoute = createRoute({
  operationId: "streamEvaluationEvents",
  method: "get",
  path: "/evaluations/{id}/events",
  tags: ["evaluations"],
  summary:
    "The live board: every change to the session (item, group, vote, phase) as Server-Sent Events, from any API instance, within a second",
  description: [
    "`text/event-stream` (EventSource). First a `hello` message (no id) with the phase, when it began (`phaseStartedAt`, for the phase timer) and the server's clock (`now`), then `presence`, then every stored change after the event id the client names, in order, then each new change as it is recorded.",
    "Each change is a message with `id` (the event's number, increasing), `event` (its type: `item`, `group`, `vote`, `phase`, …) and `data` (its JSON payload; a `phase` event carries `phaseStartedAt`). Reconnecting with `Last-Event-ID` (the header EventSource sends by itself, or `?lastEventId=` for clients that cannot set headers; the header wins) sends exactly the changes after it, none twice.",
    "`presence` messages (no id, not stored) say who has the board open, on every instance: in an anonymous session only how many (`count`), never who; otherwise `participants` by their subject. A comment line (`: heartbeat`) every 15 s keeps proxies from closing the stream. The stream ends when the server stops; EventSource then reconnects (`retry: 1000`).",
    "Read by the session's organisations' users and admin (404 for others). Opening the stream is not audited: it reads a session's board, not case-level data, and in an anonymous session the audit row would itself say who took part.",
  ].join("\n\n"),
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
    }),
    query: z.object({
      lastEventId: eventId.openapi({
        description: "The last event id the client has; the Last-Event-ID header wins",
        example: "41",
      }),
    }),
    headers: z.object({
      "last-event-id": eventId.openapi({
        description: "Sent by EventSource when it reconnects",
        example: "41",
      }),
    }),
  },
  responses: {
    200: {
      description: "The board's events, as they happen (an open stream)",
      content: {
        "text/event-stream": {
          schema: z.string().openapi({ example: streamExample }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});
