import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { addDays, daysBetween } from "../time";
import { type CarriedAction, daysOverdueOn, followUpOf } from "./follow-up";
import type { ActionSource } from "./forum";

const d = (c: string) => c as IsoDate;

interface TestAction extends CarriedAction {
  readonly id: string;
}

const fromMeeting = (meetingId: string, date: string): ActionSource => ({
  kind: "meeting",
  meetingId,
  date: d(date),
});

function anAction(
  id: string,
  source: ActionSource,
  dueOn: string,
  closedOn: string | null = null,
): TestAction {
  const decidedOn = source.kind === "meeting" ? source.date : d("2026-02-05");
  return {
    id,
    source,
    decidedOn,
    dueOn: d(dueOn),
    closedOn: closedOn === null ? null : d(closedOn),
  };
}

/** Three monthly meetings and what was decided at them. */
const january = fromMeeting("m-jan", "2026-01-15");
const february = fromMeeting("m-feb", "2026-02-12");
const actions = [
  // Due before February's meeting, done after it: overdue in February, gone by March.
  anAction("done-late", january, "2026-02-01", "2026-02-20"),
  // Never done: every later meeting sees it, more overdue each time.
  anAction("forgotten", january, "2026-01-31"),
  // Decided in February: March's first.
  anAction("february", february, "2026-06-30"),
  // Lifted from an evaluation on 5 February: no meeting decided it.
  anAction("evaluation", { kind: "evaluation", evaluationId: "e-1" }, "2026-03-01"),
  // Closed on February's meeting day: that meeting still follows it up, March does not.
  anAction("closed-on-the-day", january, "2026-03-01", "2026-02-12"),
];
const ids = (date: string) => followUpOf(d(date), actions).map((a) => a.id);

describe("a meeting's follow-up", () => {
  it("carries open actions from meeting to meeting until they are closed", () => {
    expect(ids("2026-01-15")).toEqual([]);
    expect(ids("2026-02-12")).toEqual([
      "forgotten",
      "done-late",
      "closed-on-the-day",
      "evaluation",
    ]);
    expect(ids("2026-03-12")).toEqual(["forgotten", "evaluation", "february"]);
    expect(ids("2027-01-14")).toEqual(["forgotten", "evaluation", "february"]);
  });

  it("says where each came from and how many days past due it is at the meeting", () => {
    const [forgotten, evaluation, fromFebruary] = followUpOf(d("2026-03-12"), actions);
    expect(forgotten).toMatchObject({ carriedFrom: "m-jan", daysOverdue: 40 });
    expect(evaluation).toMatchObject({ carriedFrom: null, daysOverdue: 11 });
    expect(fromFebruary).toMatchObject({ carriedFrom: "m-feb", daysOverdue: 0 });
  });

  it("does not follow up an action at the meeting that decided it, nor at another that day", () => {
    expect(ids("2026-02-12")).not.toContain("february");
    expect(followUpOf(d("2026-01-15"), [anAction("x", january, "2026-01-01")])).toEqual([]);
  });
});

const arbDay = fc.integer({ min: 0, max: 365 });
const day = (n: number) => addDays("2026-01-01", n);

/** An action decided on one day, due some days later, and open or closed on a later day. */
const arbAction = fc
  .record({
    decided: arbDay,
    dueAfter: fc.integer({ min: 0, max: 90 }),
    closedAfter: fc.option(fc.integer({ min: 0, max: 200 })),
    fromMeeting: fc.boolean(),
  })
  .map(({ decided, dueAfter, closedAfter, fromMeeting: meeting }): Omit<TestAction, "id"> => {
    const decidedOn = day(decided);
    return {
      decidedOn,
      dueOn: addDays(decidedOn, dueAfter),
      closedOn: closedAfter === null ? null : addDays(decidedOn, closedAfter),
      source: meeting
        ? { kind: "meeting", meetingId: `m${decided}`, date: decidedOn }
        : { kind: "evaluation", evaluationId: `e${decided}` },
    };
  });

const arbForum = fc.record({
  actions: fc
    .array(arbAction, { maxLength: 20 })
    .map((all) => all.map((a, i): TestAction => ({ ...a, id: `a${i}` }))),
  meetings: fc.uniqueArray(arbDay.map(day), { minLength: 1, maxLength: 12 }),
});

describe("a meeting's follow-up, as properties", () => {
  it("holds an action at every meeting after its decision until it is closed, and at none after", () => {
    fc.assert(
      fc.property(arbForum, ({ actions: all, meetings }) => {
        for (const date of meetings) {
          const followed = new Set(followUpOf(date, all).map((a) => a.id));
          for (const a of all) {
            const openThen = a.closedOn === null || a.closedOn >= date;
            expect(followed.has(a.id), `${a.id} at ${date}`).toBe(a.decidedOn < date && openThen);
          }
        }
      }),
    );
  });

  it("never forgets: an action open at one meeting is at every later one while still open", () => {
    fc.assert(
      fc.property(arbForum, ({ actions: all, meetings }) => {
        const dates = [...meetings].sort();
        dates.forEach((date, i) => {
          for (const a of followUpOf(date, all)) {
            for (const later of dates.slice(i + 1)) {
              const stillOpen = a.closedOn === null || a.closedOn >= later;
              const there = followUpOf(later, all).some((b) => b.id === a.id);
              expect(there).toBe(stillOpen);
            }
          }
        });
      }),
    );
  });

  it("counts days overdue from the due date to the meeting, never below zero", () => {
    fc.assert(
      fc.property(arbForum, ({ actions: all, meetings }) => {
        for (const date of meetings) {
          for (const a of followUpOf(date, all)) {
            expect(a.daysOverdue).toBe(Math.max(0, daysBetween(a.dueOn, date)));
            expect(a.carriedFrom).toBe(a.source.kind === "meeting" ? a.source.meetingId : null);
          }
        }
      }),
    );
  });
});

describe("days overdue on a day", () => {
  it("counts from the due date while open, and nothing once closed or before due", () => {
    const due = { dueOn: d("2026-03-01"), closedOn: null };
    expect(daysOverdueOn(due, d("2026-02-20"))).toBe(0);
    expect(daysOverdueOn(due, d("2026-03-11"))).toBe(10);
    expect(daysOverdueOn({ ...due, closedOn: d("2026-03-05") }, d("2026-03-11"))).toBe(0);
    expect(daysOverdueOn({ ...due, closedOn: d("2026-03-20") }, d("2026-03-11"))).toBe(10);
  });
});
