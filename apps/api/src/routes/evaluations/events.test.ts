import {
  closeLiveBoards,
  createDb,
  type Database,
  evaluationEvents,
  recordBoardEvent,
} from "@samsyn/db";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import type { Scope } from "@samsyn/domain";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { App } from "../../app";
import {
  authed,
  insertEvaluation,
  recordChange,
  type SseReader,
  sseReader,
  testApp,
  testScope,
} from "../../testing";

/**
 * How long a test waits for a change to arrive. Delivery takes milliseconds (NOTIFY, then one
 * read); the bound only keeps a loaded CI machine from failing a test whose point is that the
 * change arrives, in order, on every stream — "within a second" is a target, not a unit test.
 */
const deliveryDeadlineMs = 10_000;

const anna = testScope("samordnare", ["stockholms_stad"], "anna.berg");
const erik = testScope("ledning", ["region_stockholm"], "erik.lund");
const nina = testScope("samordnare", ["nacka_kommun"], "nina.nacka");
const lan = testScope("lan", [], "lena.lan");
const admin = testScope("admin", [], "adam.admin");

interface ErrorBody {
  error: { code: string; details?: { path: string }[] };
}

/** Every stream a test opened, hung up after it so that no stream outlives its test. */
const opened: SseReader[] = [];

async function openBoard(
  app: App,
  evaluationId: string,
  scope: Scope,
  options: { header?: string; query?: string } = {},
): Promise<SseReader> {
  const query = options.query === undefined ? "" : `?lastEventId=${options.query}`;
  const headers: Record<string, string> =
    options.header === undefined ? {} : { "Last-Event-ID": options.header };
  const res = await authed(
    app,
    `/api/v1/evaluations/${evaluationId}/events${query}`,
    { headers },
    scope,
  );
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  if (res.body === null) throw new Error("a stream without a body");
  const reader = sseReader(res.body);
  opened.push(reader);
  return reader;
}

/** Opens the board and reads past hello and the first presence. */
async function openedPast(
  app: App,
  evaluationId: string,
  scope: Scope,
  options: { header?: string; query?: string } = {},
) {
  const board = await openBoard(app, evaluationId, scope, options);
  expect((await board.next())?.event).toBe("hello");
  expect((await board.next())?.event).toBe("presence");
  return board;
}

/** The changes a stream sends until none comes for `quietMs`. */
async function changesUntilQuiet(board: SseReader, quietMs = 400) {
  const changes: { id: number; event: string; data: unknown }[] = [];
  for (;;) {
    const message = await board.nextChange(quietMs);
    if (message === undefined) return changes;
    changes.push({
      id: Number(message.id),
      event: message.event ?? "",
      data: JSON.parse(message.data ?? "null"),
    });
  }
}

afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((board) => board.cancel()));
});

