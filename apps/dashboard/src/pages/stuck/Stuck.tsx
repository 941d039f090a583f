import { useMetric, useSession, useStuckCases } from "../../api/queries";
import type {
  CasePage,
  Catalogues,
  Dimension,
  StuckCell,
  Stuck as StuckData,
} from "../../api/types";
import { Breakdown } from "../../components/Breakdown";
import { BarFigure, ChartGroup } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { DisclosureNote } from "../../components/DisclosureNote";
import { EmptyState, QueryState } from "../../components/QueryState";
import {
  type Cell,
  chartValue,
  countCell,
  formatNumber,
  linkCell,
  statCell,
  textCell,
} from "../../lib/cells";
import { mostlyWithheld, topN } from "../../lib/chart-data";
import { cellFilters, drillHref, stepLeadTimes } from "../../lib/drill";
import type { FilterSearch, Filters } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { dimensionLabel, groupKey, groupLabel, nameOf, stepName } from "../../lib/names";
import { useFilters } from "../../lib/use-filters";
import { usePage, withExtra } from "../common";
import { MetricPage } from "../MetricPage";
import { matchingCases, type StuckCaseRow, stuckCaseRow } from "./stuck-cases";

export function Stuck() {
  const { params, filters } = usePage();
  // Case-level data is for samordnare (their own units' cases); leaders see the counts only.
  const samordnare = useSession().role === "samordnare";
  const ownCases = useStuckCases(samordnare);
  // Step numbers belong to a process, so steps are always grouped with their process.
  const byStep = useMetric("stuck", withExtra(params, { groupBy: "process,step" }));
  const byUnit = useMetric("stuck", withExtra(params, { groupBy: "leadUnit" }));
  // Above the counts it explains, not above a samordnare's own list, whose days are exact.
  const published = [byStep.data, byUnit.data].find((d) => d !== undefined && d.cells.length > 0);
  return (
    <MetricPage title={t("stuck.heading")} intro={t("stuck.intro")} definition="definition.stuck">
      {(c) => (
        <>
          {samordnare && (
            <section className="figure">
              <h2>{t("stuck.own_caption")}</h2>
              <QueryState query={ownCases}>
                {(page) => <OwnStuckCases page={page} catalogues={c} filters={filters} />}
              </QueryState>
            </section>
          )}
          {published && <DisclosureNote of={published} />}
          <section className="figure">
            <h2>{t("stuck.by_step_caption")}</h2>
            <QueryState query={byStep} isEmpty={(d) => d.cells.length === 0}>
              {(data) => (
                <StuckBody
                  data={data}
                  catalogues={c}
                  caption={t("stuck.by_step_caption")}
                  params={params}
                  coarser={[
                    { groupBy: "process", caption: t("stuck.by_process_caption") },
                    { groupBy: null, caption: t("stuck.total_caption") },
                  ]}
                />
              )}
            </QueryState>
          </section>
          <section className="figure">
            <h2>{t("stuck.by_unit_caption")}</h2>
            <QueryState query={byUnit} isEmpty={(d) => d.cells.length === 0}>
              {(data) => (
                <StuckBody
                  data={data}
                  catalogues={c}
                  caption={t("stuck.by_unit_caption")}
                  params={params}
                  coarser={[{ groupBy: null, caption: t("stuck.total_caption") }]}
                />
              )}
            </QueryState>
          </section>
        </>
      )}
    </MetricPage>
  );
}

/** A coarser grouping to fall back on when a breakdown is mostly withheld (null: the total). */
interface Coarser {
  readonly groupBy: string | null;
  readonly caption: string;
}

/** Stuck cases grouped as asked, fetched on their own: the coarser figure of a thin breakdown. */
function CoarserStuck(props: {
  params: URLSearchParams;
  coarser: readonly Coarser[];
  catalogues: Catalogues;
}) {
  const [level, ...coarser] = props.coarser;
  const query = useMetric("stuck", withExtra(props.params, { groupBy: level?.groupBy ?? null }));
  if (level === undefined) return null;
  return (
    <QueryState query={query} isEmpty={(d) => d.cells.length === 0}>
      {(data) => (
        <StuckBody
          data={data}
          catalogues={props.catalogues}
          caption={level.caption}
          params={props.params}
          coarser={coarser}
          tableOnly
        />
      )}
    </QueryState>
  );
}

