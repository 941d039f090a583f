import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import type { Disclosure } from "../disclosure/mode";
import { cellKeyOf, RECORD_KEY_MODULUS } from "../disclosure/record-key";
import { median } from "../percentile";
import { addDays, daysBetween } from "../time";
import { escalationLevels } from "./escalation";
import {
  type EscalationFact,
  type EscalationPeriod,
  escalationFigures,
  publishEscalationFigures,
  shareResolvedAtLevel1,
} from "./metric";

const d = (date: string) => date as IsoDate;

/** An escalation raised on `openedOn`, lifted on each of `lifts`, resolved on `resolvedOn`. */
function anEscalation(
  openedOn: string,
  lifts: string[] = [],
  resolvedOn: string | null = null,
  recordKey = 0,
): EscalationFact {
  return { recordKey, openedOn: d(openedOn), liftedOn: lifts.map(d), resolvedOn: d0(resolvedOn) };
}
const d0 = (date: string | null) => (date === null ? null : d(date));

const suppression: Disclosure = { mode: "suppression", k: 3 };
const period: EscalationPeriod = { from: d("2026-01-01"), to: d("2026-03-31") };

/** The reference: each definition read literally, level by level, escalation by escalation. */
function naive(facts: readonly EscalationFact[], p: EscalationPeriod) {
  const levelOn = (f: EscalationFact, day: string) =>
    Math.min(3, 1 + f.liftedOn.filter((l) => l <= day).length);
  const isOpen = (f: EscalationFact) =>
    f.openedOn <= p.to && (f.resolvedOn === null || f.resolvedOn > p.to);
  const isResolved = (f: EscalationFact) =>
    f.resolvedOn !== null &&
    f.resolvedOn <= p.to &&
    (p.from === undefined || f.resolvedOn >= p.from);
  const cell = (open: EscalationFact[], resolved: EscalationFact[]) => ({
    open: open.length,
    resolved: resolved.length,
    medianDaysToResolution: median(
      resolved.map((f) => daysBetween(f.openedOn, f.resolvedOn ?? "")),
    ),
    cellKeys: {
      open: cellKeyOf(open.map((f) => f.recordKey)),
      resolved: cellKeyOf(resolved.map((f) => f.recordKey)),
    },
  });
  const levels = escalationLevels.map((level) => ({
    level,
    ...cell(
      facts.filter((f) => isOpen(f) && levelOn(f, p.to) === level),
      facts.filter((f) => isResolved(f) && levelOn(f, f.resolvedOn ?? "") === level),
    ),
  }));
  return { levels, total: cell(facts.filter(isOpen), facts.filter(isResolved)) };
}

const arbFact: fc.Arbitrary<EscalationFact> = fc
  .record({
    opened: fc.integer({ min: 0, max: 200 }),
    gaps: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 2 }),
    resolveAfter: fc.option(fc.integer({ min: 0, max: 60 })),
    recordKey: fc.integer({ min: 0, max: RECORD_KEY_MODULUS - 1 }),
  })
  .map(({ opened, gaps, resolveAfter, recordKey }) => {
    const openedOn = addDays("2025-11-01", opened);
    const liftedOn: IsoDate[] = [];
    let day = openedOn;
    for (const gap of gaps) {
      day = addDays(day, gap);
      liftedOn.push(day);
    }
    const resolvedOn = resolveAfter === null ? null : addDays(day, resolveAfter);
    return { recordKey, openedOn, liftedOn, resolvedOn };
  });

const arbPeriod: fc.Arbitrary<EscalationPeriod> = fc
  .record({
    from: fc.option(fc.integer({ min: 0, max: 250 })),
    length: fc.integer({ min: 0, max: 120 }),
  })
  .map(({ from, length }) => {
    const start = addDays("2025-11-01", from ?? 0);
    const to = addDays(start, length);
    return from === null ? { to } : { from: start, to };
  });

