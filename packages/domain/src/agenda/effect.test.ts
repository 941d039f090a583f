import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { effectDates, MAX_EFFECT_MONTHS } from "./effect";

const d = (s: string) => s as IsoDate;

describe("the days an action's figure is read as of", () => {
  it("are the decision, the day done, today, and a year of months up to today", () => {
    const dates = effectDates(d("2026-09-15"), d("2026-11-20"), d("2026-12-03"));
    expect(dates).toMatchObject({ decided: "2026-09-15", done: "2026-11-20", now: "2026-12-03" });
    expect(dates.months).toHaveLength(12);
    expect(dates.months[0]).toEqual({ month: "2026-01", asOf: "2026-01-31" });
    expect(dates.months.at(-1)).toEqual({ month: "2026-12", asOf: "2026-12-03" });
  });

  it("reach three months before an older decision, and no further than three years", () => {
    const months = effectDates(d("2025-03-10"), null, d("2026-12-03")).months;
    expect(months[0]?.month).toBe("2024-12");
    expect(effectDates(d("2019-01-01"), null, d("2026-12-03")).months).toHaveLength(
      MAX_EFFECT_MONTHS,
    );
  });

  it("never read as of a day that has not come", () => {
    const dates = effectDates(d("2027-02-01"), d("2027-03-01"), d("2026-12-03"));
    expect(dates.decided).toBe("2026-12-03");
    expect(dates.done).toBe("2026-12-03");
  });
});
