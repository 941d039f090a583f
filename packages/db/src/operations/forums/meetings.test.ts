import { type IsoDate, type OrganisationCode, type Scope, t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { forumFollowUp, getMeeting, listForumActions, listMeetings } from "../../queries/forums";
import type { Result } from "../../queries/result";
import { selectRows } from "../../queries/rows";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  importExampleCounty,
  resetData,
  testDatabases,
  useMigratedDatabase,
} from "../../testing";
import { addIndicator, createAgreement, type NewAgreement } from "../agreements";
import {
  addAction,
  addAgendaItem,
  changeMeetingStatus,
  closeAction,
  createForum,
  type NewAction,
  type NewForum,
  planMeeting,
  recordDecision,
} from ".";

const lan = aScope("lan", []);
const ledning = aScope("ledning", ["stockholms_stad"]);
const solnaLedning = aScope("ledning", ["solna_stad"]);
const samordnare = aScope("samordnare", ["stockholms_stad"]);
const personnummer = "19121212-1212";
const d = (date: string) => date as IsoDate;

const anAction: NewAction = {
  title: "Ta fram gemensam rutin för kallelse till SIP",
  owner: "region_stockholm" as OrganisationCode,
  dueOn: d("2026-04-30"),
};

describe.each(testDatabases())("meetings and actions on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;
  let forumId: string;

  beforeEach(async () => {
    await resetData(db());
    await importExampleCounty(database());
    const forum = await createForum(db(), lan, anAuditContext(lan), {
      name: "Ledningsgruppen Stockholm–regionen",
      level: "lokal",
      members: ["stockholms_stad", "region_stockholm"],
      chair: "stockholms_stad",
    } as unknown as NewForum);
    if (!forum.ok) throw new Error("no forum");
    forumId = forum.value.id;
  });

  /** Runs a write and checks it wrote exactly one audit row, whatever its outcome. */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    const before = await countAuditRows(db());
    const result = await work();
    expect(await countAuditRows(db())).toBe(before + 1);
    return result;
  }

  const count = async (table: string) =>
    (
      await selectRows<{ n: number }>(
        db(),
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
      )
    )[0]?.n;

  async function meeting(date: string, scope: Scope = ledning) {
    const r = await write(() =>
      planMeeting(db(), scope, anAuditContext(scope), forumId, { date: d(date) }),
    );
    if (!r.ok) throw new Error(`refused: ${r.error}`);
    return r.value;
  }

  async function action(meetingId: string, input: Partial<NewAction> = {}) {
    const r = await write(() =>
      addAction(db(), ledning, anAuditContext(ledning), forumId, meetingId, {
        ...anAction,
        ...input,
      }),
    );
    if (!r.ok) throw new Error(`refused: ${r.error} ${JSON.stringify(r.details)}`);
    return r.value;
  }

  const status = (meetingId: string, body: object, scope: Scope = ledning) =>
    write(() =>
      changeMeetingStatus(db(), scope, anAuditContext(scope), forumId, meetingId, {
        status: "held",
        ...body,
      }),
    );

  it("plans a meeting with an empty protocol, by ledning of a member, lan or admin", async () => {
    const m = await meeting("2026-03-10");
    expect(m).toEqual({
      id: expect.any(String),
      forumId,
      date: "2026-03-10",
      title: null,
      status: "planned",
      participants: [],
      justerare: [],
      agenda: [],
      decisions: [],
      actions: [],
      followUp: [],
    });
    expect((await meeting("2026-04-10", lan)).status).toBe("planned");
    expect((await meeting("2026-05-10", aScope("admin"))).status).toBe("planned");
  });

  it("refuses samordnare (403) and ledning of another organisation (404), storing nothing", async () => {
    const before = await count("forum_meetings");
    const denied = await write(() =>
      planMeeting(db(), samordnare, anAuditContext(samordnare), forumId, { date: d("2026-03-10") }),
    );
    expect(denied).toEqual({ ok: false, error: "forbidden" });
    const outside = await write(() =>
      planMeeting(db(), solnaLedning, anAuditContext(solnaLedning), forumId, {
        date: d("2026-03-10"),
      }),
    );
    expect(outside).toEqual({ ok: false, error: "not_found" });
    const nowhere = await write(() =>
      planMeeting(db(), lan, anAuditContext(lan), "inte-ett-id", { date: d("2026-03-10") }),
    );
    expect(nowhere).toEqual({ ok: false, error: "not_found" });
    expect(await count("forum_meetings")).toBe(before);
    expect(await listMeetings(db(), solnaLedning, forumId)).toEqual({
      ok: false,
      error: "not_found",
    });
  });

  it("writes the agenda and decisions in order, and answers the meeting whole", async () => {
    const m = await meeting("2026-03-10");
    const signal = { kind: "stuck_cases", ref: "sip:3" } as const;
    const first = await write(() =>
      addAgendaItem(db(), ledning, anAuditContext(ledning), forumId, m.id, {
        title: "Fastnade ärenden i steg 3",
        signal,
      }),
    );
    expect(first).toMatchObject({ ok: true, value: { position: 1, signal } });
    await addAgendaItem(db(), lan, anAuditContext(lan), forumId, m.id, { title: "Övrigt" });
    const decided = await write(() =>
      recordDecision(db(), ledning, anAuditContext(ledning), forumId, m.id, {
        text: "Kallelse till SIP inom fem arbetsdagar.",
      }),
    );
    expect(decided).toMatchObject({ ok: true, value: { position: 1, meetingId: m.id } });
    const a = await action(m.id);
    expect(a).toMatchObject({
      status: "open",
      decidedOn: "2026-03-10",
      closedOn: null,
      link: null,
      source: { kind: "meeting", meetingId: m.id, date: "2026-03-10" },
    });
    const whole = await getMeeting(db(), samordnare, forumId, m.id);
    expect(whole.ok && whole.value).toMatchObject({
      agenda: [
        { position: 1, title: "Fastnade ärenden i steg 3", signal },
        { position: 2, title: "Övrigt", signal: null },
      ],
      decisions: [{ text: "Kallelse till SIP inom fem arbetsdagar." }],
      actions: [{ id: a.id }],
      followUp: [],
    });
  });

  it("gives two agenda items written at once two positions", async () => {
    const m = await meeting("2026-03-10");
    const results = await Promise.all(
      ["Först", "Samtidigt"].map((title) =>
        addAgendaItem(db(), ledning, anAuditContext(ledning), forumId, m.id, { title }),
      ),
    );
    const positions = results.map((r) => (r.ok ? r.value.position : r.error)).sort();
    expect(positions).toEqual([1, 2]);
  });

  it("screens every text and name, naming the field, storing nothing", async () => {
    const m = await meeting("2026-03-10");
    const tables = ["forum_agenda_items", "forum_decisions", "forum_actions", "forum_meetings"];
    const before = await Promise.all(tables.map(count));
    const ctx = () => anAuditContext(ledning);
    const pn = `Gäller ${personnummer}`;
    const attempts: (readonly [() => Promise<Result<unknown>>, string])[] = [
      [
        () => planMeeting(db(), ledning, ctx(), forumId, { date: d("2026-05-01"), title: pn }),
        "title",
      ],
      [() => addAgendaItem(db(), ledning, ctx(), forumId, m.id, { title: pn }), "title"],
      [
        () =>
          addAgendaItem(db(), ledning, ctx(), forumId, m.id, {
            title: "Signal",
            signal: { kind: "deviation", ref: personnummer },
          }),
        "signal.ref",
      ],
      [() => recordDecision(db(), ledning, ctx(), forumId, m.id, { text: pn }), "text"],
      [() => addAction(db(), ledning, ctx(), forumId, m.id, { ...anAction, title: pn }), "title"],
      [
        () =>
          changeMeetingStatus(db(), ledning, ctx(), forumId, m.id, {
            status: "held",
            participants: ["Karin Lund", pn],
          }),
        "participants.1",
      ],
      [
        () =>
          changeMeetingStatus(db(), ledning, ctx(), forumId, m.id, {
            status: "held",
            justerare: [pn],
          }),
        "justerare.0",
      ],
    ];
    for (const [attempt, path] of attempts) {
      const r = await write(attempt);
      expect(r).toEqual({
        ok: false,
        error: "invalid",
        details: [{ path, message: t("screening.identifierFound", { field: path }) }],
      });
      expect(JSON.stringify(r)).not.toContain("1212");
    }
    expect(await Promise.all(tables.map(count))).toEqual(before);
    const audit = await selectRows<{ details: unknown }>(db(), sql`SELECT details FROM audit_log`);
    expect(JSON.stringify(audit)).not.toContain("1212");
    const unchanged = await getMeeting(db(), lan, forumId, m.id);
    expect(unchanged.ok && unchanged.value.status).toBe("planned");
  });

  it("owns actions by member organisations, due on or after the meeting", async () => {
    const m = await meeting("2026-03-10");
    const refusals = [
      [{ owner: "okand" }, "owner", "unknownOrganisation"],
      [{ owner: "solna_stad" }, "owner", "ownerNotMember"],
      [{ dueOn: "2026-03-09" }, "dueOn", "dueBeforeDecided"],
    ] as const;
    for (const [change, path, code] of refusals) {
      const r = await write(() =>
        addAction(db(), ledning, anAuditContext(ledning), forumId, m.id, {
          ...anAction,
          ...(change as Partial<NewAction>),
        }),
      );
      expect(r).toEqual({
        ok: false,
        error: "invalid",
        details: [{ path, message: t(`forums.error.${code}`) }],
      });
    }
    expect(await count("forum_actions")).toBe(0);
  });

  it("links an action to an existing indicator or to a metric's figure, and to nothing else", async () => {
    const agreement = await createAgreement(db(), lan, anAuditContext(lan), {
      title: "Överenskommelse om missbruk och beroende",
      level: "lokal",
      parties: ["stockholms_stad", "region_stockholm"],
      targetGroups: ["missbruk_beroende"],
      municipalities: ["0180"],
      validFrom: "2026-01-01",
      validTo: null,
      sections: [],
    } as unknown as NewAgreement);
    if (!agreement.ok) throw new Error("no agreement");
    const indicator = await addIndicator(db(), lan, anAuditContext(lan), agreement.value.id, {
      name: "Upprättade SIP",
      kind: "process",
      metric: "sip",
      params: {},
      figure: "sipEstablished",
      target: { value: 20, direction: "at_least" },
    });
    if (!indicator.ok) throw new Error("no indicator");
    const m = await meeting("2026-03-10");
    const toIndicator = { kind: "indicator", indicatorId: indicator.value.id } as const;
    expect((await action(m.id, { link: toIndicator })).link).toEqual(toIndicator);
    const toMetric = {
      kind: "metric",
      metric: "stuck",
      params: { process: ["sip"] },
      figure: "count",
    } as const;
    expect((await action(m.id, { link: toMetric })).link).toEqual(toMetric);
    const missing = await write(() =>
      addAction(db(), ledning, anAuditContext(ledning), forumId, m.id, {
        ...anAction,
        link: { kind: "indicator", indicatorId: "00000000-0000-4000-8000-000000000000" },
      }),
    );
    expect(missing).toMatchObject({
      ok: false,
      error: "invalid",
      details: [{ path: "link.indicatorId" }],
    });
    expect(await count("forum_actions")).toBe(2);
  });

  it("moves planned → held → justerat with the protocol's names, then locks it", async () => {
    const m = await meeting("2026-03-10");
    const a = await action(m.id);
    expect(await status(m.id, { status: "justerat" })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    const held = await status(m.id, { participants: ["Karin Lund", "Maria Holm"] });
    expect(held.ok && held.value).toMatchObject({
      status: "held",
      participants: ["Karin Lund", "Maria Holm"],
    });
    const justerat = await status(m.id, { status: "justerat", justerare: ["Per Ekström"] });
    expect(justerat.ok && justerat.value).toMatchObject({
      status: "justerat",
      participants: ["Karin Lund", "Maria Holm"],
      justerare: ["Per Ekström"],
      actions: [{ id: a.id }],
    });
    const tables = ["forum_agenda_items", "forum_decisions", "forum_actions"];
    const before = await Promise.all(tables.map(count));
    const ctx = () => anAuditContext(ledning);
    const locked: (() => Promise<Result<unknown>>)[] = [
      () => addAgendaItem(db(), ledning, ctx(), forumId, m.id, { title: "Sent tillägg" }),
      () => recordDecision(db(), ledning, ctx(), forumId, m.id, { text: "Sent beslut" }),
      () => addAction(db(), ledning, ctx(), forumId, m.id, anAction),
      () => changeMeetingStatus(db(), ledning, ctx(), forumId, m.id, { status: "justerat" }),
      () => changeMeetingStatus(db(), ledning, ctx(), forumId, m.id, { status: "held" }),
    ];
    for (const attempt of locked) {
      expect(await write(attempt)).toEqual({
        ok: false,
        error: "conflict",
        details: [{ path: "", message: t("forums.error.meetingLocked") }],
      });
    }
    expect(await Promise.all(tables.map(count))).toEqual(before);
    // Follow-up comes after the protocol: its actions can still be closed.
    const closed = await write(() =>
      closeAction(db(), ledning, anAuditContext(ledning), forumId, a.id, { status: "done" }),
    );
    expect(closed.ok && closed.value.status).toBe("done");
  });

  it("closes an action today in Stockholm, once; refuses samordnare and other forums' ids", async () => {
    const m = await meeting("2026-03-10");
    const a = await action(m.id);
    // 23:30 UTC on 31 March is 1 April in Stockholm.
    const now = new Date("2026-03-31T23:30:00Z");
    const close = (scope: Scope, id = a.id, status: "done" | "cancelled" = "cancelled") =>
      write(() => closeAction(db(), scope, anAuditContext(scope), forumId, id, { status }, now));
    expect(await close(samordnare)).toEqual({ ok: false, error: "forbidden" });
    expect(await close(solnaLedning)).toEqual({ ok: false, error: "not_found" });
    expect(await close(ledning, "00000000-0000-4000-8000-000000000000")).toEqual({
      ok: false,
      error: "not_found",
    });
    const closed = await close(ledning);
    expect(closed.ok && closed.value).toMatchObject({
      status: "cancelled",
      closedOn: "2026-04-01",
    });
    expect(await close(ledning, a.id, "done")).toMatchObject({ ok: false, error: "conflict" });
    const stored = await listForumActions(db(), lan, forumId);
    expect(stored.ok && stored.value.map((x) => x.status)).toEqual(["cancelled"]);
  });

  it("carries open actions to every later meeting until they are closed", async () => {
    const january = await meeting("2026-01-15");
    await action(january.id, { title: "Glömd", dueOn: d("2026-01-31") });
    const doneLate = await action(january.id, { title: "Sent klar", dueOn: d("2026-02-01") });
    const february = await meeting("2026-02-12");
    const march = await meeting("2026-03-12");
    await closeAction(
      db(),
      lan,
      anAuditContext(lan),
      forumId,
      doneLate.id,
      { status: "done" },
      new Date("2026-02-20T10:00:00Z"),
    );
    const followUp = async (id: string) => {
      const r = await getMeeting(db(), ledning, forumId, id);
      return r.ok ? r.value.followUp.map((a) => [a.title, a.carriedFrom, a.daysOverdue]) : [];
    };
    expect(await followUp(january.id)).toEqual([]);
    expect(await followUp(february.id)).toEqual([
      ["Glömd", january.id, 12],
      ["Sent klar", january.id, 11],
    ]);
    expect(await followUp(march.id)).toEqual([["Glömd", january.id, 40]]);
    // A meeting planned later still follows up the forgotten one.
    expect((await meeting("2026-09-10")).followUp.map((a) => a.title)).toEqual(["Glömd"]);
    const meetings = await listMeetings(db(), ledning, forumId);
    expect(meetings.ok && meetings.value.map((x) => x.date)).toEqual([
      "2026-01-15",
      "2026-02-12",
      "2026-03-12",
      "2026-09-10",
    ]);
  });

  it("follows the forum up per quarter, out of sight 404", async () => {
    const january = await meeting("2026-01-15");
    const done = await action(january.id, { dueOn: d("2026-03-01") });
    await action(january.id, { dueOn: d("2026-02-01") });
    await closeAction(
      db(),
      lan,
      anAuditContext(lan),
      forumId,
      done.id,
      { status: "done" },
      new Date("2026-02-14T10:00:00Z"),
    );
    const period = { from: d("2026-01-01"), to: d("2026-06-30") };
    const report = await forumFollowUp(db(), samordnare, forumId, period, d("2026-07-01"));
    expect(report.ok && report.value.quarters).toEqual([
      expect.objectContaining({
        quarter: "2026-Q1",
        created: 2,
        done: 1,
        overdue: 1,
        due: 2,
        doneOnTime: 1,
        completionRate: 0.5,
        medianDaysToDone: 30,
      }),
      expect.objectContaining({ quarter: "2026-Q2", created: 0, done: 0, overdue: 1 }),
    ]);
    expect(await forumFollowUp(db(), solnaLedning, forumId, period, d("2026-07-01"))).toEqual({
      ok: false,
      error: "not_found",
    });
  });
});