type StuckRow = { cell: StuckCell; key: string; label: string; href: string | null };

function StuckBody(props: {
  data: StuckData;
  catalogues: Catalogues;
  caption: string;
  params: URLSearchParams;
  /** Coarser groupings, finest first, for when this one is mostly withheld. */
  coarser: readonly Coarser[];
  /** The coarser figure beside a thin breakdown: its table, without a chart of its own. */
  tableOnly?: boolean;
}) {
  const { data, catalogues } = props;
  const { search } = useFilters();
  const k = data.k;
  const byStep = data.groupBy.includes("step");
  const rows: StuckRow[] = data.cells.map((cell) => ({
    cell,
    key: groupKey(data.groupBy, cell),
    label: groupLabel(catalogues, data.groupBy, cell),
    href: drillLink(catalogues, data.groupBy, cell, search),
  }));
  const target = (c: StuckCell) =>
    catalogues.processes.find((p) => p.code === c.process)?.steps.find((s) => s.number === c.step)
      ?.targetDays ?? null;
  const columns: Column<StuckRow>[] = [
    {
      id: "group",
      header: dimensionLabel(data.groupBy),
      cell: (r) => linkCell(r.label, r.href),
    },
    {
      id: "count",
      header: t("table.count"),
      cell: (r) => countCell(r.cell.count, countWithheld(r.cell), k),
    },
    {
      id: "over",
      header: t("stuck.median_over"),
      cell: (r) => statCell(r.cell.medianDaysOver, r.cell.withheld.includes("medianDaysOver"), k),
    },
  ];
  if (byStep) {
    columns.splice(1, 0, {
      id: "target",
      header: t("stuck.target_days"),
      cell: (r) => {
        const days = target(r.cell);
        return days === null
          ? textCell("–")
          : { ...textCell(String(days), days), numeric: true, export: days };
      },
    });
  }
  const table = (
    <DataTable
      caption={props.caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      k={k}
      disclosure={data.disclosure}
      asOf={data.asOf}
      initialSort={{ id: "count", descending: true }}
    />
  );
  const withheld = rows.map((r) => countWithheld(r.cell));
  if (props.tableOnly && !mostlyWithheld(withheld)) return table;
  const coarser =
    props.coarser.length === 0 ? undefined : (
      <CoarserStuck params={props.params} coarser={props.coarser} catalogues={catalogues} />
    );
  return (
    <Breakdown
      withheld={withheld}
      coarser={coarser}
      table={table}
      chart={
        byStep ? (
          <StepCharts rows={rows} catalogues={catalogues} k={k} />
        ) : (
          <UnitChart rows={rows} groupBy={data.groupBy} k={k} />
        )
      }
    />
  );
}

function countWithheld(cell: StuckCell): boolean {
  return cell.withheld.includes("count") || cell.count === null;
}

/**
 * A group's drill-down: a step opens the lead times of that step in its process; a group the
 * filters can express opens Ledtider filtered to it; a unit has no filter, so no link.
 */
function drillLink(
  catalogues: Catalogues,
  groupBy: readonly Dimension[],
  cell: StuckCell,
  search: FilterSearch,
): string | null {
  if (cell.process != null && cell.step != null) {
    return drillHref("/ledtider", search, stepLeadTimes(catalogues, cell.process, cell.step));
  }
  const filters = cellFilters(groupBy, cell);
  return filters === null ? null : drillHref("/ledtider", search, filters);
}

/**
 * Small multiples, one chart per process: step numbers belong to a process, and a label that
 * starts with the process name would be cut before the step that tells bars apart. Steps in
 * their order in the process.
 */
function StepCharts(props: { rows: readonly StuckRow[]; catalogues: Catalogues; k: number }) {
  const { catalogues } = props;
  const processes = [...new Set(props.rows.map((r) => r.cell.process ?? ""))];
  return (
    <div>
      {processes.map((process) => {
        const steps = props.rows
          .filter((r) => (r.cell.process ?? "") === process)
          .sort((a, b) => (a.cell.step ?? 0) - (b.cell.step ?? 0))
          .map((r) => ({
            label: t("chart.step_label", {
              n: r.cell.step ?? "",
              name: stepOnlyName(catalogues, process, r.cell.step),
            }),
            count: chartValue(r.cell.count, countWithheld(r.cell)),
            href: r.href,
          }));
        return (
          <ChartGroup key={process} heading={nameOf(catalogues, "process", process)}>
            <BarFigure
              data={steps}
              category="label"
              series={[{ key: "count", label: t("table.count") }]}
              k={props.k}
            />
          </ChartGroup>
        );
      })}
    </div>
  );
}

function stepOnlyName(catalogues: Catalogues, process: string, step: number | null | undefined) {
  const steps = catalogues.processes.find((p) => p.code === process)?.steps;
  return steps?.find((s) => s.number === step)?.name ?? "";
}

/** The units with the most stuck cases; how many more there are is said under the chart. */
function UnitChart(props: { rows: readonly StuckRow[]; groupBy: readonly Dimension[]; k: number }) {
  const sorted = [...props.rows].sort((a, b) => (b.cell.count ?? -1) - (a.cell.count ?? -1));
  const { shown, rest } = topN(sorted, chartBars);
  const groups = props.groupBy[0];
  return (
    <BarFigure
      data={shown.map((r) => ({
        label: r.label,
        count: chartValue(r.cell.count, countWithheld(r.cell)),
        href: r.href,
      }))}
      category="label"
      series={[{ key: "count", label: t("table.count") }]}
      k={props.k}
      note={
        rest === 0 || groups === undefined
          ? undefined
          : t("chart.top_n", { shown: shown.length, rest, groups: t(`chart.groups.${groups}`) })
      }
    />
  );
}

/** More bars than this do not fit a screen; the table keeps every group. */
const chartBars = 20;

/**
 * A samordnare's own stuck cases, one row each, the most days over target first: the work list
 * behind the counts. Pseudonymous: Samsyn's case id, never the source system's ref.
 */
function OwnStuckCases(props: { page: CasePage; catalogues: Catalogues; filters: Filters }) {
  const { page, catalogues } = props;
  const rows = matchingCases(page.items, props.filters, catalogues).map((c) =>
    stuckCaseRow(c, catalogues),
  );
  if (rows.length === 0) return <EmptyState />;
  const columns: Column<StuckCaseRow>[] = [
    {
      id: "id",
      header: t("stuck.case_id"),
      cell: (r) => ({ ...numberCell(r.id), text: String(r.id) }),
    },
    {
      id: "process",
      header: t("dim.process"),
      cell: (r) => textCell(nameOf(catalogues, "process", r.process)),
    },
    {
      id: "step",
      header: t("dim.step"),
      cell: (r) =>
        r.step === null ? textCell("–", null) : textCell(stepName(catalogues, r.process, r.step)),
    },
    { id: "daysInStep", header: t("stuck.days_in_step"), cell: (r) => numberCell(r.daysInStep) },
    { id: "target", header: t("stuck.target_days"), cell: (r) => numberCell(r.targetDays) },
    { id: "daysOver", header: t("stuck.days_over"), cell: (r) => numberCell(r.daysOver) },
    {
      id: "leadUnit",
      header: t("dim.leadUnit"),
      cell: (r) => textCell(nameOf(catalogues, "leadUnit", r.leadUnit)),
    },
  ];
  return (
    <>
      {page.total > page.items.length && (
        <p className="state">
          {t("stuck.own_truncated", { shown: page.items.length, total: page.total })}
        </p>
      )}
      <DataTable
        caption={t("stuck.own_caption")}
        explanation={t("stuck.own_note")}
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.id)}
        initialSort={{ id: "daysOver", descending: true }}
      />
    </>
  );
}

function numberCell(value: number | null): Cell {
  if (value === null) return { ...textCell("–", null), numeric: true };
  return { text: formatNumber(value), sort: value, export: value, numeric: true };
}
