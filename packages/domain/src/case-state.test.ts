import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CaseEvent } from "./case";
import { compareEvents } from "./case";
import { deriveCaseState, evolve, initialCaseState } from "./case-state";
import type { IsoDate } from "./codes";
import { arbCaseHistory, arbEventBody, arbInstant } from "./testing/arbitraries";
import { aCase } from "./testing/builders";
import { processkartaCase } from "./testing/examples";
import { addDays, endOfStockholmDay, startOfStockholmDay, stockholmDate } from "./time";

const d = (date: string) => date as IsoDate;

describe("deriveCaseState on the processkarta (seed 004)", () => {
  const { case: c, events } = processkartaCase();
  const asOf = (date: string) => deriveCaseState(c, events, d(date));

  it("does not exist before it was opened", () => {
    expect(asOf("2024-03-03")).toBeUndefined();
  });

  it("on the opening day is in step 1, led by socialtjänsten, with nobody joined yet", () => {
    expect(asOf("2024-03-04")).toMatchObject({
      currentStep: 1,
      currentStepSince: startOfStockholmDay("2024-03-04"),
      leadUnit: "soc-vuxen",
      participatingUnits: new Set(),
      unitsThatTookPart: new Set(["soc-vuxen"]),
      closed: false,
      consent: null,
      sipEstablishedAt: null,
    });
  });

  it("after the joint meeting has both units joined and consent given", () => {
    expect(asOf("2024-03-11")).toMatchObject({
      currentStep: 3,
      participatingUnits: new Set(["beroendeenheten", "psykiatrisk-oppenvard"]),
      consent: "given",
      sipEstablishedAt: null,
    });
  });

  it("counts an event at any time of day D as of D, and SIP established in parallel", () => {
    const state = asOf("2024-03-25");
    expect(state?.currentStep).toBe(5);
    expect(state?.sipEstablishedAt).toBe(Date.parse("2024-03-25T13:00:00Z"));
  });

  it("moves the lead to Beroendeenheten at samplanering", () => {
    expect(asOf("2024-06-10")).toMatchObject({ currentStep: 6, leadUnit: "beroendeenheten" });
  });

  it("follows the back-step from step 10 to step 6, and a leave ends participation only", () => {
    const state = asOf("2024-10-28");
    expect(state).toMatchObject({
      currentStep: 6,
      currentStepSince: startOfStockholmDay("2024-10-28"),
      participatingUnits: new Set(["beroendeenheten"]),
      unitsThatTookPart: new Set(["soc-vuxen", "beroendeenheten", "psykiatrisk-oppenvard"]),
    });
    expect(state?.stepEntries.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 6]);
  });

  it("keeps the first SIP established when it is followed up", () => {
    expect(asOf("2024-12-31")?.sipEstablishedAt).toBe(Date.parse("2024-03-25T13:00:00Z"));
  });

  it("is closed after step 11 and open again after the reopen", () => {
    expect(asOf("2025-02-24")).toMatchObject({ currentStep: 11, closed: true });
    expect(asOf("2025-03-31")?.closed).toBe(true);
    expect(asOf("2025-04-01")).toMatchObject({ currentStep: 9, closed: false });
  });

  it("honours a withdrawal of consent from its date", () => {
    expect(asOf("2025-05-04")?.consent).toBe("given");
    expect(asOf("2025-05-05")?.consent).toBe("withdrawn");
  });
});

describe("deriveCaseState event order", () => {
  it("breaks ties in occurredAt by recorded order", () => {
    const { case: c, events } = aCase()
      .openedOn("2024-05-02")
      .step(2)
      .step(3)
      .close()
      .reopen()
      .build();
    const state = deriveCaseState(c, [...events].reverse(), d("2024-05-02"));
    expect(state).toMatchObject({ currentStep: 3, closed: false });
  });

  it("reads a date-only event as 00:00 Stockholm, so it belongs to that day", () => {
    const { case: c, events } = aCase()
      .openedOn("2024-03-30")
      .step(1)
      .step(2, "2024-03-31")
      .build();
    expect(deriveCaseState(c, events, d("2024-03-30"))?.currentStep).toBe(1);
    expect(deriveCaseState(c, events, d("2024-03-31"))?.currentStep).toBe(2);
  });

  it("ends day D at midnight Stockholm, not UTC", () => {
    const { case: c, events } = aCase()
      .openedOn("2024-07-01")
      .step(1)
      .step(2, "2024-07-01T23:59:59+02:00")
      .step(3, "2024-07-01T22:00:00Z")
      .build();
    expect(deriveCaseState(c, events, d("2024-07-01"))?.currentStep).toBe(2);
  });
});

describe("deriveCaseState properties", () => {
  const sameState = (events: readonly CaseEvent[]) =>
    [...events].sort(compareEvents).reduce(evolve, initialCaseState);

  it("does not depend on the order of its input (ties broken by seq)", () => {
    fc.assert(
      fc.property(
        arbCaseHistory(),
        fc.integer({ min: 0, max: 14 }),
        fc.infiniteStream(fc.nat()),
        (h, day, randomness) => {
          const shuffled = shuffle(h.events, randomness);
          const asOf = addDays("2024-03-25", day);
          expect(deriveCaseState(h.case, shuffled, asOf)).toEqual(
            deriveCaseState(h.case, h.events, asOf),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("is not changed by events after asOf", () => {
    fc.assert(
      fc.property(
        arbCaseHistory(),
        fc.integer({ min: 0, max: 14 }),
        fc.array(fc.tuple(arbEventBody, arbInstant(d("2024-03-25"), 30)), { maxLength: 10 }),
        (h, day, extra) => {
          const asOf = addDays("2024-03-25", day);
          const later = extra
            .filter(([, at]) => at >= endOfStockholmDay(asOf))
            .map(([body, at], i) => ({ ...body, occurredAt: at, seq: 1000 + i }) as CaseEvent);
          expect(deriveCaseState(h.case, [...h.events, ...later], asOf)).toEqual(
            deriveCaseState(h.case, h.events, asOf),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("as of the last event's date equals the fold of all events", () => {
    fc.assert(
      fc.property(arbCaseHistory(), (h) => {
        const last = Math.max(
          startOfStockholmDay(h.case.openedOn),
          ...h.events.map((e) => e.occurredAt),
        );
        expect(deriveCaseState(h.case, h.events, stockholmDate(last))).toEqual(sameState(h.events));
      }),
      { numRuns: 200 },
    );
  });

  it("does not exist as of any date before the case was opened", () => {
    fc.assert(
      fc.property(arbCaseHistory(), fc.integer({ min: 1, max: 400 }), (h, daysBefore) => {
        expect(deriveCaseState(h.case, h.events, addDays(h.case.openedOn, -daysBefore))).toBe(
          undefined,
        );
      }),
      { numRuns: 100 },
    );
  });
});

/** Fisher–Yates driven by fast-check's numbers, so a failing shuffle shrinks and replays. */
function shuffle<T>(items: readonly T[], randomness: fc.Stream<number>): T[] {
  const out = [...items];
  const numbers = randomness[Symbol.iterator]();
  for (let i = out.length - 1; i > 0; i--) {
    const j = (numbers.next().value ?? 0) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
