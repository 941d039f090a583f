import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { addDays } from "../time";
import { firstReviewBy, isReviewDue, nextReviewBy, parseReviewDue } from "./review";

const isoDay = fc
  .date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2099-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10) as IsoDate);

/** Every 30 November from `from` up to and including `to`. */
function reviewDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const day = `${y}-11-30`;
    if (from <= day && day <= to) days.push(day);
  }
  return days;
}

describe("the first review date", () => {
  it("is 30 November of the same year up to and including that day, else of the next", () => {
    expect(firstReviewBy("2026-01-01" as IsoDate)).toBe("2026-11-30");
    expect(firstReviewBy("2026-11-30" as IsoDate)).toBe("2026-11-30");
    expect(firstReviewBy("2026-12-01" as IsoDate)).toBe("2027-11-30");
    expect(firstReviewBy("2025-12-31" as IsoDate)).toBe("2026-11-30");
    expect(firstReviewBy("2024-02-29" as IsoDate)).toBe("2024-11-30");
  });

  it("is the first 30 November on or after validFrom, for any date", () => {
    fc.assert(
      fc.property(isoDay, (validFrom) => {
        const reviewBy = firstReviewBy(validFrom);
        expect(reviewBy.endsWith("-11-30")).toBe(true);
        // On or after validFrom, and no 30 November comes between them.
        expect(reviewDaysBetween(validFrom, reviewBy)).toEqual([reviewBy]);
      }),
    );
  });
});

describe("the next review date after a review", () => {
  it("moves to the next 30 November whether the review was done early, on time or late", () => {
    const due = "2026-11-30" as IsoDate;
    expect(nextReviewBy(due, "2026-10-01" as IsoDate)).toBe("2027-11-30");
    expect(nextReviewBy(due, "2026-11-30" as IsoDate)).toBe("2027-11-30");
    expect(nextReviewBy(due, "2026-12-03" as IsoDate)).toBe("2027-11-30");
    // A review a year late is not due again at once.
    expect(nextReviewBy("2025-11-30" as IsoDate, "2026-12-03" as IsoDate)).toBe("2027-11-30");
  });

  it("is the first 30 November after both the due date and the review, within a year of the later", () => {
    fc.assert(
      fc.property(isoDay, isoDay, (reviewBy, reviewedOn) => {
        const next = nextReviewBy(reviewBy, reviewedOn);
        const latest = [reviewBy, reviewedOn].sort()[1] as IsoDate;
        expect(next > latest).toBe(true);
        expect(reviewDaysBetween(addDays(latest, 1), next)).toEqual([next]);
      }),
    );
  });
});

describe("reviews due", () => {
  const asOf = "2026-12-03" as IsoDate;

  it("reads the reviewDue filter, and nothing else", () => {
    expect(parseReviewDue("overdue")).toEqual({ kind: "overdue" });
    expect(parseReviewDue("within:60d")).toEqual({ kind: "within", days: 60 });
    for (const bad of ["", "within:60", "within:-1d", "within:d", "late", "within:60d "]) {
      expect(parseReviewDue(bad)).toBeUndefined();
    }
  });

  it("counts an agreement in force as overdue or due within N days, never both", () => {
    const statuses = fc.constantFrom("draft", "active", "under_review", "expired", "replaced");
    fc.assert(
      fc.property(statuses, isoDay, fc.integer({ min: 0, max: 400 }), (status, reviewBy, days) => {
        const a = { status, reviewBy };
        const overdue = isReviewDue(a, { kind: "overdue" }, asOf);
        const within = isReviewDue(a, { kind: "within", days }, asOf);
        const inForce = status === "active" || status === "under_review";
        expect(overdue).toBe(inForce && reviewBy < asOf);
        expect(within).toBe(inForce && asOf <= reviewBy && reviewBy <= addDays(asOf, days));
        expect(overdue && within).toBe(false);
      }),
    );
  });
});
