import { insertEvaluation, recordChange, type SseReader, sseReader } from "@samsyn/api/testing";
import { closeLiveBoards, createDb, type Database, organisations } from "@samsyn/db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningSamsyn, runCli, startSamsyn } from "../support/samsyn-process";
import {
  createThrowawayPostgres,
  postgresAvailable,
  type ThrowawayPostgres,
} from "../support/throwaway-postgres";

/**
 * How long a test waits for a change to arrive. Delivery takes milliseconds (NOTIFY, then one
 * read); the bound only keeps a loaded CI machine from failing a test whose point is that the
 * change arrives, in order, on every stream — "within a second" is a target, not a unit test.
 */
const deliveryDeadlineMs = 10_000;

/**
 * Issue 19, "Live": two `samsyn serve` processes on one fresh PostgreSQL database. A write
 * through one instance reaches a board opened on the other (LISTEN/NOTIFY, read back from evaluation_events), each instance shows the
 * other's watchers, and SIGTERM ends the open streams and the process.
 */
describe.skipIf(!postgresAvailable)("the live board across two Samsyn processes", () => {
  const secret = "a-test-secret-that-is-at-least-32-characters";
  let pg: ThrowawayPostgres;
  let a: RunningSamsyn;
  let b: RunningSamsyn;
  /** A third connection to the database, writing as the evaluation module's writes do. */
  let writer: Database;
  const opened: SseReader[] = [];

  beforeAll(async () => {
    pg = await createThrowawayPostgres();
    await pg.start();
    const env = { DATABASE_URL: pg.url, SAMSYN_SECRET: secret };
    const migrated = await runCli(["migrate"], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    [a, b] = await Promise.all([startSamsyn("serve", env), startSamsyn("serve", env)]);
    writer = await createDb({ databaseUrl: pg.url });
    // The one organisation the sessions below are of: a session names organisations of the catalogue.
    await writer.db.insert(organisations).values({
      code: "region_stockholm" as never,
      name: "Region Stockholm",
      principalType: "region",
    });
  });

  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((board) => board.cancel()));
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    if (writer !== undefined) {
      await closeLiveBoards(writer);
      await writer.close();
    }
    await pg?.remove();
  });

  async function signIn(url: string, sub: string): Promise<string> {
    const res = await fetch(`${url}/api/v1/dev/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ role: "samordnare", orgs: ["region_stockholm"], sub }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }

  async function openBoard(url: string, evaluationId: string, sub: string): Promise<SseReader> {
    const res = await fetch(`${url}/api/v1/evaluations/${evaluationId}/events`, {
      headers: { Authorization: `Bearer ${await signIn(url, sub)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    if (res.body === null) throw new Error("a stream without a body");
    const board = sseReader(res.body);
    opened.push(board);
    expect((await board.next(5000))?.event).toBe("hello");
    return board;
  }

  async function postOn(url: string, path: string, sub: string, body: unknown) {
    const res = await fetch(`${url}/api/v1${path}`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${await signIn(url, sub)}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: string };
  }

  it("streams an item added through A to a board open on B", async () => {
    const session = await postOn(a.url, "/evaluations", "anna.berg", {
      title: "Vad fungerade bra i SIP-processen",
      organisations: ["region_stockholm"],
      from: "2026-01-01",
      to: "2026-03-31",
      anonymous: false,
      votesPerParticipant: 3,
    });
    const onA = await openBoard(a.url, session.id, "anna.berg");
    const onB = await openBoard(b.url, session.id, "erik.lund");
    const everyone = { anonymous: false, count: 2, participants: ["anna.berg", "erik.lund"] };
    expect(await onB.presenceBecomes(everyone, deliveryDeadlineMs)).toEqual(everyone);
    expect(await onA.presenceBecomes(everyone, deliveryDeadlineMs)).toEqual(everyone);

    for (const text of ["Gemensam SIP-mall", "Tydlig kallelse", "Snabb återkoppling"]) {
      const item = await postOn(a.url, `/evaluations/${session.id}/items`, "anna.berg", {
        kind: "worked_well",
        text,
        theme: "kommunikation",
      });
      const onBoardB = await onB.nextChange(deliveryDeadlineMs);
      expect(onBoardB?.event).toBe("item");
      expect(onBoardB?.data).toContain(item.id);
      expect((await onA.nextChange(deliveryDeadlineMs))?.id).toBe(onBoardB?.id);
    }
  });

  it("streams a change committed on a third connection to boards on both instances", async () => {
    const id = await insertEvaluation(writer);
    const onA = await openBoard(a.url, id, "anna.berg");
    const onB = await openBoard(b.url, id, "erik.lund");
    const eventId = await recordChange(writer, id, "phase", { phase: "group" });
    expect((await onB.nextChange(deliveryDeadlineMs))?.id).toBe(String(eventId));
    expect((await onA.nextChange(deliveryDeadlineMs))?.id).toBe(String(eventId));
  });

  it("ends open streams on SIGTERM, and the process exits", async () => {
    const id = await insertEvaluation(writer);
    const onB = await openBoard(b.url, id, "erik.lund");
    const stopping = Date.now();
    await b.stop();
    // stop() SIGKILLs after 10 s, and an idle keep-alive would hold the close for 5 s: an exit
    // well before both means the stream neither held it up nor left its connection open.
    expect(Date.now() - stopping).toBeLessThan(2000);
    while ((await onB.next(2000)) !== undefined) {
      // presence and comments until the end
    }
    expect(onB.ended).toBe(true);
    expect(b.output()).not.toMatch(/TypeError|Unhandled|uncaught/i);
  });
});
