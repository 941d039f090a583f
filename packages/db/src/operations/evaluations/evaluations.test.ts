import type { EvaluationPhase, IsoDate, Scope } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getEvaluationBoard, listEvaluations } from "../../queries/evaluations";
import { selectRows } from "../../queries/rows";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  importExampleCounty,
  resetData,
  testDatabases,
  testSecret,
  useMigratedDatabase,
} from "../../testing";
import { closeAction, createForum } from "../forums";
import {
  addEvaluationItem,
  castEvaluationVote,
  changeEvaluationPhase,
  createEvaluation,
  createEvaluationGroup,
  liftEvaluationItem,
  moveToEvaluationGroup,
  type NewEvaluation,
} from ".";

const admin = aScope("admin", []);
const lan = aScope("lan", []);
const sthlmSamordnare = aScope("samordnare", ["stockholms_stad"], "sam-stockholm");
const sthlmLedning = aScope("ledning", ["stockholms_stad"], "leif-stockholm");
const regionSamordnare = aScope("samordnare", ["region_stockholm"], "rita-region");
const solnaSamordnare = aScope("samordnare", ["solna_stad"], "sol-solna");
const personnummer = "19121212-1212";
const d = (s: string) => s as IsoDate;

const session: NewEvaluation = {
  title: "Vår samverkan kring samsjuklighet",
  organisations: ["stockholms_stad", "region_stockholm"],
  from: d("2026-01-01"),
  to: d("2026-03-31"),
  process: "intern_samsjuklighet",
  steps: [2, 3],
  anonymous: false,
  votesPerParticipant: 2,
};
const anItem = {
  kind: "improve",
  text: "Kallelserna till SIP kom sent",
  theme: "kommunikation",
  step: 3,
} as const;

