import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../client";
import { transitionCode } from "../../queries/metrics/population";
import { principalPairTable } from "../../queries/metrics/principal-pairs";
import { selectRows } from "../../queries/rows";

/** Runs one statement: `db.execute` or an import session's `run`, inside the caller's transaction. */
export type RunStatement = (statement: SQL) => Promise<unknown>;

/** An import's transaction, as far as the refresh after it needs: statements and rows. */
export interface RefreshSession {
  run(statement: SQL): Promise<unknown>;
  rows<T>(query: SQL): Promise<T[]>;
}

/**
 * Rebuilds the metrics' storage (`case_facts`, `case_steps`, `case_timelines`, `case_pairs`) for
 * the cases whose ids `caseIds` selects (a SELECT of one column), from their events — the one
 * place where it is derived, and a write: so here among the operations, not in queries/. Every write calls it in its own transaction: the importer for the
 * cases it touched, `appendCaseEvent` and `createCase` for their case, `migrate` for cases
 * without facts. First the cases' new attribute codes are numbered; then one statement derives
 * the rest, so `caseIds` is read before any derived row changes. Then the data version moves on.
 * The timelines are `deriveCaseState`'s fold kept whole: events in event order (occurred_at,
 * then seq), each dated in Stockholm.
 */
export async function refreshCaseFacts(run: RunStatement, caseIds: SQL): Promise<void> {
  await run(storeNewCodes(caseIds));
  await run(sql`WITH touched AS MATERIALIZED (SELECT DISTINCT * FROM (${caseIds}) ids),
    ev AS MATERIALIZED (
      SELECT e.case_id, e.occurred_at, e.seq, e.type, e.step, e.unit_code, e.value,
        (e.occurred_at AT TIME ZONE 'Europe/Stockholm')::date AS day
      FROM case_events e WHERE e.case_id IN (SELECT * FROM touched)),
    timelines AS (${timelines}),
    participants AS (${participants}),
    organisations AS (${organisations}),
    principals AS (SELECT case_id, principal_type, min(day) AS day FROM participants
      WHERE principal_type IS NOT NULL GROUP BY case_id, principal_type),
    principal_masks AS (${principalMasks}),
    made AS (${transitionsMade}),
    stored_steps AS (${upsert("case_steps", stepColumns, storedSteps)}),
    stored_timelines AS (${upsert("case_timelines", timelineColumns, storedTimelines)}),
    stored_pairs AS (${upsert("case_pairs", pairColumns, storedPairs)})
    ${upsert("case_facts", factColumns, facts)}`);
  // Last, so that the row is locked only from here to the caller's commit: a cached figure of an
  // older version is not served once this commits (queries/metrics/cache.ts).
  await run(sql`UPDATE case_data_version SET version = version + 1`);
}

/**
 * Numbers the attribute codes of the cases `caseIds` selects that `case_codes` does not hold yet
 * (a new municipality, say). Only missing codes are inserted, so the identity is not spent on
 * every write; ON CONFLICT covers a concurrent writer that numbered the same code first.
 */
function storeNewCodes(caseIds: SQL): SQL {
  return sql`INSERT INTO case_codes (code)
    SELECT DISTINCT a.code FROM cases c
    CROSS JOIN LATERAL (VALUES (c.process), (c.target_group), (c.age_group), (c.municipality_code))
      a (code)
    WHERE c.id IN (${caseIds})
      AND NOT EXISTS (SELECT 1 FROM case_codes k WHERE k.code = a.code)
    ON CONFLICT (code) DO NOTHING`;
}

/** The cases that have no facts yet: every case before the first refresh, new ones after. */
export const casesWithoutFacts = sql`SELECT c.id FROM cases c
  WHERE NOT EXISTS (SELECT 1 FROM case_facts f WHERE f.case_id = c.id)`;

/** The largest `seq` recorded so far (0 when none); a double, exact far beyond any count. */
export const lastRecordedSeq = sql`SELECT coalesce(max(seq), 0)::float8 AS seq FROM case_events`;

/**
 * Cases refreshed by one statement after an import. The refresh reads every event of its cases
 * into sorts and aggregates; PostgreSQL spills what work_mem cannot hold to temporary files, and
 * a first import of 10 M cases (158 M events) in one statement had written 31 GB of them, and
 * not yet its rows, when the disk was nearly full (docs/scaling.md). A chunk of this size reads
 * about 4 M events.
 */