describe.each(testDatabases())("the live board on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());
  afterAll(async () => {
    await closeLiveBoards(database());
  });

  it("opens with hello (phase, its start, the server's clock) and who is present", async () => {
    const id = await insertEvaluation(database());
    const board = await openBoard(app(), id, anna);
    const hello = await board.next();
    expect(hello?.event).toBe("hello");
    expect(hello?.id).toBeUndefined();
    expect(hello?.retry).toBe("1000");
    const data = JSON.parse(hello?.data ?? "{}") as Record<string, unknown>;
    expect(data).toEqual({
      evaluationId: id,
      phase: "collect",
      phaseStartedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      anonymous: false,
      now: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const presence = await board.next();
    expect(presence?.event).toBe("presence");
    expect(presence?.id).toBeUndefined();
    expect(JSON.parse(presence?.data ?? "{}")).toEqual({
      anonymous: false,
      count: 1,
      participants: ["anna.berg"],
    });
  });

  it("delivers a committed change to an open stream, with its id and type", async () => {
    const id = await insertEvaluation(database());
    const board = await openedPast(app(), id, anna);
    const payload = { id: "item-1", kind: "worked_well", text: "Gemensam SIP-mall" };
    const eventId = await recordChange(database(), id, "item", payload);
    const message = await board.nextChange(deliveryDeadlineMs);
    expect(message).toEqual({ id: String(eventId), event: "item", data: JSON.stringify(payload) });
  });

  it("sends every open stream of the session the change, and no stream of another session", async () => {
    const id = await insertEvaluation(database());
    const other = await insertEvaluation(database());
    const first = await openedPast(app(), id, anna);
    const second = await openedPast(app(), id, erik);
    const elsewhere = await openedPast(app(), other, anna);
    const onId = await recordChange(database(), id, "item", { n: 1 });
    const onOther = await recordChange(database(), other, "group", { n: 2 });
    expect((await first.nextChange(deliveryDeadlineMs))?.id).toBe(String(onId));
    expect((await second.nextChange(deliveryDeadlineMs))?.id).toBe(String(onId));
    // The other session's first change is its own: the first session's never reached it.
    expect((await elsewhere.nextChange(deliveryDeadlineMs))?.id).toBe(String(onOther));
    expect(await changesUntilQuiet(first)).toEqual([]);
    expect(await changesUntilQuiet(elsewhere)).toEqual([]);
  });

  it("sends a reconnecting client exactly the changes after its Last-Event-ID, in order, none twice", async () => {
    const id = await insertEvaluation(database());
    const first = await openedPast(app(), id, anna);
    const seen = [
      await recordChange(database(), id, "item", { n: 1 }),
      await recordChange(database(), id, "item", { n: 2 }),
    ];
    expect((await changesUntilQuiet(first)).map((c) => c.id)).toEqual(seen);
    await first.cancel();
    const missed = [];
    for (const n of [3, 4, 5]) missed.push(await recordChange(database(), id, "vote", { n }));

    const again = await openedPast(app(), id, anna, { header: String(seen[1]) });
    const live = await recordChange(database(), id, "phase", { phase: "group" });
    const changes = await changesUntilQuiet(again);
    expect(changes.map((c) => c.id)).toEqual([...missed, live]);
    expect(changes.map((c) => c.data)).toEqual([
      { n: 3 },
      { n: 4 },
      { n: 5 },
      { phase: "group", phaseStartedAt: expect.stringMatching(/^\d{4}-/) },
    ]);
  });

  it("takes ?lastEventId= from clients that cannot set headers; the header wins over it", async () => {
    const id = await insertEvaluation(database());
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await recordChange(database(), id, "item", { n }));
    const byQuery = await openedPast(app(), id, anna, { query: String(ids[0]) });
    expect((await changesUntilQuiet(byQuery)).map((c) => c.id)).toEqual(ids.slice(1));
    const both = await openedPast(app(), id, anna, {
      query: String(ids[0]),
      header: String(ids[1]),
    });
    expect((await changesUntilQuiet(both)).map((c) => c.id)).toEqual(ids.slice(2));
    const fresh = await openedPast(app(), id, anna);
    expect((await changesUntilQuiet(fresh)).map((c) => c.id)).toEqual(ids);
  });

  it("never streams a change whose transaction rolled back", async () => {
    const id = await insertEvaluation(database());
    const board = await openedPast(app(), id, anna);
    await expect(
      database().db.transaction(async (tx) => {
        await recordBoardEvent(tx, id, "item", { rolledBack: true });
        throw new Error("the write failed after its event");
      }),
    ).rejects.toThrow("the write failed");
    const kept = await recordChange(database(), id, "item", { kept: true });
    expect(await changesUntilQuiet(board)).toEqual([
      { id: kept, event: "item", data: { kept: true } },
    ]);
  });

  it("streams concurrent writes to one session completely and in id order", async () => {
    const id = await insertEvaluation(database());
    const board = await openedPast(app(), id, anna);
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, n) => recordChange(database(), id, "vote", { n })),
    );
    const streamed = (await changesUntilQuiet(board, 800)).map((c) => c.id);
    expect(streamed).toEqual([...ids].sort((a, b) => a - b));
    const replayed = await openedPast(app(), id, erik);
    expect((await changesUntilQuiet(replayed)).map((c) => c.id)).toEqual(streamed);
  });

  it("answers 404 outside the session's organisations, 200 to them and admin, 400 to a bad id", async () => {
    const id = await insertEvaluation(database());
    for (const scope of [nina, lan]) {
      const res = await authed(app(), `/api/v1/evaluations/${id}/events`, {}, scope);
      expect(res.status, scope.sub).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe("not_found");
    }
    const unknown = await authed(
      app(),
      "/api/v1/evaluations/00000000-0000-4000-8000-000000000000/events",
      {},
      admin,
    );
    expect(unknown.status).toBe(404);
    const notUuid = await authed(app(), "/api/v1/evaluations/nej/events", {}, admin);
    expect(notUuid.status).toBe(404);
    for (const scope of [anna, erik, admin]) await openBoard(app(), id, scope);
    const badId = await authed(
      app(),
      `/api/v1/evaluations/${id}/events`,
      { headers: { "Last-Event-ID": "tre" } },
      anna,
    );
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as ErrorBody).error.details?.map((d) => d.path)).toEqual([
      "last-event-id",
    ]);
    const unsigned = await app().request(`/api/v1/evaluations/${id}/events`);
    expect(unsigned.status).toBe(401);
  });

  it("shows who is present as they come and go; an anonymous session only how many", async () => {
    const named = await insertEvaluation(database());
    const first = await openedPast(app(), named, anna);
    const second = await openedPast(app(), named, erik);
    expect(JSON.parse((await first.nextOf(["hello"]))?.data ?? "{}")).toEqual({
      anonymous: false,
      count: 2,
      participants: ["anna.berg", "erik.lund"],
    });
    await second.cancel();
    expect(JSON.parse((await first.nextOf(["hello"]))?.data ?? "{}")).toEqual({
      anonymous: false,
      count: 1,
      participants: ["anna.berg"],
    });

    const anonymous = await insertEvaluation(database(), { anonymous: true });
    const a = await openBoard(app(), anonymous, anna);
    const e = await openBoard(app(), anonymous, erik);
    const presence = async (board: SseReader) => {
      const seen = [];
      for (;;) {
        const message = await board.nextOf(["hello"], 400);
        if (message === undefined) return seen;
        seen.push(JSON.parse(message.data ?? "{}") as unknown);
      }
    };
    expect((await presence(a)).at(-1)).toEqual({ anonymous: true, count: 2 });
    expect((await presence(e)).at(-1)).toEqual({ anonymous: true, count: 2 });
    for (const board of [a, e]) {
      expect(board.raw).not.toContain("anna.berg");
      expect(board.raw).not.toContain("erik.lund");
    }
  });

  it("ends open streams when the process stops, and stores nothing for a stream", async () => {
    const id = await insertEvaluation(database());
    const before = await database().db.$count(evaluationEvents);
    const first = await openedPast(app(), id, anna);
    const second = await openedPast(app(), id, erik);
    await closeLiveBoards(database());
    for (const board of [first, second]) {
      await changesUntilQuiet(board, 1000);
      expect(board.ended).toBe(true);
    }
    expect(await database().db.$count(evaluationEvents)).toBe(before);
    // A stream opened while the process stops says hello and ends, holding nothing open.
    const late = await openBoard(app(), id, anna);
    expect((await late.next())?.event).toBe("hello");
    expect(await late.next()).toBeUndefined();
    expect(late.ended).toBe(true);
  });
});

