import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { arbCaseLog } from "../testing/arbitraries";
import { aCase, caseLog } from "../testing/builders";
import { arbCount, arbGroupedCells, disclosureViolations } from "../testing/disclosure";
import { exampleUnitPrincipals, processkartaCase } from "../testing/examples";
import { addDays } from "../time";
import { population } from "./population";
import type { MetricQuery } from "./query";
import { dimensions } from "./query";
import type { SipConsentCell } from "./sip-consent";
import {
  referenceSipConsent,
  sipConsentCounts,
  sipConsentTables,
  suppressSipConsent,
} from "./sip-consent";

const d = (date: string) => date as IsoDate;

/** Days to SIP: 21 (the processkarta case), 29 (across the DST night) and 10. */
function county() {
  return caseLog([
    processkartaCase(),
    aCase()
      .openedOn("2024-03-01")
      .consent("given")
      .consent("declined", "2024-03-05")
      .sip("established", "2024-03-30T23:30")
      .sip("established", "2024-04-10")
      .build(),
    aCase()
      .targetGroup("missbruk_beroende")
      .openedOn("2024-02-01")
      .consent("given")
      .sip("followed_up", "2024-05-01")
      .build(),
    aCase().targetGroup("missbruk_beroende").openedOn("2024-02-01").step(1).build(),
    aCase()
      .openedOn("2024-04-01")
      .sip("established", "2024-04-11")
      .consent("withdrawn", "2024-04-20")
      .build(),
    aCase().openedOn("2024-05-01").sip("established", "2025-01-05").build(),
    aCase().targetGroup("npf_adhd").openedOn("2024-05-01").step(1).build(),
  ]);
}

const base: MetricQuery = { from: d("2024-01-01"), to: d("2024-12-31"), asOf: d("2024-12-31") };

function sip(query: Partial<MetricQuery> = {}) {
  const { cases, eventsByCase } = county();
  return referenceSipConsent(cases, eventsByCase, { ...base, ...query }, exampleUnitPrincipals);
}

describe("referenceSipConsent", () => {
  it("counts the last consent and established SIPs before asOf, with the median days to SIP", () => {
    expect(sip()).toEqual([
      {
        consentGiven: 2,
        consentDeclined: 1,
        consentWithdrawn: 1,
        sipEstablished: 3,
        medianDaysToSip: 21,
      },
    ]);
  });

  it("leaves out a group whose counts are all 0", () => {
    expect(sip({ groupBy: ["targetGroup"] })).toEqual([
      {
        targetGroup: "missbruk_beroende",
        consentGiven: 1,
        consentDeclined: 0,
        consentWithdrawn: 0,
        sipEstablished: 0,
        medianDaysToSip: null,
      },
      {
        targetGroup: "samsjuklighet",
        consentGiven: 1,
        consentDeclined: 1,
        consentWithdrawn: 1,
        sipEstablished: 3,
        medianDaysToSip: 21,
      },
    ]);
  });

  it("follows the processkarta case: consent given, SIP in 21 days, consent withdrawn later", () => {
    const { cases, eventsByCase } = caseLog([processkartaCase()]);
    const at = (asOf: string) =>
      referenceSipConsent(cases, eventsByCase, { asOf: d(asOf) }, exampleUnitPrincipals);
    expect(at("2024-03-24")).toEqual([
      {
        consentGiven: 1,
        consentDeclined: 0,
        consentWithdrawn: 0,
        sipEstablished: 0,
        medianDaysToSip: null,
      },
    ]);
    expect(at("2025-05-05")).toEqual([
      {
        consentGiven: 0,
        consentDeclined: 0,
        consentWithdrawn: 1,
        sipEstablished: 1,
        medianDaysToSip: 21,
      },
    ]);
  });

  it("takes the median by percentile_cont and ignores SIPs after asOf", () => {
    const [cell] = sip({ asOf: d("2024-04-05") });
    expect(cell).toMatchObject({ sipEstablished: 2, medianDaysToSip: 25 });
  });

  it("ignores cases opened after asOf", () => {
    expect(sip({ asOf: d("2024-03-03") })).toEqual([
      {
        consentGiven: 2,
        consentDeclined: 0,
        consentWithdrawn: 0,
        sipEstablished: 0,
        medianDaysToSip: null,
      },
    ]);
  });
});

