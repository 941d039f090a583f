import { useMetric } from "../api/queries";
import type { Catalogues, Published } from "../api/types";
import { PageHeading } from "../components/Controls";
import { LineFigure } from "../components/charts";
import { type Column, DataTable } from "../components/DataTable";
import { DisclosureNote } from "../components/DisclosureNote";
import { firstNotReady, QueryState } from "../components/QueryState";
import { type Cell, countCell, formatNumber, percentCell, statCell, textCell } from "../lib/cells";
import { addMonths, firstDayOf, lastDayOf, stockholmToday } from "../lib/filters";
import { t } from "../lib/i18n";
import { singleProcess } from "../lib/names";
import { usePage, withExtra } from "./common";
import {
  comparePeriods,
  type Headline,
  headlines,
  latestMonth,
  type Snapshot,
} from "./overview-figures";

/**
 * Headline figures as of the end of the chosen month (the filter's "to", else the latest month
 * with cases), each compared with the end of the month before.
 */
export function Overview() {
  const { catalogues } = usePage();
  return (
    <>
      <PageHeading title={t("overview.heading")} intro={t("overview.intro")} />
      <QueryState query={catalogues}>{(c) => <Headlines catalogues={c} />}</QueryState>
    </>
  );
}

/**
 * Without a chosen month, the latest month with opened cases: the current month in daily use,
 * and the month the data ends in for an older extract (the demo county ends in June 2025).
 */
function Headlines({ catalogues }: { catalogues: Catalogues }) {
  const { filters, params } = usePage();
  const latest = useMetric(
    "trend",
    withExtra(params, { measure: "opened", to: null }),
    filters.to === null,
  );
  if (filters.to !== null) return <HeadlineFigures catalogues={catalogues} month={filters.to} />;
  return (
    <QueryState query={latest}>
      {(data) => (
        <HeadlineFigures
          catalogues={catalogues}
          month={latestMonth(data.cells, stockholmToday())}
        />
      )}
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

function HeadlineFigures({ catalogues, month }: { catalogues: Catalogues; month: string }) {
  const { filters, params } = usePage();
  const periods = comparePeriods(month, stockholmToday());
  const process = singleProcess(catalogues, filters.codes.process);
  const lead = process === null ? null : { process, fromStep: "1", toStep: "3" };
  const now = useSnapshot(params, periods.now, lead);
  const previous = useSnapshot(params, periods.previous, lead);
  const window = {
    from: firstDayOf(addMonths(month, -11)),
    to: lastDayOf(month),
    asOf: periods.now,
  };
  const opened = useMetric("trend", withExtra(params, { ...window, measure: "opened" }));
  const closed = useMetric("trend", withExtra(params, { ...window, measure: "closed" }));
  const notReady = firstNotReady([
    ...Object.values(now),
    ...Object.values(previous),
    opened,
    closed,
  ]);
  const nowData = snapshotOf(now);
  const previousData = snapshotOf(previous);
  if (notReady !== undefined || !nowData || !previousData || !opened.data || !closed.data) {
    return <QueryState query={notReady ?? opened}>{() => null}</QueryState>;
  }
  const figures = headlines(
    nowData,
    previousData,
    { opened: opened.data.cells, closed: closed.data.cells },
    month,
  );
  const published = nowData.open;
  const k = published.k;
  return (
    <>
      <DisclosureNote of={published} />
      <HeadlineCards headlines={figures} k={k} previous={periods.previous} />
      <HeadlineTable headlines={figures} published={published} asOf={periods.now} />
      <section className="figure">
        <h2>{t("overview.trend_caption")}</h2>
        <TrendFigure
          months={months(month)}
          opened={opened.data.cells}
          closed={closed.data.cells}
          published={opened.data}
          asOf={periods.now}
        />
      </section>
    </>
  );
}

function months(last: string): string[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11));
}

function display(h: Headline, which: "now" | "previous", k: number): Cell {
  const v = h[which];
  if (h.kind === "count") return countCell(v.value, v.suppressed, k);
  if (h.kind === "share") {
    return v.suppressed || v.value === null ? statCell(null, true, k) : percentCell(v.value);
  }
  return statCell(v.value, v.suppressed, k);
}

function change(h: Headline): string {
  const { now, previous } = h;
  if (now.suppressed || previous.suppressed || now.value === null || previous.value === null)
    return t("overview.no_change_figure");
  const diff = now.value - previous.value;
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  const magnitude = Math.abs(diff);
  if (h.kind === "share")
    return t("overview.points", {
      value: `${sign}${formatNumber(Math.round(magnitude * 1000) / 10)}`,
    });
  return `${sign}${formatNumber(magnitude)}`;
}

function HeadlineCards(props: { headlines: readonly Headline[]; k: number; previous: string }) {
  return (
    <ul className="cards">
      {props.headlines.map((h) => {
        const now = display(h, "now", props.k);
        return (
          <li key={h.label} className="card">
            <span className="card-label">{h.label}</span>
            <span className="card-value" title={now.title}>
              {now.text}
            </span>
            <span className="card-change">
              {t("overview.change", { previous: props.previous, change: change(h) })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function HeadlineTable(props: {
  headlines: readonly Headline[];
  published: Published;
  asOf: string;
}) {
  const { k, disclosure } = props.published;
  const columns: Column<Headline>[] = [
    { id: "figure", header: t("overview.figure"), cell: (h) => textCell(h.label) },
    { id: "now", header: t("overview.now"), cell: (h) => display(h, "now", k) },
    {
      id: "previous",
      header: t("overview.previous"),
      cell: (h) => display(h, "previous", k),
    },
  ];
  return (
    <DataTable
      caption={t("overview.figures_caption")}
      columns={columns}
      rows={props.headlines}
      rowKey={(h) => h.label}
      k={k}
      disclosure={disclosure}
      asOf={props.asOf}
    />
  );
}

type TrendCells = readonly { month: string; count: number | null; suppressed: boolean }[];

function TrendFigure(props: {
  months: readonly string[];
  opened: TrendCells;
  closed: TrendCells;
  published: Published;
  asOf: string;
}) {
  const { k, disclosure } = props.published;
  const value = (cells: TrendCells, m: string) =>
    cells.find((c) => c.month === m) ?? { count: 0, suppressed: false };
  const rows = props.months.map((m) => ({
    month: m,
    opened: value(props.opened, m),
    closed: value(props.closed, m),
  }));
  const columns: Column<(typeof rows)[number]>[] = [
    { id: "month", header: t("dim.month"), cell: (r) => textCell(r.month) },
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
        caption={t("overview.trend_caption")}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.month}
        k={k}
        disclosure={disclosure}
        asOf={props.asOf}
      />
    </div>
  );
}