/**
 * Two API instances on one PostgreSQL database, in one process: each has its own database
 * handle and so its own LISTEN connection, as two processes do (tests/ runs two processes).
 */
describe.each(testDatabases().filter((t) => t.name === "postgres"))(
  "two instances on one $name database",
  (target) => {
    const database = useMigratedDatabase(target);
    let second: Database | undefined;
    const instanceB = async () => {
      if (second !== undefined) return second;
      const primary = database();
      if (primary.kind !== "postgres") throw new Error("a PostgreSQL suite on another database");
      const [row] = await primary.client<{ name: string }[]>`SELECT current_database() AS name`;
      const url = new URL(process.env.DATABASE_URL ?? "");
      url.pathname = `/${row?.name ?? ""}`;
      second = await createDb({ databaseUrl: url.toString() });
      return second;
    };
    afterAll(async () => {
      await closeLiveBoards(database());
      if (second !== undefined) {
        await closeLiveBoards(second);
        await second.close();
      }
    });

    it("streams a change written through A on B, and shows A's watchers on B", async () => {
      const b = await instanceB();
      const id = await insertEvaluation(database());
      const onA = await openedPast(testApp(database()), id, anna);
      const onB = await openedPast(testApp(b), id, erik);
      const eventId = await recordChange(database(), id, "item", { through: "A" });
      expect((await onB.nextChange(deliveryDeadlineMs))?.id).toBe(String(eventId));
      expect((await onA.nextChange(deliveryDeadlineMs))?.id).toBe(String(eventId));
      const everyone = { anonymous: false, count: 2, participants: ["anna.berg", "erik.lund"] };
      expect(await onB.presenceBecomes(everyone, deliveryDeadlineMs)).toEqual(everyone);
      expect(await onA.presenceBecomes(everyone, deliveryDeadlineMs)).toEqual(everyone);
    });
  },
);
