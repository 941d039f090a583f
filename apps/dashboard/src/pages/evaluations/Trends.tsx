import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { answer, apiClient } from "../../api/client";
import { evaluationsKey } from "../../api/evaluations";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues, DisclosureMode } from "../../api/types";
import { Breakdown } from "../../components/Breakdown";
import { PageHeading, ParamSelect } from "../../components/Controls";
import { BarFigure, ChartGroup, LineFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { disclosureText } from "../../components/DisclosureNote";
import { PartialMonthNote } from "../../components/PeriodNotes";
import { QueryState } from "../../components/QueryState";
import { countCell, textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { monthLabel, periodLabel } from "../../lib/periods";
import { PeriodChoice } from "../forums/fields";
import { useOwnSearch } from "../forums/search";
import { themeChoices, themeName } from "./evaluations";
import { themesRoute } from "./route";
import {
  chartRows,
  knownTheme,
  monthChartRows,
  monthRows,
  monthsBetween,
  nothingAboveZero,
  rowWithheld,
  stepCharts,
  stepRows,
  type ThemeCell,
  type ThemeRow,
  themeApiPeriod,
  themePeriod,
  themeRows,
  themeSubject,
} from "./trends";
import "../agreements/agreements.css";
import "./evaluations.css";

const ownSearch = ["periodFrom", "periodTo", "theme"] as const;

interface ThemeAnswer {
  readonly k: number;
  readonly disclosure: DisclosureMode;
  readonly view: "own" | "county";
  readonly to: string;
  readonly cells: readonly ThemeCell[];
}

/** One grouping of the theme trend over the period, as the caller's scope reads it. */
function useThemes(groupBy: string, from: string, to: string) {
  const { token } = useSession();
  const api = useMemo(() => apiClient(token), [token]);
  return useQuery({
    queryKey: [evaluationsKey, "themes", groupBy, from, to, token],
    queryFn: (): Promise<ThemeAnswer> =>
      answer(api.evaluations.themes.$get({ query: { groupBy, from, to } })),
  });
}

/**
 * Utvärderingarnas teman: worked-well and improve notes per theme, per month and per process
 * step, each as a chart with its table beside it. Counts are published under the installation's
 * disclosure mode, so withheld ones read ".." and are left out of the charts.
 */
export function Trends() {
  useOwnSearch(ownSearch);
  const search = themesRoute.useSearch();
  const today = stockholmToday();
  const { from, to } = themePeriod(search, today);
  const theme = knownTheme(search.theme);
  const period = themeApiPeriod({ from, to }, today);
  const lastDay = period.to;
  const byTheme = useThemes("theme", period.from, period.to);
  const byMonth = useThemes(theme === undefined ? "month" : "theme,month", period.from, period.to);
  const byStep = useThemes(
    theme === undefined ? "process,step" : "theme,process,step",
    period.from,
    period.to,
  );
  const catalogues = useCatalogues();
  const shownPeriod = periodLabel(from, to, lastDay, today);
  return (
    <div className="evaluations evaluation-themes">
      <PageHeading title={t("nav.evaluation_themes")} intro={t("evaluationsPage.themes.intro")} />
      <div className="controls theme-controls">
        <PeriodChoice from={from} to={to} unit="month" />
        <ParamSelect
          param="theme"
          label={t("evaluationsPage.themes.theme")}
          value={theme ?? ""}
          options={[{ code: "", name: t("evaluationsPage.themes.all") }, ...themeChoices()]}
        />
      </div>
      <QueryState query={byTheme}>
        {(data) => (
          <div className="disclosure-note">
            <p className="scope-line">
              {t(
                data.view === "county"
                  ? "evaluationsPage.themes.scope_county"
                  : "evaluationsPage.themes.scope_own",
              )}{" "}
              {t("evaluationsPage.themes.period", { period: shownPeriod })}{" "}
              {t("evaluationsPage.themes.unit")}
            </p>
            {theme !== undefined && (
              <p>{t("evaluationsPage.themes.showing", { theme: themeName(theme) })}</p>
            )}
            <p>{disclosureText(data, "notes")}</p>
          </div>
        )}
      </QueryState>
      <section className="figure" aria-labelledby="themes-by-theme">
        <h2 id="themes-by-theme">{t("evaluationsPage.themes.by_theme")}</h2>
        <QueryState query={byTheme}>
          {(data) => (
            <ThemeFigure
              rows={themeRows(data.cells).map((r) =>
                r.key === theme
                  ? { ...r, label: t("evaluationsPage.themes.chosen", { theme: r.label }) }
                  : r,
              )}
              data={data}
              first={t("evaluationsPage.themes.theme")}
              caption={t("evaluationsPage.themes.caption_theme", { period: shownPeriod })}
            />
          )}
        </QueryState>
      </section>
      <section className="figure" aria-labelledby="themes-by-month">
        <h2 id="themes-by-month">{t("evaluationsPage.themes.by_month")}</h2>
        <QueryState query={byMonth}>
          {(data) => (
            <MonthFigure
              data={data}
              rows={monthRows(data.cells, monthsBetween(from, to), theme, (m) =>
                monthLabel(m, data.to, "short", today),
              )}
              caption={t("evaluationsPage.themes.caption_month", {
                subject: themeSubject(theme),
                period: shownPeriod,
              })}
            />
          )}
        </QueryState>
      </section>
      <section className="figure" aria-labelledby="themes-by-step">
        <h2 id="themes-by-step">{t("evaluationsPage.themes.by_step")}</h2>
        <QueryState query={catalogues}>
          {(c) => (
            <QueryState query={byStep}>
              {(data) => (
                <StepFigure
                  data={data}
                  catalogues={c}
                  theme={theme}
                  caption={t("evaluationsPage.themes.caption_step", {
                    subject: themeSubject(theme),
                    period: shownPeriod,
                  })}
                />
              )}
            </QueryState>
          )}
        </QueryState>
      </section>
    </div>
  );
}

const series = () => [
  { key: "workedWell", label: t("evaluationsPage.themes.series.worked_well") },
  { key: "improve", label: t("evaluationsPage.themes.series.improve") },
];

/** The table of a figure: what each row is about, then its two counts of notes, ".." when withheld. */
function themeColumns(first: string, k: number): Column<ThemeRow>[] {
  return [
    { id: "label", header: first, cell: (r) => textCell(r.label, r.sort) },
    {
      id: "workedWell",
      header: t("evaluationsPage.themes.col.worked_well"),
      cell: (r) => countCell(r.workedWell, r.workedWell === null, k, "notes"),
    },
    {
      id: "improve",
      header: t("evaluationsPage.themes.col.improve"),
      cell: (r) => countCell(r.improve, r.improve === null, k, "notes"),
    },
  ];
}

/** Every figure's table: its rows in the order of their label, the counts being of notes. */
function ThemeTable(props: {
  caption: string;
  first: string;
  rows: readonly ThemeRow[];
  data: ThemeAnswer;
}) {
  return (
    <DataTable
      caption={props.caption}
      columns={themeColumns(props.first, props.data.k)}
      rows={props.rows}
      rowKey={(r) => r.key}
      k={props.data.k}
      disclosure={props.data.disclosure}
      unit="notes"
      asOf={props.data.to}
      initialSort={{ id: "label", descending: false }}
    />
  );
}

function ThemeFigure(props: {
  rows: readonly ThemeRow[];
  data: ThemeAnswer;
  first: string;
  caption: string;
}) {
  const { rows, data } = props;
  return (
    <div className="figure-body">
      <BarFigure data={chartRows(rows)} category="label" series={series()} k={data.k} />
      <ThemeTable caption={props.caption} first={props.first} rows={rows} data={data} />
    </div>
  );
}

function MonthFigure(props: { data: ThemeAnswer; rows: readonly ThemeRow[]; caption: string }) {
  const { data, rows } = props;
  return (
    <>
      <PartialMonthNote month={rows.at(-1)?.key} asOf={data.to} unit="notes" />
      <div className="figure-body">
        {nothingAboveZero(rows) ? (
          <p className="chart-empty">{t("evaluationsPage.themes.month_thin")}</p>
        ) : (
          <LineFigure data={monthChartRows(rows)} series={series()} k={data.k} />
        )}
        <ThemeTable caption={props.caption} first={t("dim.month")} rows={rows} data={data} />
      </div>
    </>
  );
}

/**
 * By step: one chart per process (its name the heading, each bar a step by name), the table with
 * every step under its process's name. Mostly withheld (one theme, few notes per step): a
 * sentence instead of empty axes, and the table.
 */
function StepFigure(props: {
  data: ThemeAnswer;
  catalogues: Catalogues;
  theme: string | undefined;
  caption: string;
}) {
  const { data } = props;
  const rows = stepRows(data.cells, props.catalogues, props.theme);
  if (rows.length === 0) return <p className="state empty">{t("evaluationsPage.themes.empty")}</p>;
  return (
    <Breakdown
      withheld={rows.map(rowWithheld)}
      chart={
        <div>
          {stepCharts(rows).map((chart) => (
            <ChartGroup key={chart.heading} heading={chart.heading}>
              <BarFigure data={chart.rows} category="label" series={series()} k={data.k} />
            </ChartGroup>
          ))}
        </div>
      }
      table={
        <ThemeTable
          caption={props.caption}
          first={t("evaluationsPage.themes.col.step")}
          rows={rows}
          data={data}
        />
      }
    />
  );
}
