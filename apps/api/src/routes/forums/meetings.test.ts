import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { t } from "@samsyn/domain";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  aDecision,
  aForumAction,
  anAgendaItem,
  anIndicator,
  authed,
  importAgreementCounty,
  jsonInit,
  stockholmAgreement,
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
interface Action {
  id: string;
  title: string;
  status: string;
  carriedFrom?: string | null;
  daysOverdue?: number;
}
interface Meeting {
  id: string;
  date: string;
  status: string;
  actions: Action[];
  followUp: Action[];
}

describe.each(testDatabases())("a forum's meetings in the API on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());
  const send = (method: "POST" | "PATCH", path: string, payload: unknown, scope = ledning) =>
    authed(app(), `/api/v1${path}`, jsonInit(method, payload), scope);
  const get = (path: string, scope = ledning) => authed(app(), `/api/v1${path}`, {}, scope);
  const paths = async (res: Response) =>
    ((await res.json()) as ErrorBody).error.details.map((d) => d.path);
  let forum: string;

  beforeAll(async () => {
    await importAgreementCounty(database());
  });

  beforeEach(async () => {
    const res = await send("POST", "/forums", stockholmForum, lan);
    forum = ((await res.json()) as { id: string }).id;
  });

  async function meeting(date = "2026-03-10"): Promise<Meeting> {
    const res = await send("POST", `/forums/${forum}/meetings`, { date });
    expect(res.status).toBe(201);
    return (await res.json()) as Meeting;
  }

  const protocol = (m: string, part: string, body: unknown, scope = ledning) =>
    send("POST", `/forums/${forum}/meetings/${m}/${part}`, body, scope);

  it("plans a meeting with SPEC's shape: planned, with empty agenda, decisions and actions", async () => {
    const res = await send("POST", `/forums/${forum}/meetings`, {
      date: "2026-03-10",
      title: "Ledningsgruppen, mars",
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      forumId: forum,
      date: "2026-03-10",
      title: "Ledningsgruppen, mars",
      status: "planned",
      participants: [],
      justerare: [],
      agenda: [],
      decisions: [],
      actions: [],
      followUp: [],
    });
    const body = { date: "2026-03-10" };
    expect((await send("POST", `/forums/${forum}/meetings`, body, samordnare)).status).toBe(403);
    expect((await send("POST", `/forums/${forum}/meetings`, body, nackaLedning)).status).toBe(404);
    expect((await send("POST", `/forums/${forum}/meetings`, { date: "2026-02-30" })).status).toBe(
      400,
    );
  });

  it("writes agenda, decisions and actions, each 201, and shows them on the meeting", async () => {
    const m = await meeting();
    const item = await protocol(m.id, "agenda", anAgendaItem);
    expect(item.status).toBe(201);
    expect(await item.json()).toMatchObject({ position: 1, signal: anAgendaItem.signal });
    expect((await protocol(m.id, "decisions", aDecision)).status).toBe(201);
    const added = await protocol(m.id, "actions", aForumAction);
    expect(added.status).toBe(201);
    const action = await added.json();
    expect(action).toEqual({
      id: expect.any(String),
      forumId: forum,
      title: aForumAction.title,
      owner: "region_stockholm",
      decidedOn: "2026-03-10",
      dueOn: "2026-05-31",
      status: "open",
      closedOn: null,
      link: aForumAction.link,
      source: { kind: "meeting", meetingId: m.id, date: "2026-03-10" },
    });
    const whole = (await (await get(`/forums/${forum}/meetings/${m.id}`, samordnare)).json()) as {
      agenda: unknown[];
      decisions: unknown[];
      actions: unknown[];
    };
    expect([whole.agenda.length, whole.decisions.length, whole.actions]).toEqual([1, 1, [action]]);
    expect((await protocol(m.id, "decisions", aDecision, samordnare)).status).toBe(403);
    expect((await get(`/forums/${forum}/meetings/${m.id}`, nackaLedning)).status).toBe(404);
  });

  it("checks an action's owner, due date and link, naming the field", async () => {
    const m = await meeting();
    const notMember = await protocol(m.id, "actions", { ...aForumAction, owner: "nacka_kommun" });
    expect(notMember.status).toBe(422);
    expect(await notMember.json()).toMatchObject({
      error: { details: [{ path: "owner", message: t("forums.error.ownerNotMember") }] },
    });
    const early = await protocol(m.id, "actions", { ...aForumAction, dueOn: "2026-01-01" });
    expect(await paths(early)).toEqual(["dueOn"]);
    const badParams = await protocol(m.id, "actions", {
      ...aForumAction,
      link: { ...aForumAction.link, params: { municipality: ["9999"], budget: 1 } },
    });
    expect(badParams.status).toBe(400);
    expect((await paths(badParams)).sort()).toEqual(["link.params.budget"]);
    const badCode = await protocol(m.id, "actions", {
      ...aForumAction,
      link: { ...aForumAction.link, params: { municipality: ["9999"] }, figure: "p90" },
    });
    expect(badCode.status).toBe(400);
    expect((await paths(badCode)).sort()).toEqual(["link.figure", "link.params.municipality"]);
    const noIndicator = await protocol(m.id, "actions", {
      ...aForumAction,
      link: { kind: "indicator", indicatorId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(noIndicator.status).toBe(422);
    expect(await paths(noIndicator)).toEqual(["link.indicatorId"]);
    const agreement = await send("POST", "/agreements", stockholmAgreement, lan);
    const agreementId = ((await agreement.json()) as { id: string }).id;
    const indicator = await send("POST", `/agreements/${agreementId}/indicators`, anIndicator, lan);
    const indicatorId = ((await indicator.json()) as { id: string }).id;
    const linked = await protocol(m.id, "actions", {
      ...aForumAction,
      link: { kind: "indicator", indicatorId },
    });
    expect(linked.status).toBe(201);
    const stored = (await (await get(`/forums/${forum}/meetings/${m.id}`)).json()) as Meeting;
    expect(stored.actions).toHaveLength(1);
  });

  it("moves planned → held → justerat, then answers 409 to every write of the protocol", async () => {
    const m = await meeting();
    const action = (await (await protocol(m.id, "actions", aForumAction)).json()) as Action;
    expect((await protocol(m.id, "status", { status: "justerat" })).status).toBe(409);
    const held = await protocol(m.id, "status", {
      status: "held",
      participants: ["Karin Lund", "Maria Holm"],
    });
    expect(held.status).toBe(200);
    expect(await held.json()).toMatchObject({
      status: "held",
      participants: ["Karin Lund", "Maria Holm"],
    });
    const justerat = await protocol(m.id, "status", {
      status: "justerat",
      justerare: ["Per Ekström"],
    });
    expect(await justerat.json()).toMatchObject({ status: "justerat", justerare: ["Per Ekström"] });
    const writes = [
      ["agenda", anAgendaItem],
      ["decisions", aDecision],
      ["actions", aForumAction],
      ["status", { status: "justerat" }],
    ] as const;
    for (const [part, body] of writes) {
      const res = await protocol(m.id, part, body);
      expect(res.status, part).toBe(409);
      expect(((await res.json()) as ErrorBody).error.message).toBe(t("error.conflict"));
    }
    const closed = await send("PATCH", `/forums/${forum}/actions/${action.id}`, {
      status: "cancelled",
    });
    expect(closed.status).toBe(200);
  });

  it("screens the names of the protocol, never echoing the number", async () => {
    const m = await meeting();
    const res = await protocol(m.id, "status", {
      status: "held",
      justerare: ["Karin Lund", `Per ${personnummer}`],
    });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain("1212");
    expect((JSON.parse(text) as ErrorBody).error.details.map((d) => d.path)).toEqual([
      "justerare.1",
    ]);
    const stored = (await (await get(`/forums/${forum}/meetings/${m.id}`)).json()) as Meeting;
    expect(stored.status).toBe("planned");
  });

  it("lists meetings by date and follows open actions up at every later one", async () => {
    const march = await meeting("2026-03-10");
    const january = await meeting("2026-01-15");
    const forgotten = (await (
      await protocol(january.id, "actions", { ...aForumAction, dueOn: "2026-02-01" })
    ).json()) as Action;
    const list = (await (await get(`/forums/${forum}/meetings`, samordnare)).json()) as {
      items: Meeting[];
    };
    expect(list.items.map((x) => x.date)).toEqual(["2026-01-15", "2026-03-10"]);
    const whole = (await (await get(`/forums/${forum}/meetings/${march.id}`)).json()) as Meeting;
    expect(whole.followUp).toEqual([
      expect.objectContaining({
        id: forgotten.id,
        status: "open",
        carriedFrom: january.id,
        daysOverdue: 37,
        source: { kind: "meeting", meetingId: january.id, date: "2026-01-15" },
      }),
    ]);
    const april = await meeting("2026-04-14");
    expect(april.followUp.map((a) => [a.id, a.daysOverdue])).toEqual([[forgotten.id, 72]]);
  });
});
