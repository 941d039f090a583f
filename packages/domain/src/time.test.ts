import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "./codes";
import {
  addDays,
  daysBetween,
  endOfStockholmDay,
  isRealDate,
  parseOccurredAt,
  startOfStockholmDay,
  stockholmDate,
} from "./time";

const hour = 3_600_000;

describe("Stockholm days", () => {
  it("runs in a zone other than Stockholm, so a leak of the machine's zone would show", () => {
    expect(new Date("2024-01-15T12:00:00Z").getTimezoneOffset()).not.toBe(-60);
  });

  it("starts a winter day at 23:00 UTC and a summer day at 22:00 UTC the day before", () => {
    expect(startOfStockholmDay("2024-01-15")).toBe(Date.parse("2024-01-14T23:00:00Z"));
    expect(startOfStockholmDay("2024-07-01")).toBe(Date.parse("2024-06-30T22:00:00Z"));
  });

  it("has 23 hours on the last Sunday of March and 25 on the last Sunday of October", () => {
    const length = (date: string) => (endOfStockholmDay(date) - startOfStockholmDay(date)) / hour;
    expect(length("2024-03-31")).toBe(23);
    expect(length("2024-10-27")).toBe(25);
    expect(length("2025-03-30")).toBe(23);
    expect(length("2025-10-26")).toBe(25);
    expect(length("2024-03-30")).toBe(24);
  });

  it("gives the Stockholm date of an instant, not the UTC date", () => {
    expect(stockholmDate(Date.parse("2024-03-30T23:30:00Z"))).toBe("2024-03-31");
    expect(stockholmDate(Date.parse("2024-06-30T22:30:00Z"))).toBe("2024-07-01");
    expect(stockholmDate(Date.parse("2024-10-27T22:59:59Z"))).toBe("2024-10-27");
    expect(stockholmDate(Date.parse("2024-10-27T23:00:00Z"))).toBe("2024-10-28");
  });

  it("rejects a text that is not a date", () => {
    expect(() => startOfStockholmDay("2024-3-1")).toThrow(RangeError);
  });
});

describe("parseOccurredAt", () => {
  it("reads a date as 00:00 Stockholm that day", () => {
    expect(parseOccurredAt("2024-03-31")).toBe(Date.parse("2024-03-30T23:00:00Z"));
    expect(parseOccurredAt("2024-10-27")).toBe(Date.parse("2024-10-26T22:00:00Z"));
  });

  it("reads a local date-time as Stockholm time and honours an explicit offset", () => {
    expect(parseOccurredAt("2024-07-01T09:30")).toBe(Date.parse("2024-07-01T07:30:00Z"));
    expect(parseOccurredAt("2024-01-15 09:30:15")).toBe(Date.parse("2024-01-15T08:30:15Z"));
    expect(parseOccurredAt("2024-07-01T09:30:00Z")).toBe(Date.parse("2024-07-01T09:30:00Z"));
    expect(parseOccurredAt("2024-07-01T09:30:00+05:00")).toBe(Date.parse("2024-07-01T04:30:00Z"));
  });

  it("keeps a local time in the October repeated hour on that date", () => {
    const at = parseOccurredAt("2024-10-27T02:30") ?? Number.NaN;
    expect(stockholmDate(at)).toBe("2024-10-27");
  });

  it.each([
    "",
    "igår",
    "2025-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-1-1",
    "2024-03-31T24:00",
    "2024-03-31T12:60",
    "2024-02-30T10:00:00Z",
    "31/03/2024",
  ])("rejects %j", (text) => {
    expect(parseOccurredAt(text)).toBeUndefined();
  });
});

describe("calendar dates", () => {
  it("knows which dates exist", () => {
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2023-02-29")).toBe(false);
    expect(isRealDate("2024-04-31")).toBe(false);
    expect(isRealDate("20240101")).toBe(false);
  });

  it("adds and counts whole days across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2024-03-11", "2024-03-04")).toBe(-7);
  });

  it("counts whole days between instants across the DST changes, whatever their hours", () => {
    // 23:30 on Saturday to 00:30 on Sunday, 31 March 2024: one hour, but one day.
    const saturdayNight = Date.parse("2024-03-30T22:30:00Z");
    const sundayMorning = Date.parse("2024-03-30T23:30:00Z");
    expect(daysBetween(stockholmDate(saturdayNight), stockholmDate(sundayMorning))).toBe(1);
    // 00:00 Saturday to 23:59 Sunday 27 October 2024: 49 hours, but one day.
    const from = startOfStockholmDay("2024-10-26");
    const to = endOfStockholmDay("2024-10-27") - 60_000;
    expect((to - from) / hour).toBeCloseTo(48.98, 2);
    expect(daysBetween(stockholmDate(from), stockholmDate(to))).toBe(1);
  });
});

/** Dates near the last Sunday of March or October, where Stockholm's day is 23 or 25 hours. */
const nearDstChange: fc.Arbitrary<IsoDate> = fc
  .record({
    year: fc.integer({ min: 1997, max: 2040 }),
    month: fc.constantFrom(3, 10),
    day: fc.integer({ min: 20, max: 31 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, "0")}-${day}` as IsoDate);

describe("durations across DST (property)", () => {
  it("are whole days, equal to the calendar difference, at any hour of either day", () => {
    fc.assert(
      fc.property(
        nearDstChange,
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (start, days, at1, at2) => {
          const end = addDays(start, days);
          const instantIn = (date: IsoDate, fraction: number) =>
            startOfStockholmDay(date) +
            Math.floor(fraction * (endOfStockholmDay(date) - startOfStockholmDay(date)));
          const duration = daysBetween(
            stockholmDate(instantIn(start, at1)),
            stockholmDate(instantIn(end, at2)),
          );
          expect(duration).toBe(days);
          expect(Number.isInteger(duration)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
