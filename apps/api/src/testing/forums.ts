import { jsonInit } from "./app";

/**
 * Bodies for the forum routes, shared by the tests that call every route (permissions, the
 * response contract) and the module's own: a forum of Stockholms stad and the region, a
 * meeting, an agenda item picked from a signal, a decision and an action linked to a figure.
 */
export const stockholmForum = {
  name: "Ledningsgruppen för samverkan Stockholm–regionen",
  level: "lokal",
  members: ["stockholms_stad", "region_stockholm"],
  chair: "region_stockholm",
};

export const aMeeting = { date: "2026-03-10", title: "Ledningsgruppen, mars" };

export const anAgendaItem = {
  title: "Fastnade ärenden i kallelse till SIP",
  signal: { kind: "stuck_cases", ref: "sip:3" },
};

export const aDecision = { text: "Kallelse till SIP ska gå ut inom fem arbetsdagar." };

export const aForumAction = {
  title: "Ta fram gemensam mall och rutin för kallelse till SIP",
  owner: "region_stockholm",
  dueOn: "2026-05-31",
  link: { kind: "metric", metric: "stuck", params: { process: ["sip"] }, figure: "count" },
};

/** What the calls of every forum route act on. */
export interface ForumFixtures {
  readonly forumId: string;
  /** A planned meeting that is never moved on: agenda, decisions and actions may go to it. */
  readonly meetingId: string;
  /** An open action with a figure link, that no call closes: for the reads of one action. */
  readonly actionId: string;
  /** A fresh planned meeting per call, round and round: a second use moves it on, or is 409. */
  nextMeeting(): string;
  /** A fresh open action per call, round and round: a second use is 409. */
  nextAction(): string;
}

/**
 * Creates the fixtures through the API with `create` (a POST that answers 201 with an `id`):
 * the forum, an earlier meeting whose actions the main meeting follows up (so its `followUp`
 * is not empty), and `count` meetings and actions for the calls that change them.
 */
export async function createForumFixtures(
  create: (path: string, body: unknown) => Promise<string>,
  count: number,
): Promise<ForumFixtures> {
  const forumId = await create("/api/v1/forums", stockholmForum);
  const meetings = `/api/v1/forums/${forumId}/meetings`;
  const earlier = await create(meetings, { date: "2026-01-15" });
  const actions: string[] = [];
  for (let i = 0; i < count; i++) {
    actions.push(
      await create(`${meetings}/${earlier}/actions`, { ...aForumAction, dueOn: "2026-02-01" }),
    );
  }
  const actionId = await create(`${meetings}/${earlier}/actions`, aForumAction);
  const meetingId = await create(meetings, aMeeting);
  const fresh: string[] = [];
  for (let i = 0; i < count; i++) fresh.push(await create(meetings, { date: "2026-04-14" }));
  const cycle = (pool: readonly string[]) => {
    let next = 0;
    return () => pool[next++ % pool.length] ?? "";
  };
  return { forumId, meetingId, actionId, nextMeeting: cycle(fresh), nextAction: cycle(actions) };
}

/** One ordinary call of a forum operation: its path, method and JSON body, if any. */
export interface ForumCall {
  readonly path: string;
  readonly method: "GET" | "POST" | "PATCH";
  readonly body?: unknown;
}

export function forumCall(operation: string, fixtures: ForumFixtures): ForumCall | undefined {
  const [method, template = ""] = operation.split(" ");
  if (!template.startsWith("/api/v1/forums")) return undefined;
  const meetingId = operation.endsWith("/status") ? fixtures.nextMeeting() : fixtures.meetingId;
  const path = template
    .replace("{id}", fixtures.forumId)
    .replace("{mid}", meetingId)
    .replace("{aid}", method === "PATCH" ? fixtures.nextAction() : fixtures.actionId);
  const body = bodies[operation.replace(/^POST |^PATCH /, "").replace("/api/v1/forums", "")];
  if (method === "GET") return { path, method };
  return { path, method: method === "PATCH" ? "PATCH" : "POST", body };
}

const bodies: Readonly<Record<string, unknown>> = {
  "": stockholmForum,
  "/{id}/meetings": aMeeting,
  "/{id}/meetings/{mid}/agenda": anAgendaItem,
  "/{id}/meetings/{mid}/decisions": aDecision,
  "/{id}/meetings/{mid}/actions": aForumAction,
  "/{id}/meetings/{mid}/status": { status: "held", participants: ["Karin Lund", "Maria Holm"] },
  "/{id}/actions/{aid}": { status: "done" },
};

/** A forum call as a request init: a JSON body for a write, nothing for a read. */
export function forumRequest(call: ForumCall): { path: string; init: RequestInit } {
  return {
    path: call.path,
    init: call.method === "GET" ? { method: "GET" } : jsonInit(call.method, call.body),
  };
}
