import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConsentValue } from "../case";
import type { IsoDate } from "../codes";
import { arbCaseLog, arbRefPrefix } from "../testing/arbitraries";
import type { BuiltCase } from "../testing/builders";
import { aCase, caseLog } from "../testing/builders";
import {
  cellKeyOfRefs,
  filtersOf,
  keyInSlice,
  withCellKeys,
  withoutCellKeys,
} from "../testing/cell-keys";
import {
  arbCount,
  arbGroupedCells,
  cellKeyMode,
  cellKeyViolations,
  disclosureViolations,
  suppressionMode,
} from "../testing/disclosure";
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
  return withoutCellKeys(sipOf(county(), query));
}

function sipOf(log: ReturnType<typeof caseLog>, query: Partial<MetricQuery> = {}) {
  const { cases, eventsByCase } = log;
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
      withoutCellKeys(
        referenceSipConsent(cases, eventsByCase, { asOf: d(asOf) }, exampleUnitPrincipals),
      );
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

  it("keys each count with the record keys of its own cases", () => {
    const log = caseLog([
      aCase().ref("anna").openedOn("2024-03-01").consent("given").sip("established").build(),
      aCase().ref("bert").openedOn("2024-03-01").consent("given").build(),
      aCase().ref("cleo").openedOn("2024-03-01").consent("withdrawn").sip("established").build(),
    ]);
    expect(sipOf(log).map((c) => c.cellKeys)).toEqual([
      {
        consentGiven: cellKeyOfRefs("anna", "bert"),
        consentDeclined: 0,
        consentWithdrawn: cellKeyOfRefs("cleo"),
        sipEstablished: cellKeyOfRefs("anna", "cleo"),
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
    keys: readonly number[] = [],
  ): SipConsentCell => ({
    targetGroup,
    consentGiven: consentGiven ?? 0,
    consentDeclined: consentDeclined ?? 0,
    consentWithdrawn: consentWithdrawn ?? 0,
    sipEstablished: sipEstablished ?? 0,
    medianDaysToSip,
    cellKeys: {
      consentGiven: keys[0] ?? 0,
      consentDeclined: keys[1] ?? 0,
      consentWithdrawn: keys[2] ?? 0,
      sipEstablished: keys[3] ?? 0,
    },
  });

  it("suppresses each measure's column on its own, and the median with its count", () => {
    const cells = [
      cell("missbruk_beroende", [12, 2, 0, 8], 30),
      cell("npf_adhd", [7, 6, 3, 4], 15),
      cell("samsjuklighet", [9, 9, 0, 0], null),
    ];
    expect(suppressSipConsent(cells, ["targetGroup"], suppressionMode(5))).toEqual([
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
    const [published] = suppressSipConsent([cell("x", [6, 0, 0, 5], 14)], [], suppressionMode(5));
    expect(published).toMatchObject({ sipEstablished: 5, medianDaysToSip: 14, withheld: [] });
  });

  it("in cellkey perturbs each count by its own key, with no second cell hidden", () => {
    const keys = [keyInSlice(0), keyInSlice(9), keyInSlice(1), keyInSlice(7)];
    const cells = [
      cell("missbruk_beroende", [12, 12, 12, 12], 30, keys),
      cell("npf_adhd", [7, 0, 3, 4], 15, keys),
    ];
    // The slices' noise from k + 2 on: −2, +2, −1 and +1.
    expect(suppressSipConsent(cells, ["targetGroup"], cellKeyMode(5))).toEqual([
      {
        targetGroup: "missbruk_beroende",
        consentGiven: 10,
        consentDeclined: 14,
        consentWithdrawn: 11,
        sipEstablished: 13,
        medianDaysToSip: 30,
        suppressed: false,
        withheld: [],
      },
      {
        targetGroup: "npf_adhd",
        consentGiven: 5,
        consentDeclined: 0,
        consentWithdrawn: null,
        sipEstablished: null,
        medianDaysToSip: null,
        suppressed: true,
        withheld: ["consentWithdrawn", "sipEstablished", "medianDaysToSip"],
      },
    ]);
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
      fc.property(arbCells, ({ table: { dims, cells: drawn }, k }) => {
        const cells = withCellKeys(sipConsentCounts, drawn);
        const published = suppressSipConsent(cells, dims, suppressionMode(k));
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

describe("suppressSipConsent, cellkey (properties)", () => {
  /**
   * Many cases with a last consent (or none) and a SIP established some days after opening (or
   * none), so that groups reach k + 2 cases (random event logs seldom do).
   */
  const arbSipCounty = fc
    .array(
      fc.record({
        prefix: arbRefPrefix,
        targetGroup: fc.constantFrom("samsjuklighet", "missbruk_beroende"),
        municipality: fc.constantFrom("0180", "0182"),
        consent: fc.constantFrom<ConsentValue | null>("given", "declined", "withdrawn", null),
        daysToSip: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      }),
      { minLength: 20, maxLength: 50 },
    )
    .map((drawn) =>
      drawn.map(({ prefix, targetGroup, municipality, consent, daysToSip }, i) => {
        const built = aCase()
          .ref(`${prefix}-${i}`)
          .targetGroup(targetGroup)
          .municipality(municipality)
          .openedOn("2024-03-01");
        if (consent !== null) built.consent(consent);
        if (daysToSip !== null) built.after(daysToSip).sip("established");
        return built.build();
      }),
    );
  const arbGroupBy = fc.subarray(["targetGroup", "municipality"] as const, { minLength: 1 });
  const arbK = fc.integer({ min: 3, max: 6 });

  function published(log: readonly BuiltCase[], query: Partial<MetricQuery>, k: number) {
    return suppressSipConsent(sipOf(caseLog(log), query), query.groupBy ?? [], cellKeyMode(k));
  }

  it("publishes the same numbers for the same cases, whichever query yields them", () => {
    let perturbed = 0;
    fc.assert(
      fc.property(arbSipCounty, arbGroupBy, arbK, (log, groupBy, k) => {
        for (const cell of published(log, { groupBy }, k)) {
          const { targetGroup, municipality, ...numbers } = cell;
          expect(published(log, filtersOf(cell, groupBy) ?? {}, k)).toEqual([numbers]);
          perturbed += sipConsentCounts.filter((c) => (cell[c] ?? 0) >= k + 2).length;
        }
      }),
      { numRuns: 30 },
    );
    // Not vacuous: counts of k + 2 or more, which the table moves, were compared.
    expect(perturbed).toBeGreaterThan(20);
  });

  it("perturbs each count on its own, and shows the median only for k or more true SIPs", () => {
    fc.assert(
      fc.property(arbSipCounty, arbGroupBy, arbK, (log, groupBy, k) => {
        const cells = sipOf(caseLog(log), { groupBy });
        const shown = suppressSipConsent(cells, groupBy, cellKeyMode(k));
        for (const count of sipConsentCounts) {
          const truth = cells.map((c) => c[count]);
          const column = shown.map((c) => c[count]);
          expect(cellKeyViolations(truth, column, k)).toEqual([]);
        }
        shown.forEach((c, i) => {
          const { sipEstablished, medianDaysToSip } = cells[i] ?? {};
          expect(c.medianDaysToSip).toBe((sipEstablished ?? 0) >= k ? medianDaysToSip : null);
          expect(c).not.toHaveProperty("cellKeys");
          expect(c.suppressed).toBe(c.withheld.length > 0);
        });
      }),
      { numRuns: 30 },
    );
  });
});