describe.each(testDatabases())("evaluations on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  beforeEach(async () => {
    await resetData(db());
    await importExampleCounty(database());
  });

  /** Runs a write and checks it wrote exactly one audit row, whatever its outcome. */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    const before = await countAuditRows(db());
    const result = await work();
    expect(await countAuditRows(db())).toBe(before + 1);
    return result;
  }

  const rowCount = async (table: string) =>
    (
      await selectRows<{ n: number }>(
        db(),
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
      )
    )[0]?.n;

  async function created(
    input: Partial<NewEvaluation> = {},
    scope: Scope = sthlmSamordnare,
    base: NewEvaluation = session,
  ) {
    const result = await createEvaluation(db(), scope, anAuditContext(scope), testSecret, {
      ...base,
      ...input,
    });
    if (!result.ok) throw new Error(`create: ${result.error}`);
    return result.value;
  }
  const add = (
    id: string,
    scope: Scope = sthlmSamordnare,
    item: Parameters<typeof addEvaluationItem>[4] = anItem,
  ) => addEvaluationItem(db(), scope, anAuditContext(scope), id, item);
  const phase = (id: string, to: EvaluationPhase, scope: Scope = sthlmSamordnare) =>
    changeEvaluationPhase(db(), scope, anAuditContext(scope), testSecret, id, { phase: to });
  const vote = (id: string, targetId: string, scope: Scope = sthlmSamordnare) =>
    castEvaluationVote(db(), scope, anAuditContext(scope), testSecret, id, { target: targetId });
  const board = async (id: string, scope: Scope = sthlmSamordnare) => {
    const result = await getEvaluationBoard(db(), scope, testSecret, id);
    if (!result.ok) throw new Error(`board: ${result.error}`);
    return result.value;
  };
  const idOf = <T extends { id: string }>(
    result: { ok: boolean; value?: T } | { ok: false },
  ): string => {
    if (!result.ok || !("value" in result) || result.value === undefined)
      throw new Error("refused");
    return result.value.id;
  };

  it("runs a session: items, a group, votes hidden until discuss, and the board", async () => {
    const s = await write(() => created());
    expect(s).toMatchObject({
      phase: "collect",
      items: [],
      groups: [],
      myVotesLeft: 2,
      previousActions: [],
      organisations: ["region_stockholm", "stockholms_stad"],
    });
    const a = idOf(await write(() => add(s.id)));
    const b = idOf(
      await write(() =>
        add(s.id, regionSamordnare, { kind: "worked_well", text: "Tät dialog", theme: "tillit" }),
      ),
    );
    expect((await board(s.id)).items.map((i) => i.author)).toEqual([
      "sam-stockholm",
      "rita-region",
    ]);
    await write(() => phase(s.id, "group"));
    const g = await write(() =>
      createEvaluationGroup(db(), sthlmSamordnare, anAuditContext(sthlmSamordnare), s.id, {
        title: "Kallelser",
        items: [a],
      }),
    );
    expect(g).toMatchObject({
      ok: true,
      value: { title: "Kallelser", items: [a], kind: "improve", votes: null },
    });
    const moved = await write(() =>
      moveToEvaluationGroup(
        db(),
        regionSamordnare,
        anAuditContext(regionSamordnare),
        s.id,
        idOf(g),
        { items: [b] },
      ),
    );
    expect(moved).toMatchObject({ ok: true, value: { items: [a, b] } });
    await phase(s.id, "vote");
    expect(await write(() => vote(s.id, idOf(g)))).toMatchObject({
      ok: true,
      value: { myVotesLeft: 1 },
    });
    await vote(s.id, a);
    expect(await write(() => vote(s.id, a))).toMatchObject({ ok: false, error: "conflict" });
    const during = await board(s.id);
    expect(during.items.map((i) => i.votes)).toEqual([null, null]);
    expect(during.groups.map((x) => x.votes)).toEqual([null]);
    expect(during.myVotesLeft).toBe(0);
    expect((await board(s.id, regionSamordnare)).myVotesLeft).toBe(2);
    await phase(s.id, "discuss");
    const after = await board(s.id);
    expect(after.items.map((i) => i.votes)).toEqual([1, 0]);
    expect(after.groups.map((x) => x.votes)).toEqual([1]);
    const events = await selectRows<{ type: string; payload: Record<string, unknown> }>(
      db(),
      sql`SELECT type, payload FROM evaluation_events WHERE evaluation_id = ${s.id} ORDER BY id`,
    );
    expect(events.map((e) => e.type)).toEqual([
      "item",
      "item",
      "phase",
      "group",
      "group",
      "phase",
      "vote",
      "vote",
      "phase",
    ]);
    expect(events[6]?.payload).toEqual({ cast: true });
    expect(events[8]?.payload).toMatchObject({ phase: "discuss", votes: { [a]: 1, [idOf(g)]: 1 } });
  });

  it("moves phases forward one at a time, by the organisations' holders and admin", async () => {
    const s = await created();
    expect(await write(() => phase(s.id, "vote"))).toMatchObject({ ok: false, error: "conflict" });
    expect(await write(() => phase(s.id, "group", regionSamordnare))).toMatchObject({
      ok: true,
      value: { phase: "group" },
    });
    expect(await write(() => phase(s.id, "collect"))).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await write(() => phase(s.id, "vote", solnaSamordnare))).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await write(() => phase(s.id, "vote", admin))).toMatchObject({
      ok: true,
      value: { phase: "vote" },
    });
    expect(await write(() => add(s.id))).toMatchObject({ ok: false, error: "conflict" });
  });

  it("refuses lan (403), another's organisations (403), bad codes and steps (422), storing nothing", async () => {
    const refusals: [Scope, Partial<NewEvaluation>, string, string | undefined][] = [
      [lan, {}, "forbidden", undefined],
      [solnaSamordnare, {}, "forbidden", undefined],
      [sthlmLedning, { organisations: ["stockholms_stad", "okand"] }, "invalid", "organisations"],
      [sthlmSamordnare, { process: "okand" }, "invalid", "process"],
      [sthlmSamordnare, { steps: [99] }, "invalid", "steps"],
      [sthlmSamordnare, { title: `Möte om ${personnummer}` }, "invalid", "title"],
    ];
    for (const [scope, input, error, field] of refusals) {
      const result = await write(() =>
        createEvaluation(db(), scope, anAuditContext(scope), testSecret, { ...session, ...input }),
      );
      expect(result).toMatchObject({ ok: false, error });
      if (field !== undefined && !result.ok) {
        expect(result.details?.map((x) => x.path)).toEqual([field]);
        expect(JSON.stringify(result.details)).not.toContain("1212");
      }
    }
    expect(await rowCount("evaluations")).toBe(0);
    expect(await listEvaluations(db(), admin)).toEqual([]);
  });

  it("screens items, checks theme and step, and keeps sessions from other organisations (404)", async () => {
    const s = await created();
    const screened = await write(() =>
      add(s.id, sthlmSamordnare, { ...anItem, text: `Gäller ${personnummer}` }),
    );
    expect(screened).toMatchObject({ ok: false, error: "invalid" });
    expect(JSON.stringify(screened)).not.toContain(personnummer);
    expect(!screened.ok && screened.details?.map((x) => x.path)).toEqual(["text"]);
    expect(
      await write(() => add(s.id, sthlmSamordnare, { ...anItem, theme: "okant" })),
    ).toMatchObject({ ok: false, error: "invalid" });
    expect(await write(() => add(s.id, sthlmSamordnare, { ...anItem, step: 5 }))).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await write(() => add(s.id, solnaSamordnare))).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await write(() => add(s.id, lan))).toMatchObject({ ok: false, error: "not_found" });
    expect(await rowCount("evaluation_items")).toBe(0);
    expect(await rowCount("evaluation_events")).toBe(0);
    expect(await getEvaluationBoard(db(), solnaSamordnare, testSecret, s.id)).toEqual({
      ok: false,
      error: "not_found",
    });
    expect((await listEvaluations(db(), solnaSamordnare)).length).toBe(0);
    expect((await listEvaluations(db(), regionSamordnare)).map((x) => x.id)).toEqual([s.id]);
    expect((await listEvaluations(db(), admin, { phase: "vote" })).length).toBe(0);
  });

  it("stores an anonymous author nowhere: no table, no audit row holds the subject", async () => {
    const author = "anna-anonym-7f3c";
    const me = aScope("samordnare", ["stockholms_stad"], author);
    const s = await created({ anonymous: true });
    const item = await add(s.id, me);
    expect(item).toMatchObject({ ok: true, value: { author: null } });
    await add(s.id, me, { ...anItem, text: `Gäller ${personnummer}` });
    await phase(s.id, "group");
    const g = await createEvaluationGroup(db(), me, anAuditContext(me), s.id, {
      title: "Kallelser",
      items: [idOf(item)],
    });
    await phase(s.id, "vote");
    await vote(s.id, idOf(g), me);
    await vote(s.id, idOf(item), me);
    await vote(s.id, idOf(item), me);
    const tables = await selectRows<{ table_name: string }>(
      db(),
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { table_name } of tables) {
      const hits = await selectRows<{ n: number }>(
        db(),
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)} t WHERE to_jsonb(t)::text LIKE ${`%${author}%`}`,
      );
      expect({ table: table_name, hits: hits[0]?.n }).toEqual({ table: table_name, hits: 0 });
    }
    const audit = await selectRows<{ actor: string; action: string }>(
      db(),
      sql`SELECT actor, action FROM audit_log WHERE action IN ('evaluation_item.create', 'evaluation_group.create', 'evaluation_vote.create')`,
    );
    expect(audit.length).toBe(6);
    expect(new Set(audit.map((r) => r.actor))).toEqual(new Set([`evaluation:${s.id}`]));
  });

  it("keeps one person's concurrent votes within the limit", async () => {
    const s = await created({ votesPerParticipant: 3 });
    const item = idOf(await add(s.id));
    await phase(s.id, "group");
    await phase(s.id, "vote");
    const results = await Promise.all(Array.from({ length: 8 }, () => vote(s.id, item)));
    expect(results.filter((r) => r.ok).length).toBe(3);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "conflict")).toBe(true);
    expect(await rowCount("evaluation_votes")).toBe(3);
  });

  it("lifts an improvement to a forum, shows the action's status on the item and the next session", async () => {
    const forum = await createForum(db(), lan, anAuditContext(lan), {
      name: "Ledningsforum Stockholm",
      level: "lokal",
      members: ["stockholms_stad", "region_stockholm"],
      chair: "stockholms_stad",
    } as unknown as Parameters<typeof createForum>[3]);
    const forumId = idOf(forum);
    const s = await created();
    const improve = idOf(await add(s.id));
    const wellDone = idOf(
      await add(s.id, sthlmSamordnare, { kind: "worked_well", text: "Bra", theme: "tillit" }),
    );
    const lift = (itemId: string, scope: Scope, owner = "stockholms_stad") =>
      liftEvaluationItem(db(), scope, anAuditContext(scope), s.id, itemId, {
        forumId,
        owner,
        dueOn: d("2026-09-30"),
      });
    expect(await write(() => lift(improve, sthlmSamordnare))).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await write(() => lift(improve, lan))).toMatchObject({ ok: false, error: "not_found" });
    expect(await write(() => lift(wellDone, sthlmLedning))).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await write(() => lift(improve, sthlmLedning, "solna_stad"))).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await rowCount("forum_actions")).toBe(0);
    const action = await write(() => lift(improve, sthlmLedning));
    expect(action).toMatchObject({
      ok: true,
      value: {
        status: "open",
        title: anItem.text,
        owner: "stockholms_stad",
        source: { kind: "evaluation", evaluationId: s.id, itemId: improve },
      },
    });
    const actionId = idOf(action);
    expect((await board(s.id)).items[0]?.action).toEqual({ id: actionId, status: "open" });
    await closeAction(db(), sthlmLedning, anAuditContext(sthlmLedning), forumId, actionId, {
      status: "done",
    });
    expect((await board(s.id)).items[0]?.action).toEqual({ id: actionId, status: "done" });
    const { process: _process, ...withoutProcess } = { ...session, steps: [] };
    const next = await created(
      { organisations: ["stockholms_stad"] },
      sthlmSamordnare,
      withoutProcess,
    );
    expect(next.previousActions).toEqual([
      { id: actionId, title: anItem.text, status: "done", dueOn: "2026-09-30", evaluationId: s.id },
    ]);
    const solna = await created({ organisations: ["solna_stad"] }, solnaSamordnare, withoutProcess);
    expect(solna.previousActions).toEqual([]);
  });
});
