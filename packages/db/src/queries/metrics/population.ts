import type { CaseStatus, MetricQuery, MetricRestriction } from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import { allOf, codedIn, inFilter } from "./parameters";

/** A transition (s, s′) as one smallint, `s * 100 + s′`: flow counts one array per case. */
export function transitionCode(from: SQL, to: SQL): SQL {
  return sql`(${from} * 100 + ${to})::smallint`;
}

export interface PopulationOptions {
  readonly status: CaseStatus;
  /** False for trend `closed`, where `from`/`to` bound the close date instead of `openedOn`. */
  readonly boundOpening: boolean;
  readonly restriction?: MetricRestriction | undefined;
  /** Lead times: also `steps` and `step_dates`, the step timeline (a join per case). */
  readonly withSteps?: boolean;
  /**
   * The caller reads only the case's own attributes (`id`, the dimensions, `opened_month`,
   * `sip_on`), never its state: then, unless the state decides who is in the population, the
   * population is one scan of `case_facts`.
   */
  readonly attributesOnly?: boolean;
}

/**
 * SPEC "population" as one SELECT, a row per case: its attributes, `sip_on`, `step_count` (how
 * many `step` events count as of asOf) and its state as of asOf — `step` (and `step_on`, the date
 * it was entered), `lead_unit`, `lead_principal`, `closed`, `consent`, `principal_pairs` (the
 * network's bit set), `transitions` (flow's codes) — which is `deriveCaseState`'s fold over the
 * events before the end of day asOf; with `withSteps` also the step timeline `steps`,
 * `step_dates`. Metrics select from it as `p`.
 */
export function populationSql(query: MetricQuery, options: PopulationOptions): SQL {
  const asOf = sql`${query.asOf}::date`;
  const where = casesWhere(query, options, asOf);
  if (options.attributesOnly && stateDecidesNothing(query, options)) {
    // Every case has its facts row, so these are the union's rows without their state.
    return sql`SELECT ${attributes} FROM case_facts f WHERE ${where}`;
  }
  const cases = sql`(${settledCases(asOf, where, options)} UNION ALL ${unsettledCases(asOf, where, options)}) p`;
  const status = statusCondition(options.status);
  if (!needsLeadPrincipal(query)) {
    return sql`SELECT p.*, NULL::text AS lead_principal FROM ${cases} WHERE ${allOf([status])}`;
  }
  return sql`SELECT p.*, lp.principal_type AS lead_principal FROM ${cases}
    LEFT JOIN (SELECT u.code, o.principal_type FROM units u
      JOIN organisations o ON o.code = u.organisation_code) lp ON lp.code = p.lead_unit
    WHERE ${allOf([status, inFilter(sql`lp.principal_type`, query.leadPrincipal)])}`;
}

/**
 * Who is in the population depends on the state as of asOf only through the status, the
 * organisations that had taken part (a restriction) and the lead unit's principal type.
 */
function stateDecidesNothing(query: MetricQuery, options: PopulationOptions): boolean {
  return (
    options.status === "all" && options.restriction === undefined && !needsLeadPrincipal(query)
  );
}

/** The lead unit's principal type costs a join per case: only when grouped or filtered by it. */
function needsLeadPrincipal(query: MetricQuery): boolean {
  return (query.groupBy ?? []).includes("leadPrincipal") || (query.leadPrincipal ?? []).length > 0;
}

/** The case's own attributes (the four coded ones as `case_codes` ids) and its record key. */
const attributes = sql`f.case_id AS id, f.process_id, f.target_group_id, f.age_group_id,
  f.municipality_id, f.opened_on, f.opened_month, f.sip_on, f.record_key`;

/**
 * Cases whose every event is dated on or before asOf: their state is the stored one, read from
 * the narrow `case_facts` alone unless the step timeline is asked for.
 */
