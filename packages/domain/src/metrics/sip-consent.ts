import type { Case, CaseEvent, ConsentValue } from "../case";
import type { CaseState } from "../case-state";
import type { Disclosure } from "../disclosure/mode";
import { cellKeyOf } from "../disclosure/record-key";
import { median } from "../percentile";
import type { CountTable } from "../suppression";
import { gridTable } from "../suppression";
import { daysBetween, stockholmDate } from "../time";
import {
  type CellKeys,
  groupCoordinates,
  publishedCounts,
  publishedStatistic,
  withheldNames,
} from "./cells";
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
    readonly cellKeys: CellKeys<SipConsentCount>;
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
    group.members.filter((m) => m.state.consent === value);
  const sips = group.members.flatMap((member) => {
    const days = caseDaysToSip(member.case, member.state);
    return days === null ? [] : [{ member, days }];
  });
  const withSip = sips.map((s) => s.member);
  const counted: Record<SipConsentCount, readonly PopulationMember[]> = {
    consentGiven: withConsent("given"),
    consentDeclined: withConsent("declined"),
    consentWithdrawn: withConsent("withdrawn"),
    sipEstablished: withSip,
  };
  const each = <T>(f: (members: readonly PopulationMember[]) => T) =>
    Object.fromEntries(sipConsentCounts.map((count) => [count, f(counted[count])])) as Record<
      SipConsentCount,
      T
    >;
  return {
    ...group.values,
    ...each((members) => members.length),
    medianDaysToSip: median(sips.map((s) => s.days)),
    cellKeys: each((members) => cellKeyOf(members.map((m) => m.recordKey))),
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
 * The cells as the API publishes them: each count by the disclosure mode (in `suppression`
 * along its own column's lines); `medianDaysToSip` only beside a published `sipEstablished` of
 * at least k true cases.
 */
export function suppressSipConsent(
  cells: readonly SipConsentCell[],
  dims: readonly Dimension[],
  disclosure: Disclosure,
): PublishedSipConsentCell[] {
  const tables = sipConsentTables(cells, dims);
  const column = (count: SipConsentCount) =>
    publishedCounts(
      tables[count],
      cells.map((c) => c.cellKeys[count]),
      disclosure,
    );
  const given = column("consentGiven");
  const declined = column("consentDeclined");
  const withdrawn = column("consentWithdrawn");
  const established = column("sipEstablished");
  return cells.map(({ cellKeys, ...cell }, i) => {
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
      medianDaysToSip: publishedStatistic(
        cell.medianDaysToSip,
        cell.sipEstablished,
        published.sipEstablished,
        disclosure.k,
      ),
      suppressed: withheld.length > 0,
      withheld,
    };
  });
}