export const refreshChunkCases = 250_000;

/**
 * After an import's inserts: refreshes the cases with an event recorded after `seq` (the largest
 * before the import) and those without facts (new cases), `chunkCases` at a time in the import's
 * own transaction (so still all or nothing), then the planner's statistics — PGlite has no
 * autovacuum, and a first import changes every row. The cases are listed first: each chunk
 * gives cases facts, which would change what "without facts" selects for the next. `onProgress`
 * hears how many there are before the first chunk, and the cases done after every chunk.
 */
export async function refreshImportedFacts(
  session: RefreshSession,
  seq: number,
  chunkCases: number = refreshChunkCases,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  await session.run(sql`CREATE TEMPORARY TABLE refresh_cases (id integer PRIMARY KEY)
    ON COMMIT DROP`);
  await session.run(sql`INSERT INTO refresh_cases
    SELECT e.case_id FROM case_events e WHERE e.seq > ${seq} UNION ${casesWithoutFacts}`);
  await session.run(sql`ANALYZE refresh_cases`);
  // The first id of every chunk, in order: a chunk is the ids from its first to the next's.
  const firsts = await session.rows<{ id: number; total: number }>(sql`SELECT id, total FROM (
      SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER ()::integer AS total
      FROM refresh_cases) numbered
    WHERE (n - 1) % ${chunkCases} = 0 ORDER BY id`);
  const total = firsts[0]?.total ?? 0;
  onProgress?.(0, total);
  for (const [i, first] of firsts.entries()) {
    const next = firsts[i + 1];
    const below = next === undefined ? sql`` : sql` AND id < ${next.id}`;
    await refreshCaseFacts(
      (statement) => session.run(statement),
      sql`SELECT id FROM refresh_cases WHERE id >= ${first.id}${below}`,
    );
    onProgress?.(Math.min((i + 1) * chunkCases, total), total);
  }
  await session.run(sql`DROP TABLE refresh_cases`);
  for (const table of metricTables) {
    await session.run(sql`ANALYZE ${sql.identifier(table)}`);
  }
}

/**
 * Gives facts to the cases that have none, `chunkCases` at a time in id order, each chunk in its
 * own transaction: `migrate` does, after an upgrade or a migration that emptied the derived tables
 * to change their derivation. At 10 M cases one statement would fill the disk with temporary
 * files (as the import's did); the rows are derived only, so a run stopped half-way leaves the
 * rest for the next `migrate`, and the cases done keep their facts. `onProgress` hears the cases
 * done of those there were to do, after every chunk.
 */
export async function refreshCasesWithoutFacts(
  db: Db,
  chunkCases: number = refreshChunkCases,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const [todo] = await selectRows<{ cases: number }>(
    db,
    sql`SELECT count(*)::int AS cases FROM (${casesWithoutFacts}) c`,
  );
  const total = todo?.cases ?? 0;
  let done = 0;
  let after = 0;
  while (done < total) {
    // The chunk's last id: the chunk is the cases without facts in (after, last].
    const [chunk] = await selectRows<{ last: number | null; cases: number }>(
      db,
      sql`SELECT max(id) AS last, count(*)::int AS cases FROM (${casesWithoutFacts}
        AND c.id > ${after} ORDER BY c.id LIMIT ${chunkCases}) c`,
    );
    if (chunk?.last == null) break;
    const last = chunk.last;
    await db.transaction((tx) =>
      refreshCaseFacts(
        (statement) => tx.execute(statement),
        sql`${casesWithoutFacts} AND c.id > ${after} AND c.id <= ${last}`,
      ),
    );
    done += chunk.cases;
    after = last;
    onProgress?.(done, total);
  }
}

const metricTables = ["case_facts", "case_steps", "case_timelines", "case_pairs"] as const;

