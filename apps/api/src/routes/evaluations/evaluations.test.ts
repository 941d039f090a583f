import { countAuditRows, resetData, testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { stockholmDate } from "@samsyn/domain";
import { beforeEach, describe, expect, it } from "vitest";
import {
  anEvaluationItem,
  aSession,
  aSessionForum,
  authed,
  captureLogs,
  importAgreementCounty,
  jsonInit,
  testApp,
  testScope,
} from "../../testing";

const admin = testScope("admin", [], "adam");
const lan = testScope("lan", [], "lena");
const ledning = testScope("ledning", ["stockholms_stad"], "leif");
const samordnare = testScope("samordnare", ["stockholms_stad"], "sam");
const nacka = testScope("samordnare", ["nacka_kommun"], "nora");
const personnummer = "19121212-1212";

interface ErrorBody {
  error: { code: string; details: { path: string; message: string }[] };
}
interface Board {
  id: string;
  phase: string;
  phaseStartedAt: string;
  myVotesLeft: number;
  items: { id: string; author: string | null; votes: number | null; action: unknown }[];
  groups: { id: string; votes: number | null }[];
  previousActions: unknown[];
}

describe.each(testDatabases())("the evaluations API on $name", (target) => {
  const database = useMigratedDatabase(target);
  const logs = captureLogs();
  const app = () => testApp(database(), { logger: logs.logger });
  const post = (path: string, payload: unknown, scope = samordnare) =>
    authed(app(), `/api/v1${path}`, jsonInit("POST", payload), scope);
  const get = (path: string, scope = samordnare) => authed(app(), `/api/v1${path}`, {}, scope);
  const created = async (payload: unknown, scope = samordnare) => {
    const res = await post("/evaluations", payload, scope);
    expect(res.status).toBe(201);
    return (await res.json()) as Board;
  };
  const itemOf = async (id: string, scope = samordnare, body: unknown = anEvaluationItem) => {
    const res = await post(`/evaluations/${id}/items`, body, scope);
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const advance = async (id: string, phase: string) =>
    expect((await post(`/evaluations/${id}/phase`, { phase })).status).toBe(200);

  beforeEach(async () => {
    await resetData(database().db);
    await importAgreementCounty(database());
  });

  it("creates a session in collect, with the SPEC's fields", async () => {
    const board = await created(aSession);
    expect(board).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: aSession.title,
      organisations: ["region_stockholm", "stockholms_stad"],
      from: "2026-01-01",
      to: "2026-03-31",
      process: "intern_samsjuklighet",
      steps: [2, 3],
      anonymous: false,
      votesPerParticipant: 10,
      phase: "collect",
      phaseStartedAt: expect.any(String),
      createdAt: expect.any(String),
      items: [],
      groups: [],
      myVotesLeft: 10,
      previousActions: [],
    });
    expect((await get(`/evaluations/${board.id}`, nacka)).status).toBe(404);
    expect((await get("/evaluations", nacka)).status).toBe(200);
    expect(
      ((await (await get("/evaluations", ledning)).json()) as { items: unknown[] }).items,
    ).toHaveLength(1);
  });

  it("refuses lan (403), unknown codes and steps (422 naming the field), and strict bodies (400)", async () => {
    expect((await post("/evaluations", aSession, lan)).status).toBe(403);
    expect((await post("/evaluations", aSession, nacka)).status).toBe(403);
    for (const [change, field] of [
      [{ organisations: ["stockholms_stad", "okand"] }, "organisations"],
      [{ process: "okand" }, "process"],
      [{ steps: [42] }, "steps"],
      [{ title: `Om ${personnummer}` }, "title"],
    ] as const) {
      const res = await post("/evaluations", { ...aSession, ...change });
      expect(res.status).toBe(422);
      const text = await res.text();
      expect(text).not.toContain(personnummer);
      expect((JSON.parse(text) as ErrorBody).error.details.map((d) => d.path)).toEqual([field]);
    }
    expect((await post("/evaluations", { ...aSession, votesPerParticipant: 11 })).status).toBe(400);
    expect((await post("/evaluations", { ...aSession, extra: 1 })).status).toBe(400);
  });

  it("keeps an anonymous author off the item, the audit row and the log line", async () => {
    const board = await created({ ...aSession, anonymous: true });
    const before = await countAuditRows(database().db);
    const res = await post(`/evaluations/${board.id}/items`, anEvaluationItem);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      ...anEvaluationItem,
      author: null,
      votes: null,
      action: null,
    });
    expect(await countAuditRows(database().db)).toBe(before + 1);
    const audit = await get("/audit-log?action=evaluation_item.create", admin);
    const actors = ((await audit.json()) as { items: { actor: string }[] }).items.map(
      (r) => r.actor,
    );
    expect(actors).toEqual([`evaluation:${board.id}`]);
    const line = logs.lines().find((l) => l.route === "/api/v1/evaluations/:id/items");
    expect(line).toMatchObject({ status: 201, role: "samordnare" });
    expect(line?.sub).toBeUndefined();
    const itemLines = logs
      .lines()
      .filter((l) => String(l.route).includes("/evaluations/:id/items"));
    expect(itemLines.length).toBeGreaterThan(0);
    expect(itemLines.every((l) => !("sub" in l) || l.sub === undefined)).toBe(true);
  });

  it("names the author in an open session, screens the text and answers 409 out of phase", async () => {
    const board = await created(aSession);
    const res = await post(`/evaluations/${board.id}/items`, anEvaluationItem);
    expect(await res.json()).toMatchObject({ author: "sam" });
    const screened = await post(`/evaluations/${board.id}/items`, {
      ...anEvaluationItem,
      text: `Gäller ${personnummer}`,
    });
    expect(screened.status).toBe(422);
    const body = await screened.text();
    expect(body).not.toContain(personnummer);
    expect((JSON.parse(body) as ErrorBody).error.details[0]?.path).toBe("text");
    expect(
      (await post(`/evaluations/${board.id}/items`, { ...anEvaluationItem, theme: "okant" }))
        .status,
    ).toBe(422);
    expect((await post(`/evaluations/${board.id}/phase`, { phase: "vote" })).status).toBe(409);
    expect((await post(`/evaluations/${board.id}/phase`, { phase: "group" }, lan)).status).toBe(
      404,
    );
    await advance(board.id, "group");
    expect((await post(`/evaluations/${board.id}/items`, anEvaluationItem)).status).toBe(409);
    expect((await post(`/evaluations/${board.id}/votes`, { target: board.id })).status).toBe(409);
  });

  it("groups, votes to the limit and shows totals only in discuss", async () => {
    const board = await created({ ...aSession, votesPerParticipant: 1 });
    const a = await itemOf(board.id);
    const b = await itemOf(board.id, ledning, {
      kind: "worked_well",
      text: "Bra dialog",
      theme: "tillit",
    });
    await advance(board.id, "group");
    const group = await post(`/evaluations/${board.id}/groups`, { title: "Kallelser", items: [a] });
    expect(group.status).toBe(201);
    const { id: groupId } = (await group.json()) as { id: string };
    const moved = await post(`/evaluations/${board.id}/groups/${groupId}/items`, { items: [b] });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({
      id: groupId,
      items: [a, b],
      kind: "improve",
      votes: null,
    });
    expect(
      (await post(`/evaluations/${board.id}/groups`, { title: "x", items: [board.id] })).status,
    ).toBe(422);
    await advance(board.id, "vote");
    const vote = await post(`/evaluations/${board.id}/votes`, { target: groupId });
    expect(vote.status).toBe(201);
    expect(await vote.json()).toMatchObject({ target: groupId, myVotesLeft: 0 });
    expect((await post(`/evaluations/${board.id}/votes`, { target: a })).status).toBe(409);
    expect((await post(`/evaluations/${board.id}/votes`, { target: a }, ledning)).status).toBe(201);
    const hidden = (await (await get(`/evaluations/${board.id}`)).json()) as Board;
    expect(hidden.items.map((i) => i.votes)).toEqual([null, null]);
    expect(hidden.groups.map((g) => g.votes)).toEqual([null]);
    await advance(board.id, "discuss");
    const shown = (await (await get(`/evaluations/${board.id}`)).json()) as Board;
    expect(shown.items.map((i) => i.votes)).toEqual([1, 0]);
    expect(shown.groups.map((g) => g.votes)).toEqual([1]);
  });

  it("lifts an improvement to a forum, linked both ways, and the next session sees its status", async () => {
    const forum = await post("/forums", aSessionForum, lan);
    const { id: forumId } = (await forum.json()) as { id: string };
    const board = await created(aSession);
    const item = await itemOf(board.id);
    const lift = { forumId, owner: "stockholms_stad", dueOn: "2026-09-30" };
    expect((await post(`/evaluations/${board.id}/items/${item}/action`, lift)).status).toBe(403);
    const res = await post(`/evaluations/${board.id}/items/${item}/action`, lift, ledning);
    expect(res.status).toBe(201);
    const action = (await res.json()) as { id: string };
    expect(action).toMatchObject({
      forumId,
      status: "open",
      title: anEvaluationItem.text,
      decidedOn: stockholmDate(Date.now()),
      source: { kind: "evaluation", evaluationId: board.id, itemId: item },
    });
    const done = await authed(
      app(),
      `/api/v1/forums/${forumId}/actions/${action.id}`,
      jsonInit("PATCH", { status: "done" }),
      ledning,
    );
    expect(done.status).toBe(200);
    const after = (await (await get(`/evaluations/${board.id}`)).json()) as Board;
    expect(after.items[0]?.action).toEqual({ id: action.id, status: "done" });
    const next = await created(aSession);
    expect(next.previousActions).toEqual([
      {
        id: action.id,
        title: anEvaluationItem.text,
        status: "done",
        dueOn: "2026-09-30",
        evaluationId: board.id,
      },
    ]);
  });

  it("publishes theme trends under disclosure control, audited as metric reads", async () => {
    const board = await created(aSession);
    for (let i = 0; i < 6; i++) await itemOf(board.id);
    await itemOf(board.id, samordnare, { kind: "worked_well", text: "Bra", theme: "tillit" });
    const before = await countAuditRows(database().db);
    const res = await get("/evaluations/themes?groupBy=theme", ledning);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      groupBy: string[];
      view: string;
      cells: Record<string, unknown>[];
    };
    expect(body.groupBy).toEqual(["theme"]);
    expect(body.view).toBe("own");
    const byTheme = Object.fromEntries(body.cells.map((c) => [c.theme, c]));
    expect(byTheme.tillit).toMatchObject({ workedWell: null, suppressed: true });
    expect(byTheme.kommunikation).toMatchObject({ suppressed: expect.any(Boolean) });
    expect((await get("/evaluations/themes?groupBy=person")).status).toBe(400);
    const nackas = (await (await get("/evaluations/themes", nacka)).json()) as { cells: unknown[] };
    expect(nackas.cells).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await countAuditRows(database().db)).toBeGreaterThan(before);
  });

  it("shows the session's process figures beside the board", async () => {
    const board = await created(aSession);
    const res = await get(`/evaluations/${board.id}/figures`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      leadTimes: { fromStep: number; toStep: number }[];
      stuck: unknown[];
      flow: unknown[];
    };
    expect(body.leadTimes.map((l) => [l.fromStep, l.toStep])).toEqual([
      [2, 3],
      [3, 4],
    ]);
    expect((await get(`/evaluations/${board.id}/figures`, nacka)).status).toBe(404);
  });

  it("puts a recurring improvement theme on the forum's suggested agenda", async () => {
    const forum = await post("/forums", aSessionForum, lan);
    const { id: forumId } = (await forum.json()) as { id: string };
    const meeting = await post(
      `/forums/${forumId}/meetings`,
      { date: stockholmDate(Date.now()) },
      lan,
    );
    const { id: meetingId } = (await meeting.json()) as { id: string };
    const agenda = async () =>
      (
        (await (
          await get(`/forums/${forumId}/meetings/${meetingId}/suggested-agenda`, lan)
        ).json()) as {
          signals: { kind: string; ref: string; figure: Record<string, unknown> }[];
        }
      ).signals.filter((s) => s.kind === "improvement_theme");
    for (let i = 0; i < 2; i++) await itemOf((await created(aSession)).id);
    expect(await agenda()).toEqual([]);
    await itemOf((await created(aSession)).id);
    expect(await agenda()).toEqual([
      expect.objectContaining({
        ref: "kommunikation",
        figure: expect.objectContaining({ sessions: 3, items: null }),
      }),
    ]);
  });
});
