import { describe, expect, it } from "vitest";
import type { SipCell, StuckCell, TrendCell } from "../../api/types";
import {
  changeOf,
  comparePeriods,
  defaultMonth,
  type Headline,
  headlines,
  type Snapshot,
  shareOf,
} from "./overview-figures";

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
  it("compares a whole month with the month before and the same month a year earlier", () => {
    expect(comparePeriods("2026-11", "2026-12-03")).toEqual({
      month: "2026-11",
      previousMonth: "2026-10",
      yearAgoMonth: "2025-11",
      now: "2026-11-30",
      previous: "2026-10-31",
      yearAgo: "2025-11-30",
      partial: false,
      today: "2026-12-03",
    });
  });

  it("steps back across the year boundary and into a leap February", () => {
    const january = comparePeriods("2025-01", "2025-06-12");
    expect([january.previousMonth, january.previous]).toEqual(["2024-12", "2024-12-31"]);
    expect([january.yearAgoMonth, january.yearAgo]).toEqual(["2024-01", "2024-01-31"]);
    const march = comparePeriods("2024-03", "2024-06-12");
    expect(march.previous).toBe("2024-02-29");
    const february = comparePeriods("2025-02", "2025-06-12");
    expect(february.yearAgo).toBe("2024-02-29");
    expect(february.now).toBe("2025-02-28");
  });

  it("reads a month that has not ended as of today, and marks it partial", () => {
    const december = comparePeriods("2026-12", "2026-12-03");
    expect([december.now, december.partial]).toEqual(["2026-12-03", true]);
    // On the last day the day is still being recorded: the month is not yet complete.
    const lastDay = comparePeriods("2026-11", "2026-11-30");
    expect([lastDay.now, lastDay.partial]).toEqual(["2026-11-30", true]);
    // On the 1st the month before has ended.
    expect(comparePeriods("2026-11", "2026-12-01").partial).toBe(false);
  });

  it("defaults to the last complete month, not the current one that has cases", () => {
    const cells = [{ month: "2026-10" }, { month: "2026-11" }, { month: "2026-12" }];
    expect(defaultMonth(cells, "2026-12-03")).toBe("2026-11");
    expect(defaultMonth(cells, "2026-12-01")).toBe("2026-11");
    expect(defaultMonth(cells, "2026-11-30")).toBe("2026-10");
    expect(defaultMonth([...cells, { month: "2027-01" }], "2027-01-01")).toBe("2026-12");
  });

  it("defaults to the latest month with cases for data that ends before today", () => {
    const cells = [{ month: "2025-05" }, { month: "2025-06" }];
    expect(defaultMonth(cells, "2026-11-25")).toBe("2025-06");
    expect(defaultMonth([], "2026-11-25")).toBe("2026-10");
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

/** Three snapshots, each published in full unless a test says otherwise. */
function snapshots(over: Partial<Record<"now" | "previous" | "yearAgo", Snapshot>> = {}) {
  return { now: aSnapshot(), previous: aSnapshot(), yearAgo: aSnapshot(), ...over };
}

const june = comparePeriods("2025-06", "2025-07-15");

describe("headline figures", () => {
  const trend = {
    opened: [month("2024-06", 31), month("2025-05", 40), month("2025-06", 35)],
    closed: [month("2025-06", null)],
  };

  it("reads each figure now and at the end of the month before", () => {
    const [open, opened, closed, lead, sip, stuck] = headlines(
      { now: aSnapshot(), previous: aSnapshot({ open: 110, median: 14 }), yearAgo: aSnapshot() },
      trend,
      june,
      "Samordnad individuell plan (SIP)",
    );
    expect(lead?.label).toBe("Median ledtid steg 1→3, Samordnad individuell plan (SIP)");
    expect([open?.now.value, open?.previous.value]).toEqual([120, 110]);
    expect([opened?.now.value, opened?.previous.value, opened?.yearAgo.value]).toEqual([
      35, 40, 31,
    ]);
    expect(closed?.now).toEqual({ value: null, suppressed: true });
    expect(closed?.previous).toEqual({ value: 0, suppressed: false });
    expect([lead?.now.value, lead?.previous.value]).toEqual([12, 14]);
    expect(sip?.now).toEqual({ value: 0.25, suppressed: false });
    expect(stuck?.now).toEqual({ value: 17, suppressed: false });
  });

  it("divides SIP established by the published total, not by a sum of cells", () => {
    // Cells need not add up to the total under the cell key: the total is the one published.
    const [, , , , sip] = headlines(
      snapshots({ now: aSnapshot({ all: 90, sip: { sipEstablished: 30 } }) }),
      trend,
      june,
    );
    expect(sip?.now.value).toBeCloseTo(30 / 90);
  });

  it("withholds the SIP share when SIP established is withheld, not reading it as 0", () => {
    const [, , , , sip] = headlines(
      snapshots({ now: aSnapshot({ sip: { sipEstablished: null, suppressed: true } }) }),
      trend,
      june,
    );
    expect(sip?.now.suppressed).toBe(true);
  });

  it("publishes a stuck count whose median alone is withheld, and reads a missing cell as 0", () => {
    const partly = aSnapshot({
      stuck: { medianDaysOver: null, suppressed: true, withheld: ["medianDaysOver"] },
    });
    const [, , , , , stuck] = headlines(
      snapshots({ now: partly, previous: aSnapshot({ stuck: null }) }),
      trend,
      june,
    );
    expect(stuck?.now).toEqual({ value: 17, suppressed: false });
    expect(stuck?.previous).toEqual({ value: 0, suppressed: false });
  });
});

describe("changes, like with like", () => {
  const figure = (value: number | null) => ({ value, suppressed: value === null });
  const aHeadline = (
    span: Headline["span"],
    now: number | null,
    previous: number | null,
    yearAgo: number | null,
  ): Headline => ({
    label: "x",
    span,
    kind: "count",
    now: figure(now),
    previous: figure(previous),
    yearAgo: figure(yearAgo),
  });
  const november = comparePeriods("2026-11", "2026-12-03");

  it("sets a whole month against the month before and the same month a year earlier", () => {
    const opened = aHeadline("month", 283, 270, 301);
    expect(changeOf(opened, "previous", november, "2021-12")).toEqual({ kind: "value", value: 13 });
    expect(changeOf(opened, "yearAgo", november, "2021-12")).toEqual({ kind: "value", value: -18 });
  });

  it("shows no change when either side is withheld", () => {
    const withheldNow = aHeadline("end", null, 270, 301);
    const withheldBefore = aHeadline("end", 283, null, 301);
    expect(changeOf(withheldNow, "previous", november, "2021-12")).toEqual({
      kind: "none",
      reason: "withheld",
    });
    expect(changeOf(withheldBefore, "previous", november, "2021-12").kind).toBe("none");
    // The other comparison stands on its own.
    expect(changeOf(withheldBefore, "yearAgo", november, "2021-12")).toEqual({
      kind: "value",
      value: -18,
    });
  });

  it("never sets the cases of a month that has not ended against a whole month", () => {
    // The first three days of December against all of November read as a fall of 247.
    const december = comparePeriods("2026-12", "2026-12-03");
    const opened = aHeadline("month", 36, 283, 290);
    expect(changeOf(opened, "previous", december, "2021-12")).toEqual({
      kind: "none",
      reason: "partial",
    });
    expect(changeOf(opened, "yearAgo", december, "2021-12").kind).toBe("none");
    // A stock read today is still a stock: it is compared.
    const open = aHeadline("end", 1200, 1190, 1100);
    expect(changeOf(open, "previous", december, "2021-12")).toEqual({ kind: "value", value: 10 });
  });

  it("does not compare with a month before the first month with cases", () => {
    const opened = aHeadline("month", 283, 270, 0);
    expect(changeOf(opened, "yearAgo", november, "2026-01")).toEqual({
      kind: "none",
      reason: "no_data",
    });
    expect(changeOf(opened, "previous", november, "2026-01").kind).toBe("value");
    expect(changeOf(opened, "previous", november, null).kind).toBe("none");
  });
});
