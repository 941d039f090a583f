import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { addDays } from "../time";
import {
  type ActionDates,
  defaultFollowUpPeriod,
  followUpFigures,
  followUpReport,
  quarterOf,
  quartersOf,
} from "./quarterly-follow-up";

const d = (c: string) => c as IsoDate;

function anAction(
  decidedOn: string,
  dueOn: string,
  closed: { status: "done" | "cancelled"; on: string } | null = null,
): ActionDates {
  return {
    decidedOn: d(decidedOn),
    dueOn: d(dueOn),
    status: closed?.status ?? "open",
    closedOn: closed === null ? null : d(closed.on),
  };
}

describe("quarters", () => {
  it("names a day's quarter and cuts the period's first and last quarters to it", () => {
    expect(
      ["2026-01-01", "2026-03-31", "2026-04-01", "2026-12-31"].map((x) => quarterOf(d(x))),
    ).toEqual(["2026-Q1", "2026-Q1", "2026-Q2", "2026-Q4"]);
    expect(quartersOf(d("2025-11-15"), d("2026-05-10"))).toEqual([
      { quarter: "2025-Q4", from: "2025-11-15", to: "2025-12-31" },
      { quarter: "2026-Q1", from: "2026-01-01", to: "2026-03-31" },
      { quarter: "2026-Q2", from: "2026-04-01", to: "2026-05-10" },
    ]);
  });

  it("defaults to the four quarters up to today", () => {
    expect(defaultFollowUpPeriod(d("2026-05-10"))).toEqual({
      from: "2025-07-01",
      to: "2026-05-10",
    });
  });
});

describe("a forum's follow-up per quarter", () => {
  const actions = [
    // Q1: decided, due and done on time in 30 days.
    anAction("2026-01-15", "2026-03-01", { status: "done", on: "2026-02-14" }),
    // Q1 decision due in Q1, done late in Q2 after 90 days: overdue at Q1's end.
    anAction("2026-01-15", "2026-03-15", { status: "done", on: "2026-04-15" }),
    // Due in Q1, cancelled: created, never due nor done.
    anAction("2026-02-12", "2026-03-20", { status: "cancelled", on: "2026-03-25" }),
    // Q2 decision due in Q2, still open: overdue at Q2's end and today.
    anAction("2026-04-10", "2026-05-31"),
    // Due after today, open: not yet judged.
    anAction("2026-04-10", "2026-09-30"),
  ];
  const report = followUpReport(
    actions,
    { from: d("2026-01-01"), to: d("2026-06-30") },
    d("2026-07-15"),
  );

  it("counts created, done and overdue per quarter", () => {
    expect(report.quarters.map((q) => [q.quarter, q.created, q.done, q.overdue])).toEqual([
      ["2026-Q1", 3, 1, 1],
      ["2026-Q2", 2, 1, 1],
    ]);
  });

  it("rates completion by the due date, leaving cancelled and not-yet-due actions out", () => {
    const [q1, q2] = report.quarters;
    expect(q1).toMatchObject({ due: 2, doneOnTime: 1, completionRate: 0.5 });
    expect(q2).toMatchObject({ due: 1, doneOnTime: 0, completionRate: 0 });
    expect(report.total).toMatchObject({ due: 3, doneOnTime: 1, completionRate: 1 / 3 });
  });

  it("takes the median of days from decision to done over those done in the period", () => {
    expect(report.quarters.map((q) => q.medianDaysToDone)).toEqual([30, 90]);
    expect(report.total.medianDaysToDone).toBe(60);
  });

  it("has no completion rate, median or overdue where there is nothing to say", () => {
    const future = followUpFigures(actions, d("2026-10-01"), d("2026-12-31"), d("2026-07-15"));
    expect(future).toMatchObject({
      created: 0,
      done: 0,
      overdue: 0,
      due: 0,
      completionRate: null,
      medianDaysToDone: null,
    });
  });

  it("reads overdue at the period's end, or today when that is sooner", () => {
    const late = anAction("2026-01-10", "2026-01-20", { status: "done", on: "2026-07-01" });
    const figures = (to: string, today: string) =>
      followUpFigures([late], d("2026-01-01"), d(to), d(today)).overdue;
    expect(figures("2026-06-30", "2026-12-31")).toBe(1);
    expect(figures("2026-12-31", "2026-12-31")).toBe(0);
    // Still open today, whatever the period's end says later.
    expect(figures("2026-12-31", "2026-06-30")).toBe(1);
    // Due that very day is not overdue yet.
    expect(figures("2026-01-20", "2026-12-31")).toBe(0);
  });
});

const day = (n: number) => addDays("2025-01-01", n);
const arbAction = fc
  .record({
    decided: fc.integer({ min: 0, max: 900 }),
    dueAfter: fc.integer({ min: 0, max: 120 }),
    closed: fc.option(
      fc.record({
        status: fc.constantFrom("done" as const, "cancelled" as const),
        after: fc.integer({ min: 0, max: 200 }),
      }),
    ),
  })
  .map(({ decided, dueAfter, closed }): ActionDates => {
    const decidedOn = day(decided);
    return {
      decidedOn,
      dueOn: addDays(decidedOn, dueAfter),
      status: closed?.status ?? "open",
      closedOn: closed === null ? null : addDays(decidedOn, closed.after),
    };
  });
const arbPeriod = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 800 }))
  .map(([start, length]) => ({ from: day(start), to: day(start + length) }));

describe("a forum's follow-up, as properties", () => {
  it("adds up: the quarters' counts are the period's, and its overdue is the last begun quarter's", () => {
    fc.assert(
      fc.property(
        fc.array(arbAction, { maxLength: 30 }),
        arbPeriod,
        fc.integer({ min: 0, max: 1200 }),
        (actions, period, today) => {
          const report = followUpReport(actions, period, day(today));
          const sum = (key: "created" | "done" | "due" | "doneOnTime") =>
            report.quarters.reduce((n, q) => n + q[key], 0);
          for (const key of ["created", "done", "due", "doneOnTime"] as const) {
            expect(sum(key), key).toBe(report.total[key]);
          }
          // Overdue is read at the end of a period, or today when sooner: the quarter of today.
          const begun = report.quarters.filter((q) => q.from <= day(today));
          expect(begun.at(-1)?.overdue ?? 0).toBe(report.total.overdue);
          expect(report.quarters[0]?.from).toBe(period.from);
          expect(report.quarters.at(-1)?.to).toBe(period.to);
        },
      ),
    );
  });

  it("rates completion within 0..1 as done on time over due, and counts nothing twice", () => {
    fc.assert(
      fc.property(fc.array(arbAction, { maxLength: 30 }), arbPeriod, (actions, period) => {
        const { total } = followUpReport(actions, period, period.to);
        expect(total.doneOnTime).toBeLessThanOrEqual(total.due);
        expect(total.completionRate).toBe(total.due === 0 ? null : total.doneOnTime / total.due);
        expect(total.done + total.overdue).toBeLessThanOrEqual(actions.length);
        expect(total.created).toBeLessThanOrEqual(actions.length);
      }),
    );
  });
});