describe("the escalation metric's true figures", () => {
  it("counts open ones at their level as of `to`, and resolved ones at the level they ended at", () => {
    const facts = [
      // Open at the end of March at level 2: its second lift comes after `to`.
      anEscalation("2026-01-10", ["2026-02-01", "2026-04-05"]),
      // Resolved in March at level 3, after 50 days.
      anEscalation("2026-01-20", ["2026-02-01", "2026-02-20"], "2026-03-11"),
      // Resolved at level 1 within the period after 10 days, and one before it (not counted).
      anEscalation("2026-02-01", [], "2026-02-11"),
      anEscalation("2025-12-01", [], "2025-12-20"),
      // Resolved after `to`: still open at the end of March, at level 1.
      anEscalation("2026-03-01", [], "2026-04-02"),
      // Raised after `to`: nowhere.
      anEscalation("2026-04-01"),
    ];
    const figures = escalationFigures(facts, period);
    expect(
      figures.levels.map(({ level, open, resolved, medianDaysToResolution }) => ({
        level,
        open,
        resolved,
        medianDaysToResolution,
      })),
    ).toEqual([
      { level: 1, open: 1, resolved: 1, medianDaysToResolution: 10 },
      { level: 2, open: 1, resolved: 0, medianDaysToResolution: null },
      { level: 3, open: 0, resolved: 1, medianDaysToResolution: 50 },
    ]);
    expect(figures.total).toMatchObject({ open: 2, resolved: 2, medianDaysToResolution: 30 });
  });

  it("counts every resolved one up to `to` when there is no `from`", () => {
    const facts = [
      anEscalation("2025-01-01", [], "2025-01-05"),
      anEscalation("2026-03-01", [], "2026-03-31"),
    ];
    expect(escalationFigures(facts, { to: d("2026-03-31") }).total.resolved).toBe(2);
    expect(escalationFigures(facts, { to: d("2026-03-30") }).total).toMatchObject({
      open: 1,
      resolved: 1,
    });
  });

  it("agrees with the definitions read literally, for any escalations and period", () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 30 }), arbPeriod, (facts, p) => {
        expect(escalationFigures(facts, p)).toEqual(naive(facts, p));
      }),
    );
  });
});

