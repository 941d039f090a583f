import type { Catalogues } from "../../api/types";
import { addMonths, firstDayOf, lastDayOf } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { lastCompleteMonth } from "../../lib/periods";
import { stepName, themeChoices, themeName } from "./evaluations";

/**
 * The theme trends' logic, apart from React: the API's cells (`GET /evaluations/themes`) as the
 * rows of the tables and the charts. A count is a number, or null when the API withheld it: a
 * withheld count stays withheld (".." in a table, no bar or point in a chart), never 0.
 */

export interface ThemeCell {
  readonly theme?: string | undefined;
  readonly process?: string | null | undefined;
  readonly step?: number | null | undefined;
  readonly month?: string | undefined;
  readonly workedWell: number | null;
  readonly improve: number | null;
}

/** One row of a table: what it is about, in words and as a sort key, and its two counts. */
export interface ThemeRow {
  readonly key: string;
  readonly label: string;
  readonly sort: string;
  readonly workedWell: number | null;
  readonly improve: number | null;
  /** A step's process by name: one chart per process, its steps labelled without it. */
  readonly group?: string;
  /** The label inside its group's chart ("3. Kallelse"), short enough not to be cut. */
  readonly short?: string;
}

/** What the trend is read by, as the route's search keeps it (months, `YYYY-MM`). */
export interface ThemeSearch {
  readonly periodFrom?: string | undefined;
  readonly periodTo?: string | undefined;
  readonly theme?: string | undefined;
}

/** Two years of months by default: the demo's sessions and a forum's horizon both span that. */
const DEFAULT_MONTHS = 24;

/**
 * The months shown: the chosen ones, else the 24 months up to the last complete one (a month
 * still being written in reads as a fall). A chosen end after today ends in today's month.
 */
export function themePeriod(search: ThemeSearch, today: string): { from: string; to: string } {
  const current = today.slice(0, 7);
  const chosenTo = search.periodTo;
  // Months as text compare in time order: the earlier of the chosen month and today's.
  const to =
    chosenTo === undefined ? lastCompleteMonth(today) : ([chosenTo, current].sort()[0] ?? current);
  const chosenFrom = search.periodFrom;
  const from =
    chosenFrom === undefined || chosenFrom > to ? addMonths(to, -(DEFAULT_MONTHS - 1)) : chosenFrom;
  return { from, to };
}

/** The months as the API's days: the first month's first day to the last's last, or today within it. */
export function themeApiPeriod(
  period: { from: string; to: string },
  today: string,
): { from: string; to: string } {
  return { from: firstDayOf(period.from), to: [lastDayOf(period.to), today].sort()[0] ?? today };
}

/** A theme code the catalogue knows, or none: `?theme=` from a signal's link or a hand-typed URL. */
export function knownTheme(code: string | undefined): string | undefined {
  return themeChoices().some((c) => c.code === code) ? code : undefined;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * Per theme over the period, every theme of the catalogue in its order: a theme no note named
 * has 0 and 0 (the API leaves cells without items out; none is no withheld count).
 */
export function themeRows(cells: readonly ThemeCell[]): ThemeRow[] {
  return themeChoices().map((choice, i) => {
    const cell = cells.find((c) => c.theme === choice.code);
    return {
      key: choice.code,
      label: choice.name,
      sort: String(i).padStart(3, "0"),
      workedWell: cell === undefined ? 0 : cell.workedWell,
      improve: cell === undefined ? 0 : cell.improve,
    };
  });
}

/**
 * Per month, every month of the period in order (a month without notes is 0 and 0), for one
 * theme or, without one, the API's totals by month. Cells of another theme are ignored.
 */
export function monthRows(
  cells: readonly ThemeCell[],
  months: readonly string[],
  theme: string | undefined,
  label: (month: string) => string,
): ThemeRow[] {
  return months.map((month) => {
    const cell = cells.find((c) => c.month === month && (theme === undefined || c.theme === theme));
    return {
      key: month,
      label: label(month),
      sort: month,
      workedWell: cell === undefined ? 0 : cell.workedWell,
      improve: cell === undefined ? 0 : cell.improve,
    };
  });
}

/**
 * Per process step, named by its process and its name ("Intern samsjuklighet: 3. Samordnad
 * bedömning"), never by a bare number, which names a different step in each process. Notes
 * without a step come last. Only the steps notes named: there is no list of steps to fill in.
 */
export function stepRows(
  cells: readonly ThemeCell[],
  catalogues: Pick<Catalogues, "processes">,
  theme: string | undefined,
): ThemeRow[] {
  return cells
    .filter((c) => theme === undefined || c.theme === theme)
    .map((c) => {
      const process = c.process ?? null;
      const step = c.step ?? null;
      const processName = catalogues.processes.find((p) => p.code === process)?.name;
      const named = stepName(catalogues, process, step);
      const label =
        named === null || process === null
          ? t("evaluationsPage.themes.no_step")
          : t("evaluationsPage.themes.step_of", { process: processName ?? process, step: named });
      const sort =
        named === null || process === null
          ? "~"
          : `${processName ?? process}:${String(step).padStart(3, "0")}`;
      return {
        key: `${process ?? ""}:${step ?? ""}`,
        label,
        sort,
        workedWell: c.workedWell,
        improve: c.improve,
        group: named === null || process === null ? label : (processName ?? process),
        short: named === null || process === null ? label : named,
      };
    })
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
}

/** The rows as a chart draws them: withheld counts left out (null), not drawn as zero. */
export function chartRows(rows: readonly ThemeRow[]): Record<string, string | number | null>[] {
  return rows.map((r) => ({ label: r.label, workedWell: r.workedWell, improve: r.improve }));
}

/**
 * The step rows as one chart per process, in the rows' order: the process is the chart's
 * heading, so each bar's label is the step alone and fits on the axis uncut.
 */
export function stepCharts(
  rows: readonly ThemeRow[],
): { heading: string; rows: Record<string, string | number | null>[] }[] {
  const charts: { heading: string; rows: Record<string, string | number | null>[] }[] = [];
  for (const r of rows) {
    const heading = r.group ?? r.label;
    let chart = charts.find((c) => c.heading === heading);
    if (chart === undefined) {
      chart = { heading, rows: [] };
      charts.push(chart);
    }
    chart.rows.push({ label: r.short ?? r.label, workedWell: r.workedWell, improve: r.improve });
  }
  return charts;
}

/**
 * Whether a chart of the rows would show nothing but a flat line at zero: no count above 0 (a
 * theme with a few notes a month, each month 0 or withheld). The table says it month by month.
 */
export function nothingAboveZero(rows: readonly ThemeRow[]): boolean {
  return rows.every((r) => (r.workedWell ?? 0) === 0 && (r.improve ?? 0) === 0);
}

/** Whether a row has a count withheld: a chart of mostly such rows says so instead. */
export function rowWithheld(row: ThemeRow): boolean {
  return row.workedWell === null || row.improve === null;
}

/** The months as a line chart takes them (its x axis reads `month`). */
export function monthChartRows(
  rows: readonly ThemeRow[],
): Record<string, string | number | null>[] {
  return rows.map((r) => ({ month: r.key, workedWell: r.workedWell, improve: r.improve }));
}

/** What a table or caption is about: all themes, or the chosen one by name. */
export function themeSubject(theme: string | undefined): string {
  return theme === undefined
    ? t("evaluationsPage.themes.all_subject")
    : t("evaluationsPage.themes.theme_subject", { theme: themeName(theme) });
}
