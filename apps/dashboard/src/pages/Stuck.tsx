import { useMetric } from "../api/queries";
import type { Catalogues, StuckCell, Stuck as StuckData } from "../api/types";
import { PageHeading } from "../components/Controls";
import { BarFigure } from "../components/charts";
import { type Column, DataTable } from "../components/DataTable";
import { QueryState } from "../components/QueryState";
import { chartValue, countCell, statCell, textCell } from "../lib/cells";
import { t } from "../lib/i18n";
import { dimensionLabel, groupKey, groupLabel } from "../lib/names";
import { usePage, withExtra } from "./common";

export function Stuck() {
  const { catalogues, params } = usePage();
  // Step numbers belong to a process, so steps are always grouped with their process.
  const byStep = useMetric("stuck", withExtra(params, { groupBy: "process,step" }));
  const byUnit = useMetric("stuck", withExtra(params, { groupBy: "leadUnit" }));
  return (
    <>
      <PageHeading title={t("stuck.heading")} intro={t("stuck.intro")} />
      <QueryState query={catalogues}>
        {(c) => (
          <>
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
        asOf={data.asOf}
        initialSort={{ id: "count", descending: true }}
      />
    </div>
  );
}
