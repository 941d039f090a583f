import { desc, eq, inArray, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import { dashboardSessions, dashboardSignIns } from "../schema";

export type DashboardSessionRow = typeof dashboardSessions.$inferSelect;

export async function insertDashboardSession(db: Db, row: DashboardSessionRow): Promise<void> {
  await db.insert(dashboardSessions).values(row);
}

export async function findDashboardSession(
  db: Db,
  idHash: string,
): Promise<DashboardSessionRow | undefined> {
  const [row] = await db
    .select()
    .from(dashboardSessions)
    .where(eq(dashboardSessions.idHash, idHash));
  return row;
}

/** Keeps a session from idling out: its last call is now. */
export async function touchDashboardSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db
    .update(dashboardSessions)
    .set({ lastCallAt: at })
    .where(eq(dashboardSessions.idHash, idHash));
}

export async function deleteDashboardSession(db: Db, idHash: string): Promise<void> {
  await db.delete(dashboardSessions).where(eq(dashboardSessions.idHash, idHash));
}

/** Deletes the sessions that ended, by their working day or by idling since `idleBefore`. */
export async function deleteEndedDashboardSessions(
  db: Db,
  at: Date,
  idleBefore: Date,
): Promise<void> {
  await db
    .delete(dashboardSessions)
    .where(or(lt(dashboardSessions.endsAt, at), lt(dashboardSessions.lastCallAt, idleBefore)));
}

/**
 * Keeps a sign-in attempt, after deleting the expired ones and, beyond `max` (anyone may start
 * sign-ins), the oldest: a flood evicts, never grows.
 */
export async function insertSignIn(
  db: Db,
  row: typeof dashboardSignIns.$inferInsert,
  at: Date,
  max: number,
): Promise<void> {
  await db.delete(dashboardSignIns).where(lt(dashboardSignIns.expiresAt, at));
  const newest = db
    .select({ stateHash: dashboardSignIns.stateHash })
    .from(dashboardSignIns)
    .orderBy(desc(dashboardSignIns.expiresAt))
    .offset(max - 1);
  await db.delete(dashboardSignIns).where(inArray(dashboardSignIns.stateHash, newest));
  await db.insert(dashboardSignIns).values(row).onConflictDoNothing();
}

/** The attempt of `stateHash`, once: deleted as it is read, so a replayed callback finds nothing. */
export async function takeSignIn(
  db: Db,
  stateHash: string,
): Promise<{ attempt: Uint8Array; expiresAt: Date } | undefined> {
  const [row] = await db
    .delete(dashboardSignIns)
    .where(eq(dashboardSignIns.stateHash, stateHash))
    .returning({ attempt: dashboardSignIns.attempt, expiresAt: dashboardSignIns.expiresAt });
  return row;
}
