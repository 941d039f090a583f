import { type QuarterFollowUp, useFollowUp } from "../../api/forums";
import { BarFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { type Cell, formatNumber, percentCell, textCell } from "../../lib/cells";
import { t } from "../../lib/i18n";
import { PeriodChoice } from "./fields";
import { followUpSummary, quarterName, quarterPoints } from "./forums";

/** A figure the follow-up has none of (nothing was due, nothing done): a dash, not a zero. */
function noneCell(): Cell {
  return { text: t("forumsPage.not_applicable"), sort: null, export: "", numeric: true };
}

const countCell = (value: number): Cell => ({
  text: formatNumber(value),
  sort: value,
  export: value,
  numeric: true,
});

/**
 * The forum's follow-up per quarter (SPEC `GET /forums/{id}/follow-up`): how many actions were
 * decided, done and overdue, the share done on time and the median days to done. Actions are
 * not people: exact numbers, nothing withheld. Two charts, one per unit, and the table.
 */
export function FollowUp(props: { forumId: string; from: string; to: string }) {
  const followUp = useFollowUp(props.forumId, props.from, props.to);
  const columns: Column<QuarterFollowUp>[] = [
    {
      id: "quarter",
      header: t("forumsPage.col.quarter"),
      cell: (q) => textCell(quarterName(q.quarter), q.quarter),
    },
    { id: "created", header: t("forumsPage.col.created"), cell: (q) => countCell(q.created) },
    { id: "done", header: t("forumsPage.col.done"), cell: (q) => countCell(q.done) },
    { id: "overdue", header: t("forumsPage.col.overdue"), cell: (q) => countCell(q.overdue) },
    { id: "due", header: t("forumsPage.col.due_in_quarter"), cell: (q) => countCell(q.due) },
    {
      id: "onTime",
      header: t("forumsPage.col.done_on_time"),
      cell: (q) => countCell(q.doneOnTime),
    },
    {
      id: "rate",
      header: t("forumsPage.col.rate"),
      cell: (q) => (q.completionRate === null ? noneCell() : percentCell(q.completionRate)),
    },
    {
      id: "median",
      header: t("forumsPage.col.median_days"),
      cell: (q) => (q.medianDaysToDone === null ? noneCell() : countCell(q.medianDaysToDone)),
    },
  ];
  return (
    <section className="figure" aria-labelledby="followup-heading">
      <h2 id="followup-heading">{t("forumsPage.followup.heading")}</h2>
      <p className="intro">{t("forumsPage.followup.intro")}</p>
      <PeriodChoice from={props.from} to={props.to} />
      <QueryState query={followUp}>
        {(data) => (
          <>
            <p>{followUpSummary(data.total)}</p>
            {/* The two charts side by side, the table of eight columns under them at full width. */}
            <div className="figure-body">
              <div>
                <QuarterChart
                  title={t("forumsPage.followup.rate_chart")}
                  points={quarterPoints(data.quarters, (q) =>
                    q.completionRate === null ? null : Math.round(q.completionRate * 100),
                  )}
                />
              </div>
              <div>
                <QuarterChart
                  title={t("forumsPage.followup.days_chart")}
                  points={quarterPoints(data.quarters, (q) => q.medianDaysToDone)}
                />
              </div>
            </div>
            <DataTable
              caption={t("forumsPage.followup.caption")}
              explanation={t("forumsPage.followup.explanation")}
              columns={columns}
              rows={data.quarters}
              rowKey={(q) => q.quarter}
              initialSort={{ id: "quarter", descending: false }}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

/**
 * One figure by quarter as bars. A quarter without one (nothing due, nothing done) is left out
 * and said under the chart: it is no withheld value, so it must not read "..".
 */
function QuarterChart(props: {
  title: string;
  points: readonly { label: string; value: number }[];
}) {
  return (
    <>
      <h3>{props.title}</h3>
      {props.points.length === 0 ? (
        <p className="chart-empty">{t("forumsPage.followup.chart_none")}</p>
      ) : (
        <BarFigure
          data={props.points}
          category="label"
          series={[{ key: "value", label: props.title }]}
          k={0}
          note={t("forumsPage.followup.chart_note")}
        />
      )}
    </>
  );
}
