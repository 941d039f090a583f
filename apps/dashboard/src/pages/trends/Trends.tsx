import { useMetric } from "../../api/queries";
import type { Catalogues, Trend } from "../../api/types";
import { ParamSelect } from "../../components/Controls";
import { LineFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { DisclosureNote } from "../../components/DisclosureNote";
import { PartialMonthNote } from "../../components/PeriodNotes";
import { countCell, textCell } from "../../lib/cells";
import { topN } from "../../lib/chart-data";
import { lastDayOf, stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { groupLabel } from "../../lib/names";
import { lastCompleteMonth, monthLabel, periodLabel } from "../../lib/periods";
import { chosenGroupBy, usePage, withExtra } from "../common";
import { GroupBySelect, MetricAnswer, MetricPage } from "../MetricPage";
import { trendGroupings, trendsRoute } from "./route";

/** More lines than this is a tangle; the table keeps every group. */
const chartSeries = 6;

export function Trends() {
  const { filters, params } = usePage();
  const search = trendsRoute.useSearch();
  const measure = search.measure ?? "opened";
  const groupBy = chosenGroupBy(search.groupBy, null);
  // Without a chosen last month, the last complete one: a month still being recorded reads as a fall.
  const to = filters.to ?? lastCompleteMonth(stockholmToday());
  const query = useMetric(
    "trend",
    withExtra(params, { measure, groupBy: groupBy ?? null, to: lastDayOf(to) }),
  );
  return (
    <MetricPage
      title={t("trends.heading")}
      definition="definition.trends"
      controls={
        <>
          <ParamSelect
            param="measure"
            label={t("measure.label")}
            value={measure}
            options={[
              { code: "opened", name: t("measure.opened") },
              { code: "closed", name: t("measure.closed") },
            ]}
          />
          <GroupBySelect groupings={trendGroupings} value={groupBy} />
        </>
      }
    >
      {(c) => (
        <section className="figure">
          {/* TrendBody says the period first, then the protection without one. */}
          <MetricAnswer query={query} disclosure={false}>
            {(data) => (
              <TrendBody
                data={data}
                catalogues={c}
                period={{ from: filters.from, to, chosen: filters.to !== null }}
              />
            )}
          </MetricAnswer>
        </section>
      )}
    </MetricPage>
  );
}

interface MonthRow {
  readonly month: string;
  readonly values: ReadonlyMap<string, { count: number | null; suppressed: boolean }>;
}

/** Months down, groups across: how a forum reads a trend, and how it pastes into a report. */
export function pivotByMonth(data: Trend, catalogues: Catalogues) {
  const groups = new Map<string, number>();
  const byMonth = new Map<string, Map<string, { count: number | null; suppressed: boolean }>>();
  for (const cell of data.cells) {
    const group = groupLabel(catalogues, data.groupBy, cell);
    groups.set(group, (groups.get(group) ?? 0) + (cell.count ?? 0));
    const row = byMonth.get(cell.month) ?? new Map();
    row.set(group, { count: cell.count, suppressed: cell.suppressed });
    byMonth.set(cell.month, row);
  }
  const rows: MonthRow[] = [...byMonth.keys()]
    .sort()
    .map((month) => ({ month, values: byMonth.get(month) ?? new Map() }));
  const ordered = [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([g]) => g);
  return { groups: ordered, rows };
}

function TrendBody({
  data,
  catalogues,
  period,
}: {
  data: Trend;
  catalogues: Catalogues;
  period: TrendPeriod;
}) {
  const { groups, rows } = pivotByMonth(data, catalogues);
  const measure = t(`measure.${data.measure}`);
  const shownPeriod = trendPeriodLabel(period, rows, data.asOf);
  const columns: Column<MonthRow>[] = [
    {
      id: "month",
      header: t("dim.month"),
      cell: (r) => textCell(monthLabel(r.month, data.asOf), r.month),
    },
    ...groups.map(
      (g): Column<MonthRow> => ({
        id: g,
        header: g,
        cell: (r) => {
          const v = r.values.get(g);
          return v === undefined
            ? countCell(0, false, data.k)
            : countCell(v.count, v.suppressed, data.k);
        },
      }),
    ),
  ];
  // The groups with the most cases are drawn; the chart says how many more the table has.
  const { shown, rest } = topN(groups, chartSeries);
  const dimension = data.groupBy[0];
  const chart = rows.map((r) => ({
    month: r.month,
    ...Object.fromEntries(
      shown.map((g, i) => {
        const v = r.values.get(g);
        return [`s${i}`, v === undefined ? 0 : v.suppressed ? null : v.count];
      }),
    ),
  }));
  return (
    <>
      <p className="period-statement">
        {t(period.chosen ? "trends.period" : "trends.period_default", { period: shownPeriod })}
      </p>
      <DisclosureNote of={data} withPeriod={false} />
      <PartialMonthNote month={rows.at(-1)?.month} asOf={data.asOf} />
      <div className="figure-body">
        <LineFigure
          data={chart}
          series={shown.map((g, i) => ({ key: `s${i}`, label: g }))}
          k={data.k}
          note={
            rest === 0 || dimension === undefined
              ? undefined
              : t("chart.top_n_period", {
                  shown: shown.length,
                  rest,
                  groups: t(`chart.groups.${dimension}`),
                })
          }
        />
        <DataTable
          caption={t("trends.caption_period", { measure, period: shownPeriod })}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.month}
          k={data.k}
          disclosure={data.disclosure}
          asOf={data.asOf}
        />
      </div>
    </>
  );
}

interface TrendPeriod {
  readonly from: string | null;
  readonly to: string;
  readonly chosen: boolean;
}

/** "jan 2022–nov 2026": the filter's months, else the first month with cases; never past asOf. */
function trendPeriodLabel(period: TrendPeriod, rows: readonly MonthRow[], asOf: string): string {
  // A chosen last month after today's ends today, in today's (partial) month.
  const current = asOf.slice(0, 7);
  const to = [period.to, current].sort()[0] ?? current;
  const from = period.from ?? rows[0]?.month ?? to;
  return periodLabel(from, to, asOf);
}
