import { parseOccurredAt, stockholmDate } from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import {
  dayOf,
  fiveYearsBefore,
  isoDateOf,
  nextWorkday,
  stockholmOffset,
  weekday,
} from "./calendar";

describe("calendar", () => {
  it("round-trips dates through day numbers", () => {
    for (const date of ["1970-01-01", "2020-02-29", "2025-06-30", "2024-12-31"]) {
      expect(isoDateOf(dayOf(date))).toBe(date);
    }
  });

  it("moves weekend days to the Monday and leaves workdays alone", () => {
    expect(weekday(dayOf("2025-06-28"))).toBe(6);
    expect(isoDateOf(nextWorkday(dayOf("2025-06-28")))).toBe("2025-06-30");
    expect(isoDateOf(nextWorkday(dayOf("2025-06-29")))).toBe("2025-06-30");
    expect(isoDateOf(nextWorkday(dayOf("2025-06-27")))).toBe("2025-06-27");
  });

  it("starts the five years the day after the same date five years back", () => {
    expect(isoDateOf(fiveYearsBefore(dayOf("2025-06-30")))).toBe("2020-07-01");
  });

  it("gives Stockholm's office-hours offset, also on the days the clocks change", () => {
    expect(stockholmOffset(dayOf("2024-03-30"))).toBe("+01:00");
    expect(stockholmOffset(dayOf("2024-03-31"))).toBe("+02:00");
    expect(stockholmOffset(dayOf("2024-10-26"))).toBe("+02:00");
    expect(stockholmOffset(dayOf("2024-10-27"))).toBe("+01:00");
    for (const date of ["2024-03-31", "2024-10-27", "2025-01-15", "2025-06-30"]) {
      const instant = parseOccurredAt(`${date}T08:00:00${stockholmOffset(dayOf(date))}`);
      expect(instant).toBe(parseOccurredAt(`${date}T08:00`));
      expect(stockholmDate(instant ?? 0)).toBe(date);
    }
  });
});
