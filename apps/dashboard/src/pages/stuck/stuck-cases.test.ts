import { describe, expect, it } from "vitest";
import type { CaseSummary, Catalogues } from "../../api/types";
import { type Filters, readFilters, validateFilterSearch } from "../../lib/filters";
import { parseSearch } from "../../lib/search";
import { matchingCases, stuckCaseRow } from "./stuck-cases";

const catalogues: Catalogues = {
  processes: [
    {
      code: "sip",
      name: "SIP",
      steps: [
        { number: 1, name: "Behov", targetDays: 7 },
        { number: 6, name: "Plan fastställd", targetDays: null },
      ],
    },
  ],
  targetGroups: [],
  principalTypes: [],
  ageGroups: [],
  municipalities: [],
  units: [
    { code: "nacka_soc", name: "Socialtjänsten", organisation: "nacka" },
    { code: "rs_psyk", name: "Psykiatrin", organisation: "region" },
  ],
  organisations: [
    { code: "nacka", name: "Nacka kommun", principalType: "kommun", municipality: "0182" },
    { code: "region", name: "Region Stockholm", principalType: "region", municipality: null },
  ],
};

function aCase(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: 1,
    refHashPrefix: "abcd1234",
    process: "sip",
    targetGroup: "samsjuklighet",
    ageGroup: "vuxen",
    municipality: "0182",
    openedOn: "2025-03-15",
    initiatingUnit: "nacka_soc",
    leadUnit: "nacka_soc",
    currentStep: 1,
    stepOn: "2025-04-01",
    daysOver: 3,
    closed: false,
    consent: null,
    ...overrides,
  };
}

const filtersOf = (query: string): Filters => readFilters(validateFilterSearch(parseSearch(query)));
const ids = (cases: CaseSummary[]) => cases.map((c) => c.id);

describe("matchingCases", () => {
  const cases = [
    aCase({ id: 1 }),
    aCase({ id: 2, municipality: "0180", openedOn: "2025-01-31", leadUnit: "rs_psyk" }),
    aCase({ id: 3, targetGroup: "demens", ageGroup: "aldre", leadUnit: null }),
  ];

  it("keeps every case when no filter is set", () => {
    expect(ids(matchingCases(cases, filtersOf(""), catalogues))).toEqual([1, 2, 3]);
  });

  it("keeps cases opened within the period's whole months", () => {
    expect(ids(matchingCases(cases, filtersOf("from=2025-02&to=2025-03"), catalogues))).toEqual([
      1, 3,
    ]);
    expect(ids(matchingCases(cases, filtersOf("to=2025-01"), catalogues))).toEqual([2]);
  });

  it("applies each code filter, several codes of one as either", () => {
    const filtered = (q: string) => ids(matchingCases(cases, filtersOf(q), catalogues));
    expect(filtered("municipality=0180")).toEqual([2]);
    expect(filtered("municipality=0180&municipality=0182")).toEqual([1, 2, 3]);
    expect(filtered("targetGroup=demens")).toEqual([3]);
    expect(filtered("ageGroup=aldre&targetGroup=demens")).toEqual([3]);
    expect(filtered("process=intern_samsjuklighet")).toEqual([]);
  });

  it("reads huvudman as the lead unit's organisation's principal type; no lead matches none", () => {
    expect(ids(matchingCases(cases, filtersOf("leadPrincipal=region"), catalogues))).toEqual([2]);
    expect(ids(matchingCases(cases, filtersOf("leadPrincipal=kommun"), catalogues))).toEqual([1]);
  });
});

describe("stuckCaseRow", () => {
  it("takes the target from the catalogue and counts days in step as target plus days over", () => {
    expect(stuckCaseRow(aCase({ daysOver: 3 }), catalogues)).toEqual({
      id: 1,
      process: "sip",
      step: 1,
      daysInStep: 10,
      targetDays: 7,
      daysOver: 3,
      leadUnit: "nacka_soc",
    });
  });

  it("leaves days in step unknown when the step has no target in the catalogue", () => {
    const row = stuckCaseRow(aCase({ currentStep: 6 }), catalogues);
    expect(row).toMatchObject({ targetDays: null, daysInStep: null });
  });
});
