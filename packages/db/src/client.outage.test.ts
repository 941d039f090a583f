import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createDb } from "./client";
import { testDatabases } from "./testing";

describe("a PostgreSQL client whose server is away", () => {
  it("refuses query after query at once, far past the pool's size, instead of hanging", async () => {
    const database = await createDb({
      databaseUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/samsyn`,
    });
    if (database.kind !== "postgres") throw new Error("expected PostgreSQL");
    const startedAt = Date.now();
    // A refused connect used to keep its pool connection: the eleventh query waited forever.
    for (let i = 0; i < 2 * database.client.options.max; i++) {
      await expect(database.client.unsafe("SELECT 1")).rejects.toMatchObject({
        code: "ECONNREFUSED",
      });
    }
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    await database.close();
  });
});

const postgresTarget = testDatabases().find((target) => target.name === "postgres");

describe.runIf(postgresTarget !== undefined)("a transaction whose connection is lost", () => {
  it("rejects with the connection's error, and the process and the pool carry on", async () => {
    const database = await postgresTarget?.open();
    if (database?.kind !== "postgres") throw new Error("expected PostgreSQL");
    const { client } = database;
    let backend: number | undefined;
    const transaction = client.begin(async (tx) => {
      const [row] = await tx<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      backend = row?.pid;
      await tx`SELECT pg_sleep(5)`;
    });
    while (backend === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    await client`SELECT pg_terminate_backend(${backend})`;

    await expect(transaction).rejects.toMatchObject({ code: "CONNECTION_CLOSED" });
    // postgres.js 3.4.9 wrote its ROLLBACK to the closed socket from a timer: a TypeError that
    // vitest reports as an unhandled error of this test, and that ended samsyn.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...(await client`SELECT 1 AS one`)]).toEqual([{ one: 1 }]);
    // A transaction that fails for its own reasons still rolls back on a live connection.
    await expect(client.begin((tx) => tx`SELECT 1 / 0`)).rejects.toMatchObject({ code: "22012" });
    expect([...(await client`SELECT 2 AS two`)]).toEqual([{ two: 2 }]);
    await database.close();
  });
});

/** A port on 127.0.0.1 that nothing listens on: a connect to it is refused at once. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}
