import { useMetric } from "../../api/queries";
import type { Catalogues, Published } from "../../api/types";
import { LineFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { DisclosureNote } from "../../components/DisclosureNote";
import { PartialMonthNote } from "../../components/PeriodNotes";
import { firstNotReady, QueryState } from "../../components/QueryState";
import {
  type Cell,
  countCell,
  formatNumber,
  percentCell,
  statCell,
  textCell,
} from "../../lib/cells";
import { addMonths, firstDayOf, lastDayOf } from "../../lib/filters";
import { intlLocale, t } from "../../lib/i18n";
import { nameOf, singleProcess } from "../../lib/names";
import { formatMonth, lastCompleteMonth, monthLabel, periodLabel } from "../../lib/periods";
import { usePage, withExtra } from "../common";
import { MetricPage } from "../MetricPage";
import {
  type Against,
  type Change,
  changeOf,
  comparePeriods,
  defaultMonth,
  type Headline,
  headlines,
  type Periods,
  type Snapshot,
} from "./overview-figures";

/**
 * Headline figures for one whole month (the filter's "to", else the last complete month), each
 * compared with the month before and with the same month a year earlier.
 */
export function Overview() {
  return (
    <MetricPage
      title={t("overview.heading")}
      intro={t("overview.intro_periods")}
      definition="definition.overview"
    >
      {(c) => <Headlines catalogues={c} />}
    </MetricPage>
  );
}

/**
 * The cases opened in every month: which months have cases (the first one bounds what can be
 * compared; the last one is the default for data that ends before today), and the API's today.
 */
function Headlines({ catalogues }: { catalogues: Catalogues }) {
  const { filters, params } = usePage();
  const history = useMetric("trend", withExtra(params, { measure: "opened", to: null }));
  return (
    <QueryState query={history}>
      {(data) => {
        const withCases = data.cells.map((c) => c.month).sort();
        const fallback = defaultMonth(data.cells, data.asOf);
        const month = filters.to ?? fallback;
        const source =
          filters.to !== null
            ? "chosen"
            : fallback === lastCompleteMonth(data.asOf)
              ? "default"
              : "latest_with_cases";
        return (
          <HeadlineFigures
            catalogues={catalogues}
            periods={comparePeriods(month, data.asOf)}
            firstMonth={withCases[0] ?? null}
            source={source}
          />
        );
      }}
    </QueryState>
  );
}

/** The five metrics behind the headline figures, as of one date. */
function useSnapshot(params: URLSearchParams, asOf: string, lead: Record<string, string> | null) {
  const at = (extra: Record<string, string> = {}) => withExtra(params, { asOf, ...extra });
  return {
    open: useMetric("cases", at()),
    all: useMetric("cases", at({ status: "all" })),
    lead: useMetric("lead-times", at(lead ?? {}), lead !== null),
    sip: useMetric("sip", at()),
    stuck: useMetric("stuck", at()),
  };
}
type SnapshotQueries = ReturnType<typeof useSnapshot>;

function snapshotOf(q: SnapshotQueries): Snapshot | undefined {
  const { open, all, lead, sip, stuck } = q;
  if (!open.data || !all.data || !sip.data || !stuck.data) return undefined;
  return { open: open.data, all: all.data, lead: lead.data, sip: sip.data, stuck: stuck.data };
}

/** The trend window: the shown month and the twelve before it, within the filter's "from". */
function trendWindow(periods: Periods, from: string | null) {
  const first = addMonths(periods.month, -12);
  return {
    from: firstDayOf(from !== null && from > first ? from : first),
    to: lastDayOf(periods.month),
    asOf: periods.now,
  };
}

function HeadlineFigures(props: {
  catalogues: Catalogues;
  periods: Periods;
  firstMonth: string | null;
  source: "chosen" | "default" | "latest_with_cases";
}) {
  const { catalogues, periods, firstMonth } = props;
  const { filters, params } = usePage();
  const process = singleProcess(catalogues, filters.codes.process);
  const lead = process === null ? null : { process, fromStep: "1", toStep: "3" };
  const now = useSnapshot(params, periods.now, lead);
  const previous = useSnapshot(params, periods.previous, lead);
  const yearAgo = useSnapshot(params, periods.yearAgo, lead);
  const window = trendWindow(periods, filters.from);
  const opened = useMetric("trend", withExtra(params, { ...window, measure: "opened" }));
  const closed = useMetric("trend", withExtra(params, { ...window, measure: "closed" }));
  const notReady = firstNotReady([
    ...Object.values(now),
    ...Object.values(previous),
    ...Object.values(yearAgo),
    opened,
    closed,
  ]);
  const snapshots = {
    now: snapshotOf(now),
    previous: snapshotOf(previous),
    yearAgo: snapshotOf(yearAgo),
  };
  if (
    notReady !== undefined ||
    !snapshots.now ||
    !snapshots.previous ||
    !snapshots.yearAgo ||
    !opened.data ||
    !closed.data
  ) {
    return <QueryState query={notReady ?? opened}>{() => null}</QueryState>;
  }
  const figures = headlines(
    { now: snapshots.now, previous: snapshots.previous, yearAgo: snapshots.yearAgo },
    { opened: opened.data.cells, closed: closed.data.cells },
    periods,
    process === null ? "" : nameOf(catalogues, "process", process),
  );
  const published = snapshots.now.open;
  return (
    <>
      <PeriodStatement periods={periods} source={props.source} />
      <DisclosureNote of={published} withPeriod={false} />
      <HeadlineCards
        headlines={figures}
        k={published.k}
        periods={periods}
        firstMonth={firstMonth}
      />
      {published.disclosure === "cellkey" && (
        <p className="change-note">{t("overview.change_note_cellkey")}</p>
      )}
      <HeadlineTable headlines={figures} published={published} periods={periods} />
      <section className="figure">
        <h2>{trendCaption(periods)}</h2>
        <TrendFigure
          months={months(periods.month)}
          opened={opened.data.cells}
          closed={closed.data.cells}
          published={opened.data}
          periods={periods}
        />
      </section>
    </>
  );
}

/** Which month is shown, why, and what it is compared with: said before any figure. */
function PeriodStatement(props: {
  periods: Periods;
  source: "chosen" | "default" | "latest_with_cases";
}) {
  const { periods } = props;
  const month = monthLabel(periods.month, periods.today, "long");
  return (
    <p className="period-statement">
      {t(`overview.period_${props.source}`, { month })}{" "}
      {t("overview.period_compared", {
        previous: formatMonth(periods.previousMonth),
        yearAgo: formatMonth(periods.yearAgoMonth),
      })}
      {periods.partial && ` ${t("overview.period_partial")}`}
    </p>
  );
}

function trendCaption(periods: Periods): string {
  const first = months(periods.month)[0] ?? periods.month;
  return t("overview.trend_caption_period", {
    period: periodLabel(first, periods.month, periods.today),
  });
}

/** The shown month and the twelve before it, so the same month a year earlier is in the chart. */
function months(last: string): string[] {
  return Array.from({ length: 13 }, (_, i) => addMonths(last, i - 12));
}

/** What a headline's figure is for: in the month (flows), or at its end (stocks). */
function spanText(h: Headline, month: string, periods: Periods): string {
  if (h.span === "month") return t("overview.span_month", { month });
  if (periods.partial) return t("overview.span_date", { date: formatDate(periods.now) });
  return t("overview.span_end", { month });
}

function formatDate(date: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "antal", "dagar", "%": the unit of a row of the table, said in the row's name. */
function unitName(h: Headline): string {
  if (h.kind === "count") return t("unit.count_name");
  if (h.kind === "stat") return t("unit.days_name");
  return t("unit.percent_name");
}

function display(h: Headline, which: "now" | Against, k: number): Cell {
  const v = h[which];
  if (h.kind === "count") return countCell(v.value, v.suppressed, k);
  if (h.kind === "share") {
    return v.suppressed || v.value === null ? statCell(null, true, k) : percentCell(v.value);
  }
  return statCell(v.value, v.suppressed, k);
}

/** The word after a card's number ("283 ärenden", "12 dagar"); none for ".." or a share's "%". */
function unitWord(h: Headline, cell: Cell): string | null {
  if (cell.sort === null || h.kind === "share") return null;
  const one = cell.sort === 1;
  if (h.kind === "count") return t(one ? "unit.case_word" : "unit.cases_word");
  return t(one ? "unit.day_name" : "unit.days_name");
}

function changeText(h: Headline, change: Change): string {
  if (change.kind === "none") return t(`overview.no_change_${change.reason}`);
  const diff = change.value;
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  const magnitude = Math.abs(diff);
  if (h.kind === "share")
    return t("overview.points", {
      value: `${sign}${formatNumber(Math.round(magnitude * 1000) / 10)}`,
    });
  const value = `${sign}${formatNumber(magnitude)}`;
  if (h.kind === "count") return t(magnitude === 1 ? "unit.case" : "unit.cases", { value });
  return t(magnitude === 1 ? "unit.day" : "unit.days", { value });
}

function HeadlineCards(props: {
  headlines: readonly Headline[];
  k: number;
  periods: Periods;
  firstMonth: string | null;
}) {
  const { periods } = props;
  const month = monthLabel(periods.month, periods.today, "long");
  const against = (h: Headline, which: Against) => {
    const earlier = which === "previous" ? periods.previousMonth : periods.yearAgoMonth;
    return t("overview.against", {
      period: formatMonth(earlier),
      change: changeText(h, changeOf(h, which, periods, props.firstMonth)),
    });
  };
  return (
    <ul className="cards">
      {props.headlines.map((h) => {
        const now = display(h, "now", props.k);
        const unit = unitWord(h, now);
        return (
          <li key={h.label} className="card">
            <span className="card-label">{h.label}</span>
            <span className="card-period">{spanText(h, month, periods)}</span>
            <span className="card-value" title={now.title}>
              {now.text}
              {unit !== null && <span className="card-unit"> {unit}</span>}
            </span>
            <span className="card-change">{against(h, "previous")}</span>
            <span className="card-change">{against(h, "yearAgo")}</span>
          </li>
        );
      })}
    </ul>
  );
}

function HeadlineTable(props: {
  headlines: readonly Headline[];
  published: Published;
  periods: Periods;
}) {
  const { k, disclosure } = props.published;
  const { periods } = props;
  const month = monthLabel(periods.month, periods.today, "long");
  const previous = formatMonth(periods.previousMonth);
  const yearAgo = formatMonth(periods.yearAgoMonth);
  const short = (m: string) => monthLabel(m, periods.today, "short");
  const columns: Column<Headline>[] = [
    {
      id: "figure",
      header: t("overview.figure"),
      cell: (h) =>
        textCell(
          t(h.span === "month" ? "overview.row_month" : "overview.row_end", {
            label: h.label,
            unit: unitName(h),
          }),
        ),
    },
    // Short month names: the table must fit a phone's width beside the figure names.
    { id: "now", header: short(periods.month), cell: (h) => display(h, "now", k) },
    {
      id: "previous",
      header: short(periods.previousMonth),
      cell: (h) => display(h, "previous", k),
    },
    { id: "yearAgo", header: short(periods.yearAgoMonth), cell: (h) => display(h, "yearAgo", k) },
  ];
  return (
    <DataTable
      caption={t("overview.figures_caption_periods", { month, previous, yearAgo })}
      columns={columns}
      rows={props.headlines}
      rowKey={(h) => h.label}
      k={k}
      disclosure={disclosure}
      asOf={periods.now}
    />
  );
}

type TrendCells = readonly { month: string; count: number | null; suppressed: boolean }[];

function TrendFigure(props: {
  months: readonly string[];
  opened: TrendCells;
  closed: TrendCells;
  published: Published;
  periods: Periods;
}) {
  const { k, disclosure } = props.published;
  const { today } = props.periods;
  const value = (cells: TrendCells, m: string) =>
    cells.find((c) => c.month === m) ?? { count: 0, suppressed: false };
  const rows = props.months.map((m) => ({
    month: m,
    opened: value(props.opened, m),
    closed: value(props.closed, m),
  }));
  const columns: Column<(typeof rows)[number]>[] = [
    {
      id: "month",
      header: t("dim.month"),
      cell: (r) => textCell(monthLabel(r.month, today), r.month),
    },
    {
      id: "opened",
      header: t("measure.opened"),
      cell: (r) => countCell(r.opened.count, r.opened.suppressed, k),
    },
    {
      id: "closed",
      header: t("measure.closed"),
      cell: (r) => countCell(r.closed.count, r.closed.suppressed, k),
    },
  ];
  const chart = rows.map((r) => ({
    month: r.month,
    opened: r.opened.suppressed ? null : r.opened.count,
    closed: r.closed.suppressed ? null : r.closed.count,
  }));
  return (
    <>
      <PartialMonthNote month={props.periods.month} asOf={today} today={today} />
      <div className="figure-body">
        <LineFigure
          data={chart}
          series={[
            { key: "opened", label: t("measure.opened") },
            { key: "closed", label: t("measure.closed") },
          ]}
          k={k}
          height={220}
        />
        <DataTable
          caption={trendCaption(props.periods)}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.month}
          k={k}
          disclosure={disclosure}
          asOf={props.periods.now}
        />
      </div>
    </>
  );
}
