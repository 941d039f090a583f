import { useEscalationMetric } from "../../api/escalations";
import { BarFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { disclosureText } from "../../components/DisclosureNote";
import { QueryState } from "../../components/QueryState";
import { chartValue, countCell, formatPercent, statCell, textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { useScope } from "../../lib/scope";
import { PeriodChoice } from "../forums/fields";
import { isWithheld, type MetricRow, metricPeriod, metricRows } from "./escalations";

/**
 * `GET /metrics/escalations`: open escalations at the period's end and those resolved in it, by
 * level, with the median days to resolution — counts published like every metric (".." when
 * withheld, the disclosure sentence above), as a chart and its table.
 */
export function EscalationMetric(props: { fromMonth: string; toMonth: string }) {
  const period = metricPeriod({ from: props.fromMonth, to: props.toMonth });
  const metric = useEscalationMetric(period.from, period.to);
  const scope = useScope();
  const today = stockholmToday();
  return (
    <section className="figure" aria-labelledby="escalation-metric-heading">
      <h2 id="escalation-metric-heading">{t("escalationsPage.metric.heading")}</h2>
      {scope !== undefined && <p className="scope-line">{t("scope.line", { scope })}</p>}
      <PeriodChoice from={props.fromMonth} to={props.toMonth} unit="month" />
      <QueryState query={metric}>
        {(data) => {
          const rows = metricRows(data.cells, data.total);
          const columns: Column<MetricRow>[] = [
            {
              id: "level",
              header: t("escalationsPage.col.level"),
              cell: (r) => textCell(r.label, r.key),
            },
            {
              id: "open",
              header: t("escalationsPage.metric.open"),
              cell: (r) => countCell(r.cell.open, isWithheld(r.cell, "open"), data.k),
            },
            {
              id: "resolved",
              header: t("escalationsPage.metric.resolved"),
              cell: (r) => countCell(r.cell.resolved, isWithheld(r.cell, "resolved"), data.k),
            },
            {
              id: "median",
              header: t("escalationsPage.metric.median"),
              cell: (r) =>
                isWithheld(r.cell, "medianDaysToResolution")
                  ? statCell(null, true, data.k)
                  : r.cell.medianDaysToResolution === null
                    ? { ...textCell(t("forumsPage.not_applicable")), sort: null, numeric: true }
                    : statCell(r.cell.medianDaysToResolution, false, data.k),
            },
          ];
          const levelRows = rows.filter((r) => r.key !== "total");
          return (
            <>
              <div className="disclosure-note">
                <p>
                  {t("escalationsPage.metric.period", {
                    // Open at the end of `to`: a month not yet over is read as of today.
                    openAt: earlierDate(data.to, today),
                    from: data.from ?? t("escalationsPage.metric.first"),
                    to: data.to,
                  })}
                </p>
                <p>{disclosureText(data)}</p>
                {data.shareResolvedAtLevel1 !== null && (
                  <p>
                    {t("escalationsPage.metric.share_level1", {
                      share: formatPercent(data.shareResolvedAtLevel1),
                    })}
                  </p>
                )}
              </div>
              <div className="figure-body">
                <BarFigure
                  data={levelRows.map((r) => ({
                    label: r.shortLabel,
                    open: chartValue(r.cell.open, isWithheld(r.cell, "open")),
                    resolved: chartValue(r.cell.resolved, isWithheld(r.cell, "resolved")),
                  }))}
                  category="label"
                  series={[
                    { key: "open", label: t("escalationsPage.metric.open") },
                    { key: "resolved", label: t("escalationsPage.metric.resolved") },
                  ]}
                  k={data.k}
                />
                <DataTable
                  caption={t("escalationsPage.metric.caption")}
                  columns={columns}
                  rows={rows}
                  rowKey={(r) => r.key}
                  k={data.k}
                  disclosure={data.disclosure}
                />
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** The earlier of two dates (`YYYY-MM-DD` compares as text). */
function earlierDate(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}
