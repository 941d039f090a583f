import { describe, expect, it } from "vitest";
import type { CaseCounts, CountCell, Stuck, StuckCell } from "../../api/types";
import { municipalityRates } from "./municipality-rates";

const envelope = {
  k: 5,
  disclosure: "cellkey" as const,
  asOf: "2025-06-30",
  view: "county" as const,
  groupBy: ["municipality" as const],
};

function openCases(cells: CountCell[]): CaseCounts {
  return { ...envelope, cells, total: null, totalSuppressed: true };
}

function stuckCases(cells: StuckCell[]): Stuck {
  return { ...envelope, cells };
}

const count = (municipality: string, n: number | null): CountCell => ({
  municipality,
  count: n,
  suppressed: n === null,
});

const stuck = (municipality: string, n: number | null, median: number | null = 10): StuckCell => ({
  municipality,
  count: n,
  medianDaysOver: median,
  suppressed: n === null || median === null,
  withheld: [...(n === null ? ["count"] : []), ...(median === null ? ["medianDaysOver"] : [])],
});

describe("municipalityRates", () => {
  it("divides stuck by open cases per kommun", () => {
    const [row] = municipalityRates(
      openCases([count("0180", 40)]),
      stuckCases([stuck("0180", 10)]),
    );
    expect(row).toEqual({
      municipality: "0180",
      open: { value: 40, suppressed: false },
      stuck: { value: 10, suppressed: false },
      rate: { value: 0.25, suppressed: false },
    });
  });

  it("reads a kommun the stuck answer leaves out as none stuck: a published 0 %", () => {
    const [row] = municipalityRates(openCases([count("0182", 12)]), stuckCases([]));
    expect(row?.stuck).toEqual({ value: 0, suppressed: false });
    expect(row?.rate).toEqual({ value: 0, suppressed: false });
  });

  it("withholds the rate when either count is suppressed", () => {
    const rows = municipalityRates(
      openCases([count("0180", null), count("0182", 30)]),
      stuckCases([stuck("0180", 6), stuck("0182", null)]),
    );
    expect(rows.map((r) => r.rate)).toEqual([
      { value: null, suppressed: true },
      { value: null, suppressed: true },
    ]);
    expect(rows[0]?.stuck).toEqual({ value: 6, suppressed: false });
  });

  it("stops the rate at 100 % when perturbed counts publish more stuck than open", () => {
    const [row] = municipalityRates(openCases([count("0180", 5)]), stuckCases([stuck("0180", 7)]));
    expect(row?.open).toEqual({ value: 5, suppressed: false });
    expect(row?.stuck).toEqual({ value: 7, suppressed: false });
    expect(row?.rate).toEqual({ value: 1, suppressed: false });
  });

  it("keeps a published stuck count whose median alone is withheld", () => {
    const [row] = municipalityRates(
      openCases([count("0180", 50)]),
      stuckCases([stuck("0180", 5, null)]),
    );
    expect(row?.stuck).toEqual({ value: 5, suppressed: false });
    expect(row?.rate.value).toBeCloseTo(0.1);
  });
});
