// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PartialMonthNote } from "./PeriodNotes";

afterEach(cleanup);

const note = (props: Parameters<typeof PartialMonthNote>[0]) =>
  render(<PartialMonthNote {...props} />).container.textContent ?? "";

describe("PartialMonthNote", () => {
  it("says nothing of a month whose last day is past, though it is asOf", () => {
    // A themes page on 4 December with the period ending in November: November is whole.
    expect(note({ month: "2026-11", asOf: "2026-11-30", today: "2026-12-04" })).toBe("");
  });

  it("marks the month of today, and a month asOf ends inside", () => {
    expect(note({ month: "2026-12", asOf: "2026-12-04", today: "2026-12-04" })).toMatch(
      /^Den sista månaden, dec 2026, är inte slut: uppgifterna gäller t\.o\.m\. 4 dec/,
    );
    expect(note({ month: "2026-11", asOf: "2026-11-15", today: "2026-12-04" })).toMatch(
      /nov 2026, är inte slut/,
    );
    // On the last day of a month, today's figures are still coming in.
    expect(note({ month: "2026-11", asOf: "2026-11-30", today: "2026-11-30" })).toMatch(
      /nov 2026, är inte slut/,
    );
  });

  it("speaks of cases, or of notes on a retrospective's page", () => {
    const asOf = { month: "2026-12", asOf: "2026-12-04", today: "2026-12-04" };
    expect(note(asOf)).toMatch(/färre ärenden har kommit in/);
    expect(note({ ...asOf, unit: "notes" })).toMatch(/färre lappar har skrivits/);
    expect(note({ ...asOf, unit: "notes" })).not.toMatch(/ärenden/);
  });
});
