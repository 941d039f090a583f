import type { Effect, Reading } from "../../api/forums";
import { t } from "../../lib/i18n";
import { dayFigures, figureName } from "../agreements/agreements";
import { type Amount, amountOf } from "./forums";

/**
 * "Fungerade det?": an action's figure by month, with the decision and the day it was done
 * marked, read from `GET /forums/{id}/actions/{aid}/effect`. A withheld value stays "..".
 */

/**
 * The figure an effect follows, by name, and its unit ("ärenden", "dagar"): an indicator by its
 * name, a metric's figure in words.
 */
export function effectFigure(
  effect: Pick<Effect, "name" | "figure">,
  linkKind: "indicator" | "metric",
): { readonly name: string; readonly unit: string } {
  return {
    name: linkKind === "indicator" ? effect.name : figureName(effect.figure),
    unit: dayFigures.includes(effect.figure)
      ? t("forumsPage.unit.days")
      : t("forumsPage.unit.cases"),
  };
}

/** A reading as the page shows it: with its unit, or withheld. */
export function readingAmount(reading: Reading, unit: string): Amount {
  return amountOf(reading.value, reading.suppressed, unit);
}

export interface EffectMark {
  readonly month: string;
  readonly label: string;
}

/** The months of the decision and of the day it was done, each with its label. */
export function effectMarks(effect: Pick<Effect, "decided" | "done">): EffectMark[] {
  return [
    {
      month: effect.decided.date.slice(0, 7),
      label: t("forumsPage.effect.decided_mark", { date: effect.decided.date }),
    },
    ...(effect.done === null
      ? []
      : [
          {
            month: effect.done.date.slice(0, 7),
            label: t("forumsPage.effect.done_mark", { date: effect.done.date }),
          },
        ]),
  ];
}

/** What happened in a month, for the table: the decision, the day it was done, both or neither. */
export function marksIn(month: string, marks: readonly EffectMark[]): string {
  return marks
    .filter((m) => m.month === month)
    .map((m) => m.label)
    .join(", ");
}

/** Met, not met, unknown (withheld, never judged), or no target to meet. */
export function metText(reading: Reading, hasTarget: boolean): string {
  if (!hasTarget) return t("forumsPage.met.no_target");
  if (reading.suppressed || reading.met === null) return t("forumsPage.met.unknown");
  return reading.met ? t("forumsPage.met.yes") : t("forumsPage.met.no");
}
