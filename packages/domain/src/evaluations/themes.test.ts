import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluationThemes } from "../catalogues";
import type { IsoDate } from "../codes";
import {
  publishThemeTrend,
  type ThemeDimension,
  type ThemeItemFact,
  themeDimensions,
} from "./themes";

const arbFact: fc.Arbitrary<ThemeItemFact> = fc.record({
  recordKey: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  kind: fc.constantFrom("worked_well" as const, "improve" as const),
  theme: fc.constantFrom(...evaluationThemes.slice(0, 3).map((t) => t.code)),
  process: fc.constantFrom(null, "sip", "intern_samsjuklighet"),
  step: fc.option(fc.integer({ min: 1, max: 3 })),
  writtenOn: fc.constantFrom("2026-01-15", "2026-02-03", "2026-02-28").map((s) => s as IsoDate),
});
const arbGroupBy = fc.subarray([...themeDimensions]);
const k = 3;

/** The naive reference: for each combination present, count the items by filtering. */
function naive(facts: readonly ThemeItemFact[], groupBy: readonly ThemeDimension[]) {
  const value = (f: ThemeItemFact, d: ThemeDimension) =>
    d === "theme"
      ? f.theme
      : d === "process"
        ? f.process
        : d === "step"
          ? f.step
          : f.writtenOn.slice(0, 7);
  const keys = new Set(facts.map((f) => JSON.stringify(groupBy.map((d) => value(f, d)))));
  return [...keys].map((key) => {
    const inCell = facts.filter((f) => JSON.stringify(groupBy.map((d) => value(f, d))) === key);
    return {
      key,
      workedWell: inCell.filter((f) => f.kind === "worked_well").length,
      improve: inCell.filter((f) => f.kind === "improve").length,
    };
  });
}

describe("theme trends", () => {
  it("publish exactly the naive counts where shown, never 1..k−1, under suppression", () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 40 }), arbGroupBy, (facts, groupBy) => {
        const cells = publishThemeTrend(facts, groupBy, { mode: "suppression", k });
        const reference = naive(facts, groupBy);
        expect(cells).toHaveLength(reference.length);
        for (const cell of cells) {
          const key = JSON.stringify(groupBy.map((d) => cell[d] ?? null));
          const truth = reference.find((r) => r.key === key);
          expect(truth).toBeDefined();
          for (const count of ["workedWell", "improve"] as const) {
            const shown = cell[count];
            if (shown !== null) expect(shown).toBe(truth?.[count]);
            if ((truth?.[count] ?? 0) > 0 && (truth?.[count] ?? 0) < k) expect(shown).toBeNull();
            expect(cell.withheld.includes(count)).toBe(shown === null);
          }
          expect(cell.suppressed).toBe(cell.withheld.length > 0);
        }
      }),
    );
  });

  it("publish under cellkey without revealing small counts as they are", () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 40 }), arbGroupBy, (facts, groupBy) => {
        const cells = publishThemeTrend(facts, groupBy, { mode: "cellkey", k });
        expect(cells).toHaveLength(naive(facts, groupBy).length);
        for (const cell of cells)
          for (const count of [cell.workedWell, cell.improve])
            if (count !== null) expect(count === 0 || count >= k).toBe(true);
      }),
    );
  });

  it("group by theme, step and month, null steps last", () => {
    const fact = (
      theme: string,
      step: number | null,
      kind: ThemeItemFact["kind"],
      i: number,
    ): ThemeItemFact => ({
      recordKey: i,
      kind,
      theme,
      process: step === null ? null : "sip",
      step,
      writtenOn: "2026-03-02" as IsoDate,
    });
    const facts = [
      ...Array.from({ length: 5 }, (_, i) => fact("tillit", null, "improve", i)),
      ...Array.from({ length: 6 }, (_, i) => fact("tillit", 2, "worked_well", i)),
    ];
    expect(
      publishThemeTrend(facts, ["theme", "step", "month"], { mode: "suppression", k: 5 }),
    ).toEqual([
      {
        theme: "tillit",
        step: 2,
        month: "2026-03",
        workedWell: 6,
        improve: 0,
        suppressed: false,
        withheld: [],
      },
      {
        theme: "tillit",
        step: null,
        month: "2026-03",
        workedWell: 0,
        improve: 5,
        suppressed: false,
        withheld: [],
      },
    ]);
  });

  it("tell the same step number of two processes apart when grouped by process", () => {
    const fact = (process: string, i: number): ThemeItemFact => ({
      recordKey: i,
      kind: "improve",
      theme: "tillit",
      process,
      step: 3,
      writtenOn: "2026-03-02" as IsoDate,
    });
    const facts = [
      ...Array.from({ length: 5 }, (_, i) => fact("sip", i)),
      ...Array.from({ length: 7 }, (_, i) => fact("intern_samsjuklighet", i)),
    ];
    const cells = publishThemeTrend(facts, ["process", "step"], { mode: "suppression", k: 5 });
    expect(cells.map((c) => [c.process, c.step, c.improve])).toEqual([
      ["intern_samsjuklighet", 3, 7],
      ["sip", 3, 5],
    ]);
    expect(publishThemeTrend(facts, ["step"], { mode: "suppression", k: 5 })).toMatchObject([
      { step: 3, improve: 12 },
    ]);
  });
});
