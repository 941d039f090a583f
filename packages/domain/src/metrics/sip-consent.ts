import type { Case, CaseEvent, ConsentValue } from "../case";
import type { CaseState } from "../case-state";
import { median } from "../percentile";
import type { CountTable } from "../suppression";
import { gridTable } from "../suppression";
import { daysBetween, stockholmDate } from "../time";
import { groupCoordinates, publishedCounts, publishedStatistic, withheldNames } from "./cells";
import type { Group } from "./groups";
import { groupBy } from "./groups";
import type { PopulationMember } from "./population";
import { population } from "./population";
import type { Dimension, GroupValues, MetricQuery, UnitPrincipal } from "./query";

/** The counts of metric 5, each a number of distinct cases. */
export const sipConsentCounts = [
  "consentGiven",
  "consentDeclined",
  "consentWithdrawn",
  "sipEstablished",
] as const;
export type SipConsentCount = (typeof sipConsentCounts)[number];
export type SipConsentNumber = SipConsentCount | "medianDaysToSip";

export type SipConsentCell = GroupValues &
  Readonly<Record<SipConsentCount, number>> & {
    /** Raw: suppression decides whether it is shown. Its n is `sipEstablished`. */
    readonly medianDaysToSip: number | null;
  };

export type PublishedSipConsentCell = GroupValues &
  Readonly<Record<SipConsentCount, number | null>> & {
    readonly medianDaysToSip: number | null;
    readonly suppressed: boolean;
    readonly withheld: readonly SipConsentNumber[];
  };

/** Days from `openedOn` to the date of the first `sip` `established` before asOf, if any. */
export function caseDaysToSip(c: Case, state: CaseState): number | null {
  if (state.sipEstablishedAt === null) return null;
  return daysBetween(c.openedOn, stockholmDate(state.sipEstablishedAt));
}

/**
 * Metric 5, the reference: per group of the population (status `all` unless asked otherwise),
 * the cases whose last `consent` before asOf is given, declined or withdrawn, the cases with a
 * SIP established before asOf, and the median days to it. A group whose four counts are all 0
 * is absent, as SPEC leaves out cells with count 0 (a group where nobody has consent or SIP).
 */
export function referenceSipConsent(
  cases: readonly Case[],
  eventsByCase: ReadonlyMap<string, readonly CaseEvent[]>,
  query: MetricQuery,
  unitPrincipal: UnitPrincipal,
): SipConsentCell[] {
  const members = population(cases, eventsByCase, query, unitPrincipal);
  return groupBy(members, query.groupBy ?? [], (m) => m.values)
    .map(sipConsentCell)
    .filter((cell) => sipConsentCounts.some((count) => cell[count] > 0));
}

function sipConsentCell(group: Group<PopulationMember>): SipConsentCell {
  const withConsent = (value: ConsentValue) =>
    group.members.filter((m) => m.state.consent === value).length;
  const days = group.members.flatMap((m) => caseDaysToSip(m.case, m.state) ?? []);
  return {
    ...group.values,
    consentGiven: withConsent("given"),
    consentDeclined: withConsent("declined"),
    consentWithdrawn: withConsent("withdrawn"),
    sipEstablished: days.length,
    medianDaysToSip: median(days),
  };
}

/**
 * SPEC: "for SIP: each measure's column on its own, with its total": one table per count, its
 * lines those of the groups (each groupBy dimension and the grand total).
 */
export function sipConsentTables(
  cells: readonly SipConsentCell[],
  dims: readonly Dimension[],
): Record<SipConsentCount, CountTable> {
  const column = (count: SipConsentCount) =>
    gridTable(cells.map((c) => ({ coordinates: groupCoordinates(c, dims), count: c[count] })));
  return {
    consentGiven: column("consentGiven"),
    consentDeclined: column("consentDeclined"),
    consentWithdrawn: column("consentWithdrawn"),
    sipEstablished: column("sipEstablished"),
  };
}

/**
 * The cells as the API publishes them: each count by the count rule and its own column's lines;
 * `medianDaysToSip` only beside a published `sipEstablished` ≥ k.
 */
export function suppressSipConsent(
  cells: readonly SipConsentCell[],
  dims: readonly Dimension[],
  k: number,
): PublishedSipConsentCell[] {
  const tables = sipConsentTables(cells, dims);
  const given = publishedCounts(tables.consentGiven, k);
  const declined = publishedCounts(tables.consentDeclined, k);
  const withdrawn = publishedCounts(tables.consentWithdrawn, k);
  const established = publishedCounts(tables.sipEstablished, k);
  return cells.map((cell, i) => {
    const published = {
      consentGiven: given[i] ?? null,
      consentDeclined: declined[i] ?? null,
      consentWithdrawn: withdrawn[i] ?? null,
      sipEstablished: established[i] ?? null,
    };
    const withheld = withheldNames<SipConsentNumber>([
      ...sipConsentCounts.map((count) => [count, published[count] === null] as const),
      ["medianDaysToSip", published.sipEstablished === null],
    ]);
    return {
      ...cell,
      ...published,
      medianDaysToSip: publishedStatistic(cell.medianDaysToSip, published.sipEstablished, k),
      suppressed: withheld.length > 0,
      withheld,
    };
  });
}
