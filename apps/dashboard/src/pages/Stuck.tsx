import { useMetric, useSession, useStuckCases } from "../api/queries";
import type { CasePage, Catalogues, StuckCell, Stuck as StuckData } from "../api/types";
import { PageHeading } from "../components/Controls";
import { BarFigure } from "../components/charts";
import { type Column, DataTable } from "../components/DataTable";
import { DisclosureNote } from "../components/DisclosureNote";
import { EmptyState, QueryState } from "../components/QueryState";
import { type Cell, chartValue, countCell, formatNumber, statCell, textCell } from "../lib/cells";
import type { Filters } from "../lib/filters";
import { t } from "../lib/i18n";
import { dimensionLabel, groupKey, groupLabel, nameOf, stepName } from "../lib/names";
import { usePage, withExtra } from "./common";
import { matchingCases, type StuckCaseRow, stuckCaseRow } from "./stuck-cases";

export function Stuck() {
  const { catalogues, params, filters } = usePage();
  // Case-level data is for samordnare (their own units' cases); leaders see the counts only.
  const samordnare = useSession().role === "samordnare";
  const ownCases = useStuckCases(samordnare);
  // Step numbers belong to a process, so steps are always grouped with their process.
  const byStep = useMetric("stuck", withExtra(params, { groupBy: "process,step" }));
  const byUnit = useMetric("stuck", withExtra(params, { groupBy: "leadUnit" }));
  // Above the counts it explains, not above a samordnare's own list, whose days are exact.
  const published = [byStep.data, byUnit.data].find((d) => d !== undefined && d.cells.length > 0);
  return (
    <>
      <PageHeading
        title={t("stuck.heading")}
        intro={t("stuck.intro")}
        definition="definition.stuck"
      />
      <QueryState query={catalogues}>
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
                    withTarget
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
                    withTarget={false}
                  />
                )}
              </QueryState>
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}

function StuckBody(props: {
  data: StuckData;
  catalogues: Catalogues;
  caption: string;
  withTarget: boolean;
}) {
  const { data, catalogues } = props;
  const k = data.k;
  const rows = data.cells.map((cell) => ({
    cell,
    key: groupKey(data.groupBy, cell),
    label: groupLabel(catalogues, data.groupBy, cell),
  }));
  const target = (c: StuckCell) =>
    catalogues.processes.find((p) => p.code === c.process)?.steps.find((s) => s.number === c.step)
      ?.targetDays ?? null;
  const columns: Column<(typeof rows)[number]>[] = [
    { id: "group", header: dimensionLabel(data.groupBy), cell: (r) => textCell(r.label) },
    {
      id: "count",
      header: t("table.count"),
      cell: (r) =>
        countCell(r.cell.count, r.cell.withheld.includes("count") || r.cell.count === null, k),
    },
    {
      id: "over",
      header: t("stuck.median_over"),
      cell: (r) => statCell(r.cell.medianDaysOver, r.cell.withheld.includes("medianDaysOver"), k),
    },
  ];
  if (props.withTarget) {
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
  const chart = [...rows]
    .sort((a, b) => (b.cell.count ?? -1) - (a.cell.count ?? -1))
    .slice(0, 20)
    .map((r) => ({ label: r.label, count: chartValue(r.cell.count, r.cell.count === null) }));
  return (
    <div className="figure-body">
      <BarFigure
        data={chart}
        category="label"
        series={[{ key: "count", label: t("table.count") }]}
        k={k}
      />
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
    </div>
  );
}

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