/** INSERT … ON CONFLICT (case_id) DO UPDATE: a refresh replaces whatever the row held. */
function upsert(table: string, columns: readonly string[], rows: SQL): SQL {
  const updates = columns.slice(1).map((c) => `${c} = excluded.${c}`);
  return sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(columns.join(", "))}) ${rows}
    ON CONFLICT (case_id) DO UPDATE SET ${sql.raw(updates.join(", "))}`;
}

/** Values of some event types and their dates, in event order: one timeline, two columns. */
function timeline(names: readonly [string, string], value: SQL, types: SQL): SQL {
  const where = sql`FILTER (WHERE type IN (${types}))`;
  return sql`coalesce(array_agg(${value} ORDER BY occurred_at, seq) ${where}, '{}')
      AS ${sql.identifier(names[0])},
    coalesce(array_agg(day ORDER BY occurred_at, seq) ${where}, '{}')
      AS ${sql.identifier(names[1])}`;
}

const timelines = sql`SELECT c.id AS case_id,
    ${timeline(["steps", "step_dates"], sql`step`, sql`'step'`)},
    ${timeline(["lead_units", "lead_dates"], sql`unit_code`, sql`'lead'`)},
    ${timeline(["endings", "ending_dates"], sql`type = 'close'`, sql`'close', 'reopen'`)},
    ${timeline(["consents", "consent_dates"], sql`value`, sql`'consent'`)},
    min(day) FILTER (WHERE type = 'sip' AND value = 'established') AS sip_on,
    coalesce(max(day), '-infinity') AS settled_on
  FROM cases c LEFT JOIN ev ON ev.case_id = c.id
  WHERE c.id IN (SELECT * FROM touched) GROUP BY c.id`;

const stepColumns = ["case_id", "steps", "step_dates"] as const;

const storedSteps = sql.raw(`SELECT ${stepColumns.join(", ")} FROM timelines`);

const timelineColumns = [
  "case_id",
  "lead_units",
  "lead_dates",
  "endings",
  "ending_dates",
  "consents",
  "consent_dates",
  "organisations",
  "organisation_dates",
  "principal_pair_masks",
  "principal_pair_dates",
] as const;

const storedTimelines = sql`SELECT t.case_id, t.lead_units, t.lead_dates,
    t.endings, t.ending_dates, t.consents, t.consent_dates,
    coalesce(o.members, '{}'), coalesce(o.dates, '{}'), coalesce(pm.masks, '{}'),
    coalesce(pm.dates, '{}')
  FROM timelines t LEFT JOIN organisations o ON o.case_id = t.case_id
  LEFT JOIN principal_masks pm ON pm.case_id = t.case_id`;

const factColumns = [
  "case_id",
  "opened_month",
  "process_id",
  "target_group_id",
  "age_group_id",
  "municipality_id",
  "opened_on",
  "organisations",
  "settled_on",
  "step",
  "step_count",
  "step_on",
  "lead_unit",
  "closed",
  "consent",
  "sip_on",
  "principal_pairs",
  "transitions",
  "record_key",
] as const;

/**
 * The case's attributes (the four coded by `case_codes`) and its state after its last event: the
 * last of each timeline.
 */
const facts = sql`SELECT c.id, date_trunc('month', c.opened_on::timestamp)::date, process.id,
    target_group.id, age_group.id, municipality.id, c.opened_on, coalesce(o.members, '{}'),
    t.settled_on, t.steps[cardinality(t.steps)], cardinality(t.steps),
    t.step_dates[cardinality(t.step_dates)], t.lead_units[cardinality(t.lead_units)],
    coalesce(t.endings[cardinality(t.endings)], false), t.consents[cardinality(t.consents)],
    t.sip_on, coalesce(pm.masks[cardinality(pm.masks)], 0),
    coalesce(m.codes, '{}'), ${recordKeySql(sql`c.ref_hash`)}
  FROM cases c JOIN timelines t ON t.case_id = c.id
  JOIN case_codes process ON process.code = c.process
  JOIN case_codes target_group ON target_group.code = c.target_group
  JOIN case_codes age_group ON age_group.code = c.age_group
  JOIN case_codes municipality ON municipality.code = c.municipality_code
  LEFT JOIN organisations o ON o.case_id = c.id
  LEFT JOIN principal_masks pm ON pm.case_id = c.id LEFT JOIN made m ON m.case_id = c.id`;

/**
 * SPEC `cellkey`: a case's record key from its keyed ref hash, as the domain's
 * `recordKeyFromHash` computes it — the first four bytes big-endian (missing ones as 0), without
 * the top bit. Migration 0011 uses the same expression.
 */
export function recordKeySql(refHash: SQL): SQL {
  return sql`(('x' || rpad(encode(substring(${refHash} FROM 1 FOR 4), 'hex'), 8, '0'))::bit(32)::int
    & 2147483647)`;
}

/**
 * Flow's transitions after the last event: the distinct pairs of consecutive `step` events with
 * different steps, as `transitionCode`s. (As of an earlier asOf they are the pairs of the step
 * timeline's prefix: see `populationSql`.)
 */
const transitionsMade = sql`SELECT case_id,
    array_agg(DISTINCT ${transitionCode(sql`previous`, sql`step`)}) AS codes
  FROM (SELECT case_id, step, lag(step) OVER (PARTITION BY case_id ORDER BY occurred_at, seq)
      AS previous
    FROM ev WHERE type = 'step') s
  WHERE previous <> step GROUP BY case_id`;

/**
 * Units named in `lead` or `join` events, each with the first date it took part, its
 * organisation and that organisation's principal type (null when unknown: the domain leaves
 * such a unit out of the principal types).
 */
const participants = sql`SELECT ev.case_id, ev.unit_code, u.organisation_code, o.principal_type,
    min(ev.day) AS day
  FROM ev LEFT JOIN units u ON u.code = ev.unit_code
  LEFT JOIN organisations o ON o.code = u.organisation_code
  WHERE ev.type IN ('lead', 'join')
  GROUP BY ev.case_id, ev.unit_code, u.organisation_code, o.principal_type`;

/** Organisations that took part: the initiating unit's from the start, then participants'. */
const organisations = sql`SELECT case_id, array_agg(org ORDER BY day, org) AS members,
    array_agg(day ORDER BY day, org) AS dates
  FROM (SELECT case_id, org, min(day) AS day FROM (
      SELECT c.id AS case_id, u.organisation_code AS org, '-infinity'::date AS day
      FROM cases c JOIN units u ON u.code = c.initiating_unit
      WHERE c.id IN (SELECT * FROM touched)
      UNION ALL
      SELECT case_id, organisation_code, day FROM participants
      WHERE organisation_code IS NOT NULL) named
    GROUP BY case_id, org) firsts
  GROUP BY case_id`;

const pairColumns = ["case_id", "unit_pair_a", "unit_pair_b", "unit_pair_dates"] as const;

const storedPairs = sql`SELECT c.id, coalesce(up.a, '{}'), coalesce(up.b, '{}'),
    coalesce(up.dates, '{}')
  FROM touched c (id)
  LEFT JOIN (${pairs(sql`participants`, sql`unit_code`)}) up ON up.case_id = c.id`;

/**
 * The principal types that took part, each from its first date, as bit sets of the pairs of
 * them (`principalPairs`): per date on which a pair appeared, every pair present by then.
 */
const principalMasks = sql`SELECT case_id, array_agg(mask ORDER BY day) AS masks,
    array_agg(day ORDER BY day) AS dates
  FROM (SELECT case_id, day, bit_or(bits) OVER (PARTITION BY case_id ORDER BY day) AS mask
    FROM (SELECT x.case_id, greatest(x.day, y.day) AS day, bit_or(pair.bit) AS bits
      FROM principals x JOIN principals y ON y.case_id = x.case_id
      JOIN ${principalPairTable("pair")} ON pair.a = x.principal_type AND pair.b = y.principal_type
      GROUP BY x.case_id, greatest(x.day, y.day)) appeared) cumulative
  GROUP BY case_id`;

/** Pairs a < b in byte order of a case's members; a pair exists from the later first date. */
function pairs(source: SQL, member: SQL): SQL {
  const order = sql`ORDER BY greatest(x.day, y.day), x.${member}, y.${member}`;
  return sql`SELECT x.case_id, array_agg(x.${member} ${order}) AS a,
      array_agg(y.${member} ${order}) AS b, array_agg(greatest(x.day, y.day) ${order}) AS dates
    FROM ${source} x JOIN ${source} y
      ON y.case_id = x.case_id AND x.${member} < y.${member} COLLATE "C"
    GROUP BY x.case_id`;
}
