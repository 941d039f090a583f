import { describe, expect, it } from "vitest";
import {
  formatMonth,
  isPartialMonth,
  lastCompleteDay,
  lastCompleteMonth,
  monthLabel,
  periodLabel,
} from "./periods";

describe("the last complete month", () => {
  it("is the month before today's in the middle of a month", () => {
    expect(lastCompleteMonth("2026-12-03")).toBe("2026-11");
    expect(lastCompleteMonth("2026-07-15")).toBe("2026-06");
  });

  it("steps back from January into December of the year before", () => {
    expect(lastCompleteMonth("2027-01-15")).toBe("2026-12");
    expect(lastCompleteMonth("2027-01-31")).toBe("2026-12");
  });

  it("takes the month just ended on the 1st", () => {
    expect(lastCompleteMonth("2026-12-01")).toBe("2026-11");
    expect(lastCompleteMonth("2027-01-01")).toBe("2026-12");
    expect(lastCompleteMonth("2024-03-01")).toBe("2024-02");
  });

  it("does not count today's month on its last day, since today is still being recorded", () => {
    expect(lastCompleteDay("2026-11-30")).toBe("2026-11-29");
    expect(lastCompleteMonth("2026-11-30")).toBe("2026-10");
    expect(lastCompleteMonth("2026-12-31")).toBe("2026-11");
  });

  it("knows a leap February: complete only after the 29th", () => {
    expect(lastCompleteMonth("2024-02-29")).toBe("2024-01");
    expect(lastCompleteMonth("2024-03-01")).toBe("2024-02");
    expect(lastCompleteMonth("2023-03-01")).toBe("2023-02");
  });

  it("counts the month of an earlier asOf complete when asOf is its last day", () => {
    // An extract as of 30 June, read in December: June is whole; as of the 29th it is not.
    expect(lastCompleteMonth("2025-06-30", "2026-12-03")).toBe("2025-06");
    expect(lastCompleteMonth("2025-06-29", "2026-12-03")).toBe("2025-05");
    expect(lastCompleteMonth("2024-02-29", "2026-12-03")).toBe("2024-02");
    expect(lastCompleteMonth("2024-02-28", "2026-12-03")).toBe("2024-01");
  });

  it("marks the current month and later ones partial, earlier ones not", () => {
    expect(isPartialMonth("2026-12", "2026-12-03")).toBe(true);
    expect(isPartialMonth("2026-11", "2026-12-03")).toBe(false);
    expect(isPartialMonth("2026-11", "2026-11-30")).toBe(true);
    expect(isPartialMonth("2026-11", "2026-12-01")).toBe(false);
  });
});

describe("months in words", () => {
  it("names months in Swedish, short without the abbreviation point", () => {
    expect(formatMonth("2026-11")).toBe("november 2026");
    expect(formatMonth("2026-11", "short")).toBe("nov 2026");
  });

  it("marks a partial month with the last day its figures cover", () => {
    expect(monthLabel("2026-12", "2026-12-03")).toBe("dec 2026 (t.o.m. 3 dec, ofullständig)");
    expect(monthLabel("2026-11", "2026-12-03")).toBe("nov 2026");
    expect(monthLabel("2026-11", "2026-12-03", "long")).toBe("november 2026");
  });

  it("writes a period as a range, marking its last month if partial", () => {
    expect(periodLabel("2022-01", "2026-11", "2026-12-03")).toBe("jan 2022–nov 2026");
    expect(periodLabel("2022-01", "2026-12", "2026-12-03")).toBe(
      "jan 2022–dec 2026 (t.o.m. 3 dec, ofullständig)",
    );
    expect(periodLabel("2026-11", "2026-11", "2026-12-03")).toBe("nov 2026");
  });
});
