import { describe, expect, it } from "vitest";
import type { SipCell, StuckCell, TrendCell } from "../api/types";
import { comparePeriods, headlines, latestMonth, type Snapshot, shareOf } from "./overview-figures";

const envelope = {
  k: 5,
  disclosure: "cellkey" as const,
  asOf: "2025-06-30",
  view: "county" as const,
  groupBy: [],
};

/** A snapshot builder: everything published unless a test says otherwise. */
function aSnapshot(
  overrides: {
    open?: number | null;
    all?: number | null;
    median?: number | null;
    sip?: Partial<SipCell> | null;
    stuck?: Partial<StuckCell> | null;
  } = {},
): Snapshot {
  const count = (n: number | null) => ({
    ...envelope,
    cells: [],
    total: n,
    totalSuppressed: n === null,
  });
  const sip = overrides.sip === null ? [] : [{ ...sipCell, ...overrides.sip }];
  const stuck = overrides.stuck === null ? [] : [{ ...stuckCell, ...overrides.stuck }];
  return {
    open: count(overrides.open === undefined ? 120 : overrides.open),
    all: count(overrides.all === undefined ? 400 : overrides.all),
    lead: {
      ...envelope,
      process: "sip",
      fromStep: 1,
      toStep: 3,
      cells: [
        {
          n: 50,
          median: overrides.median === undefined ? 12 : overrides.median,
          p90: 30,
          pending: 7,
          suppressed: false,
          withheld: [],
        },
      ],
    },
    sip: { ...envelope, cells: sip },
    stuck: { ...envelope, cells: stuck },
  };
}
const sipCell: SipCell = {
  consentGiven: 300,
  consentDeclined: 40,
  consentWithdrawn: 9,
  sipEstablished: 100,
  medianDaysToSip: 30,
  suppressed: false,
  withheld: [],
};
const stuckCell: StuckCell = { count: 17, medianDaysOver: 20, suppressed: false, withheld: [] };
const month = (m: string, count: number | null): TrendCell => ({
  month: m,
  count,
  suppressed: count === null,
});

describe("overview periods", () => {
  it("compares the end of this month (today, if earlier) with the end of last month", () => {
    expect(comparePeriods("2025-06", "2025-06-12")).toEqual({
      now: "2025-06-12",
      previous: "2025-05-31",
    });
    expect(comparePeriods("2025-01", "2025-06-12")).toEqual({
      now: "2025-01-31",
      previous: "2024-12-31",
    });
  });

  it("defaults to the latest month with cases, never a future one", () => {
    const cells = [{ month: "2025-05" }, { month: "2025-06" }, { month: "2027-01" }];
    expect(latestMonth(cells, "2026-11-25")).toBe("2025-06");
    expect(latestMonth([], "2026-11-25")).toBe("2026-11");
  });

  it("withholds a share when either count is withheld", () => {
    expect(shareOf(null, 100)).toEqual({ value: null, suppressed: true });
    expect(shareOf(10, null)).toEqual({ value: null, suppressed: true });
    expect(shareOf(25, 100)).toEqual({ value: 0.25, suppressed: false });
  });

  it("never shows a share above 100 % when perturbed counts put the part above the whole", () => {
    // Cell key: 6 true cases of 6 may be published as 7 of 5, each count on its own.
    expect(shareOf(7, 5)).toEqual({ value: 1, suppressed: false });
    expect(shareOf(5, 7)?.value).toBeCloseTo(5 / 7);
  });
});

describe("headline figures", () => {
  const trend = {
    opened: [month("2025-05", 40), month("2025-06", 35)],
    closed: [month("2025-06", null)],
  };

  it("reads each figure now and at the end of the month before", () => {
    const [open, opened, closed, lead, sip, stuck] = headlines(
      aSnapshot(),
      aSnapshot({ open: 110, median: 14 }),
      trend,
      "2025-06",
    );
    expect([open?.now.value, open?.previous.value]).toEqual([120, 110]);
    expect([opened?.now.value, opened?.previous.value]).toEqual([35, 40]);
    expect(closed?.now).toEqual({ value: null, suppressed: true });
    expect(closed?.previous).toEqual({ value: 0, suppressed: false });
    expect([lead?.now.value, lead?.previous.value]).toEqual([12, 14]);
    expect(sip?.now).toEqual({ value: 0.25, suppressed: false });
    expect(stuck?.now).toEqual({ value: 17, suppressed: false });
  });

  it("divides SIP established by the published total, not by a sum of cells", () => {
    // Cells need not add up to the total under the cell key: the total is the one published.
    const [, , , , sip] = headlines(
      aSnapshot({ all: 90, sip: { sipEstablished: 30 } }),
      aSnapshot(),
      trend,
      "2025-06",
    );
    expect(sip?.now.value).toBeCloseTo(30 / 90);
  });

  it("withholds the SIP share when SIP established is withheld, not reading it as 0", () => {
    const [, , , , sip] = headlines(
      aSnapshot({ sip: { sipEstablished: null, suppressed: true } }),
      aSnapshot(),
      trend,
      "2025-06",
    );
    expect(sip?.now.suppressed).toBe(true);
  });

  it("publishes a stuck count whose median alone is withheld, and reads a missing cell as 0", () => {
    const partly = aSnapshot({
      stuck: { medianDaysOver: null, suppressed: true, withheld: ["medianDaysOver"] },
    });
    const [, , , , , stuck] = headlines(partly, aSnapshot({ stuck: null }), trend, "2025-06");
    expect(stuck?.now).toEqual({ value: 17, suppressed: false });
    expect(stuck?.previous).toEqual({ value: 0, suppressed: false });
  });
});
