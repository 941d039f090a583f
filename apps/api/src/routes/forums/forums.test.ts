import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { stockholmDate } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aForumAction,
  authed,
  importAgreementCounty,
  jsonInit,
  stockholmForum,
  testApp,
  testScope,
} from "../../testing";

const lan = testScope("lan", [], "lena");
const ledning = testScope("ledning", ["stockholms_stad"], "leif");
const nackaLedning = testScope("ledning", ["nacka_kommun"], "nina");
const samordnare = testScope("samordnare", ["stockholms_stad"], "sara");
const personnummer = "19121212-1212";

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}
interface Forum {
  id: string;
  name: string;
  members: string[];
}

describe.each(testDatabases())("the forums API on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());
  const send = (method: "POST" | "PATCH", path: string, payload: unknown, scope = lan) =>
    authed(app(), `/api/v1${path}`, jsonInit(method, payload), scope);
  const get = (path: string, scope = lan) => authed(app(), `/api/v1${path}`, {}, scope);
  const details = async (res: Response) =>
    ((await res.json()) as ErrorBody).error.details.map((d) => d.path);

  async function created(payload: unknown = stockholmForum): Promise<Forum> {
    const res = await send("POST", "/forums", payload);
    expect(res.status).toBe(201);
    return (await res.json()) as Forum;
  }

  beforeAll(async () => {
    await importAgreementCounty(database());
  });

  it("creates a forum and answers exactly its fields", async () => {
    const forum = await created();
    expect(forum).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      name: stockholmForum.name,
      level: "lokal",
      members: ["region_stockholm", "stockholms_stad"],
      chair: "region_stockholm",
    });
    expect(await (await get(`/forums/${forum.id}`, samordnare)).json()).toEqual(forum);
  });

  it("answers 400 for a malformed body, 422 for unknown codes or a personnummer, 403 for ledning", async () => {
    expect((await send("POST", "/forums", { ...stockholmForum, budget: 1 })).status).toBe(400);
    expect((await send("POST", "/forums", { ...stockholmForum, level: "region" })).status).toBe(
      400,
    );
    const unknown = await send("POST", "/forums", {
      ...stockholmForum,
      members: ["stockholms_stad", "okand"],
    });
    expect(unknown.status).toBe(422);
    expect(await details(unknown)).toEqual(["members"]);
    const chair = await send("POST", "/forums", { ...stockholmForum, chair: "nacka_kommun" });
    expect(await details(chair)).toEqual(["chair"]);
    const screened = await send("POST", "/forums", {
      ...stockholmForum,
      name: `Forum ${personnummer}`,
    });
    expect(screened.status).toBe(422);
    const text = await screened.text();
    expect(text).not.toContain("1212");
    expect((JSON.parse(text) as ErrorBody).error.details.map((d) => d.path)).toEqual(["name"]);
    expect((await send("POST", "/forums", stockholmForum, ledning)).status).toBe(403);
  });

  it("lists the forums each caller sees, and hides the others with 404", async () => {
    const forum = await created();
    const ids = async (scope = lan) =>
      ((await (await get("/forums", scope)).json()) as { items: Forum[] }).items.map((f) => f.id);
    expect(await ids()).toContain(forum.id);
    expect(await ids(ledning)).toContain(forum.id);
    expect(await ids(nackaLedning)).toEqual([]);
    expect((await get(`/forums/${forum.id}`, nackaLedning)).status).toBe(404);
    expect((await get("/forums/inte-ett-id")).status).toBe(404);
  });

  it("lists the forum's actions with days overdue today, and closes each once", async () => {
    const forum = await created();
    const meetingRes = await send("POST", `/forums/${forum.id}/meetings`, { date: "2026-01-15" });
    const meeting = (await meetingRes.json()) as { id: string };
    const actionRes = await send("POST", `/forums/${forum.id}/meetings/${meeting.id}/actions`, {
      ...aForumAction,
      dueOn: "2026-01-31",
    });
    expect(actionRes.status).toBe(201);
    const action = (await actionRes.json()) as { id: string };
    const listed = async (query = "") =>
      (
        (await (await get(`/forums/${forum.id}/actions${query}`, samordnare)).json()) as {
          items: { id: string; status: string; daysOverdue: number }[];
        }
      ).items;
    const today = stockholmDate(Date.now());
    const overdue = Math.max(
      0,
      (Date.parse(`${today}T00:00:00Z`) - Date.parse("2026-01-31T00:00:00Z")) / 86_400_000,
    );
    expect(await listed()).toEqual([
      expect.objectContaining({ id: action.id, status: "open", daysOverdue: overdue }),
    ]);
    expect((await get(`/forums/${forum.id}/actions?status=someday`)).status).toBe(400);
    const close = (scope = ledning) =>
      send("PATCH", `/forums/${forum.id}/actions/${action.id}`, { status: "done" }, scope);
    expect((await close(samordnare)).status).toBe(403);
    expect((await close(nackaLedning)).status).toBe(404);
    const closed = await close();
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: "done", closedOn: today });
    expect((await close()).status).toBe(409);
    expect(await listed("?status=open")).toEqual([]);
    expect((await listed("?status=done")).map((a) => [a.id, a.daysOverdue])).toEqual([
      [action.id, 0],
    ]);
  });

  it("follows the forum up per quarter, and refuses a period it cannot read", async () => {
    const forum = await created();
    const res = await get(`/forums/${forum.id}/follow-up?from=2026-01-01&to=2026-06-30`, ledning);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { quarters: { quarter: string }[]; total: object };
    expect(body).toMatchObject({ from: "2026-01-01", to: "2026-06-30" });
    expect(body.quarters.map((q) => q.quarter)).toEqual(["2026-Q1", "2026-Q2"]);
    expect(body.total).toEqual({
      from: "2026-01-01",
      to: "2026-06-30",
      created: 0,
      done: 0,
      overdue: 0,
      due: 0,
      doneOnTime: 0,
      completionRate: null,
      medianDaysToDone: null,
    });
    const defaults = (await (await get(`/forums/${forum.id}/follow-up`)).json()) as {
      quarters: unknown[];
      to: string;
    };
    expect(defaults.quarters).toHaveLength(4);
    expect(defaults.to).toBe(stockholmDate(Date.now()));
    const reversed = await get(`/forums/${forum.id}/follow-up?from=2026-06-01&to=2026-01-01`);
    expect(reversed.status).toBe(400);
    expect(await details(reversed)).toEqual(["from"]);
    expect((await get(`/forums/${forum.id}/follow-up?from=2000-01-01&to=2026-01-01`)).status).toBe(
      400,
    );
    expect((await get(`/forums/${forum.id}/follow-up`, nackaLedning)).status).toBe(404);
  });
});