describe("the escalation metric as published", () => {
  /** Five resolved at level 1 and one at 3, four open at level 2, for a table with small cells. */
  const facts = [
    ...Array.from({ length: 5 }, (_, i) => anEscalation("2026-01-05", [], `2026-02-0${i + 1}`, i)),
    anEscalation("2026-01-05", ["2026-01-10", "2026-01-20"], "2026-02-15", 99),
    ...Array.from({ length: 4 }, (_, i) =>
      anEscalation("2026-02-01", ["2026-02-10"], null, 10 + i),
    ),
  ];
  const figures = escalationFigures(facts, period);

  it("withholds small counts with a second cell along the level line, in the suppression mode", () => {
    const published = publishEscalationFigures(figures, true, { mode: "suppression", k: 5 });
    const resolvedWithheld = {
      resolved: null,
      medianDaysToResolution: null,
      suppressed: true,
      withheld: ["resolved", "medianDaysToResolution"],
    };
    expect(published.cells).toEqual([
      // Six resolved in all and the one at level 3 withheld: level 1's five would give it away.
      { level: 1, open: 0, ...resolvedWithheld },
      {
        level: 2,
        open: null,
        resolved: 0,
        medianDaysToResolution: null,
        suppressed: true,
        withheld: ["open"],
      },
      { level: 3, open: 0, ...resolvedWithheld },
    ]);
    // Days to resolution 27..31 and 41: the total's median is of six, which k = 5 allows.
    expect(published.total).toEqual({
      open: null,
      resolved: 6,
      medianDaysToResolution: 29.5,
      suppressed: true,
      withheld: ["open"],
    });
    expect(published.shareResolvedAtLevel1).toBeNull();
  });

  it("publishes the share at level 1 and each level's median once the counts allow it", () => {
    const more = [
      ...facts,
      anEscalation("2026-01-05", ["2026-01-10", "2026-01-20"], "2026-02-16", 100),
      anEscalation("2026-01-05", ["2026-01-10", "2026-01-20"], "2026-02-17", 101),
    ];
    const published = publishEscalationFigures(escalationFigures(more, period), true, suppression);
    expect(
      published.cells.map((c) => [c.level, c.open, c.resolved, c.medianDaysToResolution]),
    ).toEqual([
      [1, 0, 5, 29],
      [2, 4, 0, null],
      [3, 0, 3, 42],
    ]);
    expect(published.total).toMatchObject({ open: 4, resolved: 8, medianDaysToResolution: 30.5 });
    expect(published.shareResolvedAtLevel1).toBe(5 / 8);
  });

  it("answers one total cell without groupBy, and no cell when there is nothing", () => {
    const published = publishEscalationFigures(figures, false, suppression);
    expect(published.cells).toEqual([published.total]);
    expect(published.cells[0]).not.toHaveProperty("level");
    const none = publishEscalationFigures(escalationFigures([], period), false, suppression);
    expect(none).toEqual({
      cells: [],
      total: {
        open: 0,
        resolved: 0,
        medianDaysToResolution: null,
        suppressed: false,
        withheld: [],
      },
      shareResolvedAtLevel1: null,
    });
  });

  it("never publishes a count from 1 to k−1, nor a median of fewer than k, in either mode", () => {
    const arbDisclosure = fc.record({
      mode: fc.constantFrom("cellkey" as const, "suppression" as const),
      k: fc.integer({ min: 3, max: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbFact, { maxLength: 40 }),
        arbPeriod,
        arbDisclosure,
        fc.boolean(),
        (facts, p, disclosure, byLevel) => {
          const truth = escalationFigures(facts, p);
          const published = publishEscalationFigures(truth, byLevel, disclosure);
          for (const cell of [...published.cells, published.total]) {
            for (const count of [cell.open, cell.resolved]) {
              expect(count === null || count === 0 || count >= disclosure.k).toBe(true);
            }
          }
          for (const cell of published.cells) {
            const trueCell =
              "level" in cell && cell.level !== undefined
                ? truth.levels[cell.level - 1]
                : truth.total;
            if (cell.medianDaysToResolution !== null)
              expect(trueCell?.resolved ?? 0).toBeGreaterThanOrEqual(disclosure.k);
          }
          if (published.shareResolvedAtLevel1 !== null) {
            expect(truth.total.resolved).toBeGreaterThanOrEqual(disclosure.k);
            expect(published.shareResolvedAtLevel1).toBeGreaterThanOrEqual(0);
            expect(published.shareResolvedAtLevel1).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it("gives the exact share in the suppression mode when the counts behind it are published", () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 40 }), arbPeriod, (facts, p) => {
        const truth = escalationFigures(facts, p);
        const published = publishEscalationFigures(truth, true, suppression);
        const level1 = published.cells.find((c) => c.level === 1);
        const atLevel1 = truth.levels[0]?.resolved ?? 0;
        if (truth.total.resolved >= 3 && (level1 === undefined || level1.resolved !== null)) {
          expect(published.shareResolvedAtLevel1).toBe(atLevel1 / truth.total.resolved);
        } else {
          expect(published.shareResolvedAtLevel1).toBeNull();
        }
      }),
    );
  });
});

describe("the share resolved at level 1", () => {
  it("is the published part over the published whole, only with k resolved, at most 1", () => {
    expect(shareResolvedAtLevel1(3, 12, 12, 5)).toBe(0.25);
    expect(shareResolvedAtLevel1(0, 12, 12, 5)).toBe(0);
    expect(shareResolvedAtLevel1(3, 4, 4, 5)).toBeNull();
    expect(shareResolvedAtLevel1(null, 12, 12, 5)).toBeNull();
    expect(shareResolvedAtLevel1(13, 12, 12, 5)).toBe(1);
  });
});