describe("suppressSipConsent", () => {
  const cell = (
    targetGroup: string,
    [consentGiven, consentDeclined, consentWithdrawn, sipEstablished]: number[],
    medianDaysToSip: number | null,
  ): SipConsentCell => ({
    targetGroup,
    consentGiven: consentGiven ?? 0,
    consentDeclined: consentDeclined ?? 0,
    consentWithdrawn: consentWithdrawn ?? 0,
    sipEstablished: sipEstablished ?? 0,
    medianDaysToSip,
  });

  it("suppresses each measure's column on its own, and the median with its count", () => {
    const cells = [
      cell("missbruk_beroende", [12, 2, 0, 8], 30),
      cell("npf_adhd", [7, 6, 3, 4], 15),
      cell("samsjuklighet", [9, 9, 0, 0], null),
    ];
    expect(suppressSipConsent(cells, ["targetGroup"], 5)).toEqual([
      {
        targetGroup: "missbruk_beroende",
        consentGiven: 12,
        consentDeclined: null,
        consentWithdrawn: 0,
        sipEstablished: null,
        medianDaysToSip: null,
        suppressed: true,
        withheld: ["consentDeclined", "sipEstablished", "medianDaysToSip"],
      },
      {
        targetGroup: "npf_adhd",
        consentGiven: 7,
        consentDeclined: null,
        consentWithdrawn: null,
        sipEstablished: null,
        medianDaysToSip: null,
        suppressed: true,
        withheld: ["consentDeclined", "consentWithdrawn", "sipEstablished", "medianDaysToSip"],
      },
      {
        targetGroup: "samsjuklighet",
        consentGiven: 9,
        consentDeclined: 9,
        consentWithdrawn: 0,
        sipEstablished: 0,
        medianDaysToSip: null,
        suppressed: false,
        withheld: [],
      },
    ]);
  });

  it("publishes the median when sipEstablished ≥ k", () => {
    const [published] = suppressSipConsent([cell("x", [6, 0, 0, 5], 14)], [], 5);
    expect(published).toMatchObject({ sipEstablished: 5, medianDaysToSip: 14, withheld: [] });
  });
});

describe("referenceSipConsent (properties)", () => {
  const arbQuery = fc.record({
    asOf: fc.integer({ min: 0, max: 20 }).map((n) => addDays("2024-03-25", n)),
    groupBy: fc.subarray([...dimensions], { maxLength: 2 }),
  });

  it("counts no more consents than cases, and a SIP for exactly the cases that have one", () => {
    fc.assert(
      fc.property(arbCaseLog(), arbQuery, (log, query) => {
        const { cases, eventsByCase } = caseLog(log);
        const cells = referenceSipConsent(cases, eventsByCase, query, exampleUnitPrincipals);
        const members = population(cases, eventsByCase, query, exampleUnitPrincipals);
        const sum = (count: (typeof sipConsentCounts)[number]) =>
          cells.reduce((total, c) => total + c[count], 0);
        expect(sum("consentGiven") + sum("consentDeclined") + sum("consentWithdrawn")).toBe(
          members.filter((m) => m.state.consent !== null).length,
        );
        expect(sum("sipEstablished")).toBe(
          members.filter((m) => m.state.sipEstablishedAt !== null).length,
        );
        for (const c of cells) expect(c.medianDaysToSip === null).toBe(c.sipEstablished === 0);
      }),
      { numRuns: 100 },
    );
  });

  it("never publishes 1..k−1, keeps the line rule per measure, medians only beside n ≥ k", () => {
    const arbCells = fc.integer({ min: 3, max: 6 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        table: arbGroupedCells(
          fc.record({
            consentGiven: arbCount(k),
            consentDeclined: arbCount(k),
            consentWithdrawn: arbCount(k),
            sipEstablished: arbCount(k),
            medianDaysToSip: fc.integer({ min: 0, max: 90 }),
          }),
        ),
      }),
    );
    fc.assert(
      fc.property(arbCells, ({ table: { dims, cells }, k }) => {
        const published = suppressSipConsent(cells, dims, k);
        const tables = sipConsentTables(cells, dims);
        for (const count of sipConsentCounts) {
          const column = published.map((c) => c[count]);
          expect(disclosureViolations(tables[count], column, k)).toEqual([]);
        }
        for (const c of published) {
          if (c.medianDaysToSip !== null) expect(c.sipEstablished).toBeGreaterThanOrEqual(k);
          expect(c.suppressed).toBe(c.withheld.length > 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