function settledCases(asOf: SQL, where: SQL, options: PopulationOptions): SQL {
  const steps = options.withSteps ? sql`, s.steps, s.step_dates` : sql``;
  const join = options.withSteps ? sql`JOIN case_steps s ON s.case_id = f.case_id` : sql``;
  const restricted = restrictedTo(options.restriction, sql`f.organisations`);
  return sql`SELECT ${attributes}, f.step_count::int AS step_count, f.step::int AS step,
      f.step_on, f.lead_unit, f.closed, f.consent, f.principal_pairs, f.transitions${steps}
    FROM case_facts f ${join}
    WHERE f.settled_on <= ${asOf} AND ${allOf([where, restricted])}`;
}

/** Cases with events after asOf: their state is each timeline cut at asOf. */
function unsettledCases(asOf: SQL, where: SQL, options: PopulationOptions): SQL {
  const steps = options.withSteps ? sql`, s.steps, s.step_dates` : sql``;
  const restricted = restrictedTo(
    options.restriction,
    sql`t.organisations[1:width_bucket(${asOf}, t.organisation_dates)]`,
  );
  return sql`SELECT ${attributes}, k.steps AS step_count, s.steps[k.steps]::int AS step,
      s.step_dates[k.steps] AS step_on, t.lead_units[k.leads] AS lead_unit,
      coalesce(t.endings[k.endings], false) AS closed, t.consents[k.consents] AS consent,
      coalesce(t.principal_pair_masks[width_bucket(${asOf}, t.principal_pair_dates)], 0)
        AS principal_pairs,
      coalesce((SELECT array_agg(DISTINCT ${transitionCode(sql`s.steps[i]`, sql`s.steps[i + 1]`)})
        FROM generate_series(1, k.steps - 1) i WHERE s.steps[i] <> s.steps[i + 1]), '{}')
        AS transitions${steps}
    FROM case_facts f
    JOIN case_steps s ON s.case_id = f.case_id
    JOIN case_timelines t ON t.case_id = f.case_id
    CROSS JOIN LATERAL (SELECT width_bucket(${asOf}, s.step_dates) AS steps,
      width_bucket(${asOf}, t.lead_dates) AS leads,
      width_bucket(${asOf}, t.ending_dates) AS endings,
      width_bucket(${asOf}, t.consent_dates) AS consents) k
    WHERE f.settled_on > ${asOf} AND ${allOf([where, restricted])}`;
}

/** Conditions on a case's attributes (alias `f`): opened in the period and by asOf, filters. */
function casesWhere(query: MetricQuery, options: PopulationOptions, asOf: SQL): SQL {
  const from = options.boundOpening ? query.from : undefined;
  const to = options.boundOpening ? query.to : undefined;
  return allOf([
    sql`f.opened_on <= ${asOf}`,
    from === undefined ? undefined : sql`f.opened_on >= ${from}::date`,
    to === undefined ? undefined : sql`f.opened_on <= ${to}::date`,
    codedIn(sql`f.municipality_id`, query.municipality),
    codedIn(sql`f.target_group_id`, query.targetGroup),
    codedIn(sql`f.age_group_id`, query.ageGroup),
    codedIn(sql`f.process_id`, query.process),
  ]);
}

function statusCondition(status: CaseStatus): SQL | undefined {
  if (status === "all") return undefined;
  return status === "closed" ? sql`p.closed` : sql`NOT p.closed`;
}

/**
 * One of the organisations took part as of asOf (`organisations`: those that had by then): the
 * initiating unit's, or a `lead` or `join` unit's.
 */
function restrictedTo(
  restriction: MetricRestriction | undefined,
  organisations: SQL,
): SQL | undefined {
  if (restriction === undefined) return undefined;
  if (restriction.organisations.length === 0) return sql`false`;
  const theirs = sql.join(
    restriction.organisations.map((o) => sql`${o}`),
    sql`, `,
  );
  return sql`${organisations} && ARRAY[${theirs}]::text[]`;
}
