import { type EvaluationPhase, type Scope, seesEvaluation } from "@samsyn/domain";
import { and, arrayOverlaps, asc, desc, eq, inArray, lt, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../client";
import {
  evaluationGroups,
  evaluationItems,
  evaluations,
  evaluationVotes,
  forumActions,
} from "../../schema";
import { isUuid } from "../agreements/views";
import { ok, type Result, refuse } from "../result";
import { selectRows } from "../rows";
import {
  type BoardView,
  type EvaluationRow,
  type EvaluationSummary,
  evaluationSummary,
  groupView,
  itemView,
  type LiftedAction,
  myVotesLeft,
  type PreviousAction,
} from "./views";
import { voterKey } from "./voter";

export interface EvaluationFilter {
  readonly phase?: EvaluationPhase;
  readonly organisation?: string;
}

/**
 * `GET /evaluations`: admin every session, everyone else the sessions of their organisations.
 * Newest first.
 */
export async function listEvaluations(
  db: Db,
  scope: Scope,
  filter: EvaluationFilter = {},
): Promise<EvaluationSummary[]> {
  const conditions: SQL[] = [];
  if (scope.role !== "admin") {
    if (scope.orgs.length === 0) return [];
    conditions.push(arrayOverlaps(evaluations.organisations, [...scope.orgs] as never));
  }
  if (filter.phase !== undefined) conditions.push(eq(evaluations.phase, filter.phase));
  if (filter.organisation !== undefined)
    conditions.push(arrayOverlaps(evaluations.organisations, [filter.organisation] as never));
  const rows = await db
    .select()
    .from(evaluations)
    .where(and(...conditions))
    .orderBy(desc(evaluations.createdAt), asc(evaluations.id));
  return rows.map(evaluationSummary);
}

/** The session `id` if the caller may see it; locked for a write when `lock` says so. */
export async function visibleEvaluation(
  db: Db,
  scope: Scope,
  id: string,
  lock = false,
): Promise<EvaluationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = db.select().from(evaluations).where(eq(evaluations.id, id));
  const [row] = lock ? await query.for("update") : await query;
  return row !== undefined && seesEvaluation(scope, row.organisations) ? row : undefined;
}

/** `GET /evaluations/{id}`: the board, or 404 when out of the caller's sight. */
export async function getEvaluationBoard(
  db: Db,
  scope: Scope,
  secret: string,
  id: string,
): Promise<Result<BoardView>> {
  const row = await visibleEvaluation(db, scope, id);
  if (row === undefined) return refuse("not_found");
  return ok(await loadBoard(db, row, voterKey(secret, row.id, scope.sub)));
}

/** The board of a session as `voter` (a voter key) reads it. */
export async function loadBoard(db: Db, row: EvaluationRow, voter: string): Promise<BoardView> {
  const [items, groups, totals, actions, cast, previousActions] = await Promise.all([
    db
      .select()
      .from(evaluationItems)
      .where(eq(evaluationItems.evaluationId, row.id))
      .orderBy(asc(evaluationItems.createdAt), asc(evaluationItems.id)),
    db
      .select()
      .from(evaluationGroups)
      .where(eq(evaluationGroups.evaluationId, row.id))
      .orderBy(asc(evaluationGroups.createdAt), asc(evaluationGroups.id)),
    voteTotals(db, row.id),
    liftedActions(db, row.id),
    votesCast(db, row.id, voter),
    loadPreviousActions(db, row),
  ]);
  const phase = row.phase;
  return {
    ...evaluationSummary(row),
    items: items.map((item) =>
      itemView(item, phase, totals.get(item.id), actions.get(item.id) ?? null),
    ),
    groups: groups.map((group) =>
      groupView(
        group,
        items.filter((i) => i.groupId === group.id),
        phase,
        totals.get(group.id),
        actions.get(group.id) ?? null,
      ),
    ),
    myVotesLeft: myVotesLeft(row, cast),
    previousActions,
  };
}

/** Votes per item and group of the session. */
export async function voteTotals(db: Db, evaluationId: string): Promise<Map<string, number>> {
  const rows = await selectRows<{ target: string; votes: number }>(
    db,
    sql`SELECT coalesce(item_id, group_id)::text AS target, count(*)::int AS votes
        FROM evaluation_votes WHERE evaluation_id = ${evaluationId} GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.target, r.votes]));
}

export async function votesCast(db: Db, evaluationId: string, voter: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM ${evaluationVotes}
        WHERE evaluation_id = ${evaluationId} AND voter = ${voter}`,
  );
  return row?.n ?? 0;
}

/** The newest action lifted from each item or group of the session. */
async function liftedActions(db: Db, evaluationId: string): Promise<Map<string, LiftedAction>> {
  const rows = await db
    .select({ id: forumActions.id, status: forumActions.status, target: forumActions.sourceItemId })
    .from(forumActions)
    .where(and(eq(forumActions.sourceKind, "evaluation"), eq(forumActions.sourceId, evaluationId)))
    .orderBy(asc(forumActions.createdAt));
  const actions = new Map<string, LiftedAction>();
  for (const r of rows)
    if (r.target !== null) actions.set(r.target, { id: r.id, status: r.status });
  return actions;
}

/**
 * The actions lifted from earlier sessions sharing an organisation with this one: a session opens
 * with what its predecessors raised and how far it got (Parabol #11245).
 */
async function loadPreviousActions(db: Db, row: EvaluationRow): Promise<PreviousAction[]> {
  const earlier = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(
      and(
        arrayOverlaps(evaluations.organisations, [...row.organisations] as never),
        lt(evaluations.createdAt, row.createdAt),
        ne(evaluations.id, row.id),
      ),
    );
  if (earlier.length === 0) return [];
  const actions = await db
    .select()
    .from(forumActions)
    .where(
      and(
        eq(forumActions.sourceKind, "evaluation"),
        inArray(
          forumActions.sourceId,
          earlier.map((e) => e.id),
        ),
      ),
    )
    .orderBy(asc(forumActions.dueOn), asc(forumActions.id));
  return actions.map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    dueOn: a.dueOn,
    evaluationId: a.sourceId ?? "",
  }));
}
