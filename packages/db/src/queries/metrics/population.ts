import type { CaseStatus, MetricQuery } from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import { allOf, inFilter, type MetricRestriction } from "./parameters";

export interface PopulationOptions {
  readonly status: CaseStatus;
  /** False for trend `closed`, where `from`/`to` bound the close date instead of `openedOn`. */
  readonly boundOpening: boolean;
  readonly restriction?: MetricRestriction | undefined;
}

/**
 * SPEC "population" as one SELECT, a row per case: its attributes, `sip_on`, its step timeline
 * (`steps`, `step_dates`, and `step_count`, how many count as of asOf) and its state as of asOf
 * — `step` (and `step_on`, the date it was entered), `lead_unit`, `lead_principal`, `closed`,
 * `consent`, `principal_pairs` (the network's bit set) — which is `deriveCaseState`'s fold over
 * the events before the end of day asOf.
 * Metrics select from it as `p`.
 */
export function populationSql(query: MetricQuery, options: PopulationOptions): SQL {
  const asOf = sql`${query.asOf}::date`;
  const where = casesWhere(query, options, asOf);
  const cases = sql`(${settledCases(asOf, where)} UNION ALL ${unsettledCases(asOf, where)}) p`;
  const status = statusCondition(options.status);
  if (!needsLeadPrincipal(query)) {
    return sql`SELECT p.*, NULL::text AS lead_principal FROM ${cases} WHERE ${allOf([status])}`;
  }
  return sql`SELECT p.*, lp.principal_type AS lead_principal FROM ${cases}
    LEFT JOIN (SELECT u.code, o.principal_type FROM units u
      JOIN organisations o ON o.code = u.organisation_code) lp ON lp.code = p.lead_unit
    WHERE ${allOf([status, inFilter(sql`lp.principal_type`, query.leadPrincipal)])}`;
}

/** The lead unit's principal type costs a join per case: only when grouped or filtered by it. */
function needsLeadPrincipal(query: MetricQuery): boolean {
  return (query.groupBy ?? []).includes("leadPrincipal") || (query.leadPrincipal ?? []).length > 0;
}

const attributes = sql`f.case_id AS id, f.process, f.target_group, f.age_group,
  f.municipality_code, f.opened_on, f.opened_month, f.sip_on, f.steps, f.step_dates`;

/** Cases whose every event is dated on or before asOf: their state is the stored one. */
function settledCases(asOf: SQL, where: SQL): SQL {
  return sql`SELECT ${attributes}, cardinality(f.steps) AS step_count, f.step::int AS step,
      f.step_on, f.lead_unit, f.closed, f.consent,
      f.principal_pair_masks[cardinality(f.principal_pair_masks)] AS principal_pairs
    FROM case_facts f WHERE f.settled_on <= ${asOf} AND ${where}`;
}

/** Cases with events after asOf (few, unless asOf is long ago): each timeline cut at asOf. */
function unsettledCases(asOf: SQL, where: SQL): SQL {
  return sql`SELECT ${attributes}, k.steps AS step_count, f.steps[k.steps]::int AS step,
      f.step_dates[k.steps] AS step_on, t.lead_units[k.leads] AS lead_unit,
      coalesce(t.endings[k.endings], false) AS closed, t.consents[k.consents] AS consent,
      f.principal_pair_masks[width_bucket(${asOf}, f.principal_pair_dates)] AS principal_pairs
    FROM case_facts f
    JOIN case_timelines t ON t.case_id = f.case_id
    CROSS JOIN LATERAL (SELECT width_bucket(${asOf}, f.step_dates) AS steps,
      width_bucket(${asOf}, t.lead_dates) AS leads,
      width_bucket(${asOf}, t.ending_dates) AS endings,
      width_bucket(${asOf}, t.consent_dates) AS consents) k
    WHERE f.settled_on > ${asOf} AND ${where}`;
}

/** Conditions on a case's attributes (alias `f`): opened in the period and by asOf, filters. */
function casesWhere(query: MetricQuery, options: PopulationOptions, asOf: SQL): SQL {
  const from = options.boundOpening ? query.from : undefined;
  const to = options.boundOpening ? query.to : undefined;
  return allOf([
    sql`f.opened_on <= ${asOf}`,
    from === undefined ? undefined : sql`f.opened_on >= ${from}::date`,
    to === undefined ? undefined : sql`f.opened_on <= ${to}::date`,
    inFilter(sql`f.municipality_code`, query.municipality),
    inFilter(sql`f.target_group`, query.targetGroup),
    inFilter(sql`f.age_group`, query.ageGroup),
    inFilter(sql`f.process`, query.process),
    options.restriction === undefined ? undefined : restrictedTo(options.restriction, asOf),
  ]);
}

function statusCondition(status: CaseStatus): SQL | undefined {
  if (status === "all") return undefined;
  return status === "closed" ? sql`p.closed` : sql`NOT p.closed`;
}

/**
 * One of the organisations took part as of asOf: the initiating unit's (dated -infinity) or a
 * `lead` or `join` unit's dated on or before asOf.
 */
function restrictedTo(restriction: MetricRestriction, asOf: SQL): SQL {
  if (restriction.organisations.length === 0) return sql`false`;
  const theirs = sql.join(
    restriction.organisations.map((o) => sql`${o}`),
    sql`, `,
  );
  return sql`f.organisations[1:width_bucket(${asOf}, f.organisation_dates)] && ARRAY[${theirs}]::text[]`;
}
