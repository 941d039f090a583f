import type { Database } from "../client";

/** Stops listening. */
export type Unlisten = () => Promise<void>;

/**
 * LISTEN on `channel` for either driver. On PostgreSQL, postgres.js keeps one dedicated
 * connection for every LISTEN of the client and, when it is lost, reconnects and listens again,
 * calling `onListen` each time: what was notified meanwhile is gone, so the caller catches up
 * from its tables then. PGlite delivers NOTIFY in-process (one process, no connection to lose).
 */
export async function listen(
  database: Database,
  channel: string,
  onPayload: (payload: string) => void,
  onListen: () => void,
): Promise<Unlisten> {
  if (database.kind === "postgres") {
    const { unlisten } = await database.client.listen(channel, onPayload, onListen);
    return unlisten;
  }
  const stop = await database.client.listen(channel, onPayload);
  onListen();
  return () => stop();
}

/** NOTIFY outside a transaction (presence, which nothing stores). */
export async function notify(database: Database, channel: string, payload: string): Promise<void> {
  if (database.kind === "postgres") {
    await database.client.notify(channel, payload);
    return;
  }
  await database.client.query("SELECT pg_notify($1, $2)", [channel, payload]);
}
