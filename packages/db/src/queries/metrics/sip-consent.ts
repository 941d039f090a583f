import type { MetricQuery, SipConsentCell } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { selectRows } from "../rows";
import {
  groupByClause,
  groupSelect,
  type MetricRestriction,
  orderByClause,
  selectList,
} from "./parameters";
import { populationSql } from "./population";

/**
 * Metric 5 in SQL: per group of the population (status `all` unless asked otherwise), the cases
 * whose last `consent` before asOf is given, declined or withdrawn; the cases whose first `sip`
 * `established` is dated on or before asOf, and the median days from `openedOn` to it. Groups whose
 * four counts are all 0 are left out, as the reference leaves them out.
 */
export function sipConsent(
  db: Db,
  query: MetricQuery,
  restriction?: MetricRestriction,
): Promise<SipConsentCell[]> {
  const dims = query.groupBy ?? [];
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: true,
    restriction,
  });
  const consent = (value: string) => sql`count(*) FILTER (WHERE p.consent = ${value})::int`;
  const daysToSip = sql`CASE WHEN p.sip_on <= ${query.asOf}::date THEN p.sip_on - p.opened_on END`;
  return selectRows<SipConsentCell>(
    db,
    sql`SELECT ${selectList([
      ...groupSelect(dims),
      sql`${consent("given")} AS "consentGiven"`,
      sql`${consent("declined")} AS "consentDeclined"`,
      sql`${consent("withdrawn")} AS "consentWithdrawn"`,
      sql`count(${daysToSip})::int AS "sipEstablished"`,
      sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${daysToSip}) AS "medianDaysToSip"`,
    ])}
    FROM (${population}) p
    ${groupByClause(dims)}
    HAVING count(${daysToSip}) > 0 OR count(p.consent) > 0
    ${orderByClause(dims)}`,
  );
}
