import { type ClientRequest, request } from "node:http";
import { insertEvaluation, recordChange } from "@samsyn/api/testing";
import { closeLiveBoards, createDb, type Database, organisations } from "@samsyn/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSamsyn, runCli, startSamsyn } from "../support/samsyn-process";
import {
  createThrowawayPostgres,
  postgresAvailable,
  type ThrowawayPostgres,
} from "../support/throwaway-postgres";

/**
 * Issue 20, "Live boards": a client whose TCP connection to a running `samsyn serve` drops in
 * the middle of a stream, while changes keep being committed, reconnects with Last-Event-ID
 * and ends up with every change exactly once, in the order they were committed.
 */
describe.skipIf(!postgresAvailable)("a live board client whose connection drops", () => {
  const secret = "a-test-secret-that-is-at-least-32-characters";
  let pg: ThrowawayPostgres;
  let samsyn: RunningSamsyn;
  let writer: Database;

  beforeAll(async () => {
    pg = await createThrowawayPostgres();
    await pg.start();
    const env = { DATABASE_URL: pg.url, SAMSYN_SECRET: secret };
    const migrated = await runCli(["migrate"], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    samsyn = await startSamsyn("serve", env);
    writer = await createDb({ databaseUrl: pg.url });
    await writer.db.insert(organisations).values({
      code: "region_stockholm" as never,
      name: "Region Stockholm",
      principalType: "region",
    });
  });

  afterAll(async () => {
    await samsyn?.stop();
    if (writer !== undefined) {
      await closeLiveBoards(writer);
      await writer.close();
    }
    await pg?.remove();
  });

  it("reconnects with Last-Event-ID after its socket is destroyed three times, missing nothing, nothing twice", async () => {
    const token = await signIn(samsyn.url);
    const id = await insertEvaluation(writer);
    const written: string[] = [];
    const received: string[] = [];
    let lastEventId: string | undefined;

    let writing = true;
    let writesDone = false;
    let writes: Promise<void> | undefined;

    let reconnects = 0;
    for (let connection = 0; connection < 4; connection++) {
      const stream = openStream(samsyn.url, token, id, lastEventId);
      await stream.opened;
      // Changes committed one after another from the first hello on, through the drops and
      // reconnects below, at least 40 of them.
      writes ??= (async () => {
        for (let n = 0; writing || n < 40; n++) {
          written.push(String(await recordChange(writer, id, "item", { n })));
          await sleep(15);
        }
        writesDone = true;
      })();
      // Read a few changes (the last connection: until the writes are over and all arrived).
      const last = connection === 3;
      if (last) writing = false;
      await stream.until(
        (changes) => (last ? writesDone && changes.at(-1) === written.at(-1) : changes.length >= 5),
        last ? writes : undefined,
      );
      received.push(...stream.changes);
      lastEventId = stream.changes.at(-1) ?? lastEventId;
      // The connection drops: no FIN from the client's side, its socket is just gone.
      stream.request.destroy();
      if (!last) reconnects++;
      await sleep(100);
    }
    await writes;

    expect(received).toEqual(written);
    expect(new Set(received).size).toBe(received.length);
    console.info(
      `live board: ${written.length} changes over ${reconnects} dropped connections, each received once and in order`,
    );
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

/**
 * The board's event stream over a socket of node:http's, which a test can destroy: the ids of
 * the changes (not hello, presence or comments) as they arrive.
 */
function openStream(url: string, token: string, evaluationId: string, lastEventId?: string) {
  const changes: string[] = [];
  let buffer = "";
  let notify = () => {};
  let hello = () => {};
  const opened = new Promise<void>((resolve) => {
    hello = resolve;
  });
  const req: ClientRequest = request(`${url}/api/v1/evaluations/${evaluationId}/events`, {
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: "text/event-stream",
      ...(lastEventId === undefined ? {} : { "Last-Event-ID": lastEventId }),
    },
  });
  req.on("response", (res) => {
    expect(res.statusCode).toBe(200);
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      for (let at = buffer.indexOf("\n\n"); at >= 0; at = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const fields = new Map(
          block
            .split("\n")
            .filter((line) => !line.startsWith(":"))
            .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
        );
        const event = fields.get("event");
        const id = fields.get("id");
        if (event === "hello") hello();
        else if (id !== undefined && event !== "presence") changes.push(id);
      }
      notify();
    });
    res.on("error", () => {});
  });
  req.on("error", () => {});
  req.end();
  return {
    request: req,
    changes,
    /** Resolves on the stream's hello: from then on, every change committed reaches it. */
    opened,
    /** Waits until `done(changes)` (checked as changes arrive and once `after` settles). */
    async until(done: (changes: readonly string[]) => boolean, after?: Promise<unknown>) {
      const deadline = Date.now() + 30_000;
      void after?.then(() => notify());
      while (!done(changes)) {
        if (Date.now() > deadline)
          throw new Error(`stream stalled after ${changes.length} changes`);
        await new Promise<void>((resolve) => {
          notify = resolve;
          setTimeout(resolve, 200);
        });
      }
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
