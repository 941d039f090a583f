import type { ReactNode } from "react";
import { useMetric } from "../../api/queries";
import type { Catalogues, LeadTimeCell, LeadTimes as LeadTimesData } from "../../api/types";
import { Breakdown } from "../../components/Breakdown";
import { ParamSelect } from "../../components/Controls";
import { BarFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { countCell, linkCell, statCell, textCell } from "../../lib/cells";
import { topN } from "../../lib/chart-data";
import { cellFilters, drillHref } from "../../lib/drill";
import { t } from "../../lib/i18n";
import { dimensionLabel, groupKey, groupLabel, nameOf, singleProcess } from "../../lib/names";
import { useFilters } from "../../lib/use-filters";
import { chosenGroupBy, usePage, withExtra } from "../common";
import { GroupBySelect, MetricAnswer, MetricPage } from "../MetricPage";
import { leadTimeGroupings, leadTimesRoute } from "./route";

export function LeadTimes() {
  return (
    <MetricPage title={t("lead.heading")} definition="definition.leadTimes">
      {(c) => <LeadTimeFigure catalogues={c} />}
    </MetricPage>
  );
}

/** The target for a → b: the sum of the target days of steps a … b−1, when all have one. */
export function targetDays(
  catalogues: Catalogues,
  process: string,
  from: number,
  to: number,
): number | null {
  const steps = catalogues.processes.find((p) => p.code === process)?.steps ?? [];
  const between = steps.filter((s) => s.number >= from && s.number < to);
  if (between.length === 0 || between.some((s) => s.targetDays === null)) return null;
  return between.reduce((sum, s) => sum + (s.targetDays ?? 0), 0);
}

function LeadTimeFigure({ catalogues }: { catalogues: Catalogues }) {
  const { filters, params } = usePage();
  const search = leadTimesRoute.useSearch();
  const process = singleProcess(catalogues, filters.codes.process) ?? "";
  const steps = catalogues.processes.find((p) => p.code === process)?.steps ?? [];
  const fromStep = search.fromStep ?? 1;
  const toStep = search.toStep ?? 3;
  const groupBy = chosenGroupBy(search.groupBy, "targetGroup");
  const valid =
    toStep > fromStep &&
    steps.some((s) => s.number === fromStep) &&
    steps.some((s) => s.number === toStep);
  const query = useMetric(
    "lead-times",
    withExtra(params, {
      process,
      fromStep: String(fromStep),
      toStep: String(toStep),
      groupBy: groupBy ?? null,
    }),
    valid,
  );
  const stepOptions = steps.map((s) => ({ code: String(s.number), name: `${s.number} ${s.name}` }));
  const target = targetDays(catalogues, process, fromStep, toStep);
  return (
    <section className="figure">
      <p className="intro">{nameOf(catalogues, "process", process)}</p>
      <div className="controls">
        <ParamSelect
          param="fromStep"
          label={t("lead.from_step")}
          options={stepOptions}
          value={String(fromStep)}
        />
        <ParamSelect
          param="toStep"
          label={t("lead.to_step")}
          options={stepOptions}
          value={String(toStep)}
        />
        <GroupBySelect groupings={leadTimeGroupings} value={groupBy} />
      </div>
      <p>{target === null ? t("lead.no_target") : t("lead.target", { days: target })}</p>
      {!valid ? (
        <p role="alert">{t("lead.steps_invalid")}</p>
      ) : (
        <MetricAnswer query={query}>
          {(data) => (
            <LeadTimeBody
              data={data}
              catalogues={catalogues}
              target={target}
              coarser={
                groupBy === null ? undefined : (
                  <CoarserLeadTimes
                    params={withExtra(params, {
                      process,
                      fromStep: String(fromStep),
                      toStep: String(toStep),
                      groupBy: null,
                    })}
                    catalogues={catalogues}
                    target={target}
                  />
                )
              }
            />
          )}
        </MetricAnswer>
      )}
    </section>
  );
}

/** The lead time for all groups together: the coarser figure beside a thin breakdown. */
function CoarserLeadTimes(props: {
  params: URLSearchParams;
  catalogues: Catalogues;
  target: number | null;
}) {
  const query = useMetric("lead-times", props.params);
  return (
    <MetricAnswer query={query} disclosure={false}>
      {(data) => (
        <LeadTimeBody data={data} catalogues={props.catalogues} target={props.target} tableOnly />
      )}
    </MetricAnswer>
  );
}

/** More bars than this do not fit a screen; the table keeps every group. */
const chartGroups = 20;

function LeadTimeBody(props: {
  data: LeadTimesData;
  catalogues: Catalogues;
  target: number | null;
  coarser?: ReactNode;
  tableOnly?: boolean;
}) {
  const { data, catalogues, target } = props;
  const { search } = useFilters();
  const k = data.k;
  const rows = data.cells.map((cell) => {
    const filters = cellFilters(data.groupBy, cell);
    return {
      cell,
      key: groupKey(data.groupBy, cell),
      label: groupLabel(catalogues, data.groupBy, cell, data.process),
      // A group's stuck cases in the same process: where its lead time is being lost.
      href:
        filters === null
          ? null
          : drillHref("/fastnade", search, { ...filters, process: data.process }),
    };
  });
  const withheld = (c: LeadTimeCell, n: string) => c.withheld.includes(n);
  const columns: Column<(typeof rows)[number]>[] = [
    {
      id: "group",
      header: dimensionLabel(data.groupBy),
      cell: (r) => linkCell(r.label, r.href),
    },
    { id: "n", header: t("lead.n"), cell: (r) => countCell(r.cell.n, withheld(r.cell, "n"), k) },
    {
      id: "median",
      header: t("lead.median"),
      cell: (r) => statCell(r.cell.median, withheld(r.cell, "median"), k),
    },
    {
      id: "p90",
      header: t("lead.p90"),
      cell: (r) => statCell(r.cell.p90, withheld(r.cell, "p90"), k),
    },
    {
      id: "pending",
      header: t("lead.pending", { to: data.toStep }),
      cell: (r) => countCell(r.cell.pending, withheld(r.cell, "pending"), k),
    },
  ];
  if (target !== null) {
    columns.push({
      id: "over",
      header: t("lead.over_target"),
      cell: (r) =>
        r.cell.median === null
          ? statCell(null, true, k)
          : textCell(r.cell.median > target ? t("lead.yes") : t("lead.no")),
    });
  }
  const caption = t("lead.caption", {
    from: data.fromStep,
    to: data.toStep,
    process: nameOf(catalogues, "process", data.process),
  });
  const table = (
    <DataTable
      caption={data.groupBy.length === 0 ? t("chart.total_of", { caption }) : caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      k={k}
      disclosure={data.disclosure}
      asOf={data.asOf}
    />
  );
  if (props.tableOnly) return table;
  const largest = [...rows].sort((a, b) => (b.cell.n ?? -1) - (a.cell.n ?? -1));
  const { shown, rest } = topN(largest, chartGroups);
  const chart = rows
    .filter((r) => shown.includes(r))
    .map((r) => ({
      label: r.label,
      median: withheld(r.cell, "median") ? null : r.cell.median,
      p90: withheld(r.cell, "p90") ? null : r.cell.p90,
      href: r.href,
    }));
  const dimension = data.groupBy[0];
  return (
    <Breakdown
      withheld={rows.map((r) => withheld(r.cell, "median") || r.cell.median === null)}
      coarser={props.coarser}
      table={table}
      chart={
        <BarFigure
          data={chart}
          category="label"
          series={[
            { key: "median", label: t("lead.median") },
            { key: "p90", label: t("lead.p90") },
          ]}
          k={k}
          reference={
            target === null
              ? null
              : { value: target, label: t("lead.target_short", { days: target }) }
          }
          note={
            rest === 0 || dimension === undefined
              ? undefined
              : t("chart.top_n", {
                  shown: shown.length,
                  rest,
                  groups: t(`chart.groups.${dimension}`),
                })
          }
        />
      }
    />
  );
}
