import { connect } from "node:net";
import { insertEvaluation, type SseReader, sseReader } from "@samsyn/api/testing";
import { closeLiveBoards, createDb, type Database, organisations } from "@samsyn/db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningSamsyn, runCli, startSamsyn } from "../support/samsyn-process";
import {
  createThrowawayPostgres,
  postgresAvailable,
  type ThrowawayPostgres,
} from "../support/throwaway-postgres";

/** main.ts's bound on the requests in flight after SIGTERM. */
const shutdownDeadlineMs = 10_000;

/**
 * Issue 20, "SIGTERM": requests in flight when Samsyn is told to stop get their answers, open
 * live board streams end, no new connection is taken, and the process exits 0 — within its
 * deadline even when a request never ends. The requests are held in flight by a lock a test
 * connection takes on `cases`, so that "in flight" is a fact rather than a hope about timing.
 */
describe.skipIf(!postgresAvailable)("SIGTERM to a serving Samsyn", () => {
  const secret = "a-test-secret-that-is-at-least-32-characters";
  let pg: ThrowawayPostgres;
  let env: Record<string, string>;
  /** The test's own connection: it takes the lock and inserts the board's session. */
  let writer: Database;
  let samsyn: RunningSamsyn | undefined;

  beforeAll(async () => {
    pg = await createThrowawayPostgres();
    await pg.start();
    env = { DATABASE_URL: pg.url, SAMSYN_SECRET: secret };
    const migrated = await runCli(["migrate"], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    writer = await createDb({ databaseUrl: pg.url });
    await writer.db.insert(organisations).values({
      code: "region_stockholm" as never,
      name: "Region Stockholm",
      principalType: "region",
    });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") console.error(`samsyn's output:\n${samsyn?.output()}`);
    await samsyn?.stop();
  });

  afterAll(async () => {
    if (writer !== undefined) {
      await closeLiveBoards(writer);
      await writer.close();
    }
    await pg?.remove();
  });

  it("answers the requests in flight, ends the streams, refuses new connections, exits 0", async () => {
    const running = await startSamsyn("serve", env);
    samsyn = running;
    const token = await signIn(running.url);
    const board = await openBoard(running.url, token, await insertEvaluation(writer));
    const lock = await lockCases(writer);
    const inFlight = Array.from({ length: 4 }, () => listCases(running.url, token));
    await untilWaitingOnLock(writer, inFlight.length);

    process.kill(running.pid, "SIGTERM");
    const termAt = Date.now();
    await until("new connections refused", () => refusesConnections(running.url), 5_000);
    const refusedMs = Date.now() - termAt;
    while ((await board.next(5_000)) !== undefined) {
      // presence and comments until the end
    }
    expect(board.ended, "the live board's stream ended").toBe(true);
    const streamEndedMs = Date.now() - termAt;
    // Still waiting on the lock: the process has not exited under them.
    expect(await Promise.race([running.exited.then(() => "exited"), sleep(300)])).not.toBe(
      "exited",
    );

    await lock.release();
    const releasedAt = Date.now();
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    for (const answer of answers) expect(answer.items).toEqual([]);
    expect(await running.exited).toEqual({ code: 0, signal: null });
    const exitMs = Date.now() - releasedAt;
    expect(exitMs, "exit after the last answer").toBeLessThan(5_000);
    expect(running.output()).toMatch(/Samsyn stängs: pågående anrop får svar/);
    expect(running.output()).not.toMatch(/TypeError|Unhandled|uncaught|\n\s+at /i);
    console.info(
      `SIGTERM: new connections refused after ${refusedMs} ms, stream ended after ${streamEndedMs} ms; 4 requests in flight answered 200, exit 0 ${exitMs} ms after their lock was released`,
    );
  });

  it("cuts a request that never ends at the deadline, then closes the database and exits 0", async () => {
    const running = await startSamsyn("serve", env);
    samsyn = running;
    const token = await signIn(running.url);
    const lock = await lockCases(writer);
    try {
      const stuck = listCases(running.url, token);
      await untilWaitingOnLock(writer, 1);
      process.kill(running.pid, "SIGTERM");
      const termAt = Date.now();
      expect(await running.exited).toEqual({ code: 0, signal: null });
      const exitMs = Date.now() - termAt;
      // The deadline, then the pool's 5 s to end the statement it waits on and main.ts's 1 s
      // for a socket PostgreSQL keeps half-open: 16 s, and a margin for a loaded machine.
      expect(exitMs).toBeGreaterThanOrEqual(shutdownDeadlineMs - 100);
      expect(exitMs).toBeLessThan(shutdownDeadlineMs + 12_000);
      expect((await stuck).status, "the cut request gets no answer").toBe(0);
      expect(running.output()).toMatch(/Anrop som inte svarat efter 10 s avbryts/);
      expect(running.output()).not.toMatch(/TypeError|Unhandled|uncaught|\n\s+at /i);
      console.info(`SIGTERM with a request that never ends: exit 0 after ${exitMs} ms`);
    } finally {
      await lock.release();
    }
  });
});

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role: "admin", orgs: [] }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function openBoard(url: string, token: string, evaluationId: string): Promise<SseReader> {
  const res = await fetch(`${url}/api/v1/evaluations/${evaluationId}/events`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  if (res.body === null) throw new Error("a stream without a body");
  const board = sseReader(res.body);
  expect((await board.next(10_000))?.event).toBe("hello");
  return board;
}

/** GET /cases; status 0 when the connection ended without an answer. */
async function listCases(url: string, token: string): Promise<{ status: number; items?: unknown }> {
  try {
    const res = await fetch(`${url}/api/v1/cases?limit=5`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { items?: unknown };
    return { status: res.status, items: body.items };
  } catch {
    return { status: 0 };
  }
}

/** An ACCESS EXCLUSIVE lock on `cases`, held on a connection of its own until released. */
async function lockCases(database: Database): Promise<{ release(): Promise<void> }> {
  if (database.kind !== "postgres") throw new Error("expected PostgreSQL");
  const connection = await database.client.reserve();
  await connection.unsafe("BEGIN");
  await connection.unsafe("LOCK TABLE cases IN ACCESS EXCLUSIVE MODE");
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await connection.unsafe("ROLLBACK");
      connection.release();
    },
  };
}

async function untilWaitingOnLock(database: Database, sessions: number): Promise<void> {
  if (database.kind !== "postgres") throw new Error("expected PostgreSQL");
  const client = database.client;
  await until(`${sessions} statements waiting on the lock`, async () => {
    const [row] = await client.unsafe(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
    );
    return (row?.n ?? 0) >= sessions;
  });
}

/** True when a new TCP connection to Samsyn's port is refused. */
function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
