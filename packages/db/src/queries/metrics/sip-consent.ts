import type { MetricAccess, MetricQuery, SipConsentCell } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { histogramSql } from "./histogram";
import { populationSql } from "./population";
import { selectMetricRows } from "./run";

/**
 * Metric 5 in SQL: per group of the population (status `all` unless asked otherwise), the cases
 * whose last `consent` before asOf is given, declined or withdrawn; the cases whose first `sip`
 * `established` is dated on or before asOf, and the median days from `openedOn` to it. Groups
 * whose four counts are all 0 are left out, as the reference leaves them out.
 */
export function sipConsent(
  db: Db,
  query: MetricQuery,
  access: MetricAccess,
): Promise<SipConsentCell[]> {
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: true,
    restriction: access.restriction,
  });
  const daysToSip = sql`CASE WHEN p.sip_on <= ${query.asOf}::date THEN p.sip_on - p.opened_on END`;
  return selectMetricRows<SipConsentCell>(
    db,
    histogramSql({
      dims: query.groupBy ?? [],
      rows: population,
      value: daysToSip,
      counts: {
        consentGiven: sql`p.consent = 'given'`,
        consentDeclined: sql`p.consent = 'declined'`,
        consentWithdrawn: sql`p.consent = 'withdrawn'`,
        sipEstablished: sql`p.hv IS NOT NULL`,
      },
      percentiles: [{ name: "medianDaysToSip", p: 0.5 }],
      keep: sql`g."consentGiven" + g."consentDeclined" + g."consentWithdrawn" + g."sipEstablished" > 0`,
    }),
  );
}
