import { useMetric } from "../api/queries";
import type { CaseCounts, Catalogues } from "../api/types";
import { PageHeading } from "../components/Controls";
import { BarFigure } from "../components/charts";
import { type Column, DataTable } from "../components/DataTable";
import { MatrixTable } from "../components/MatrixTable";
import { EmptyState, firstNotReady, QueryState } from "../components/QueryState";
import { chartValue, countCell, textCell } from "../lib/cells";
import { t } from "../lib/i18n";
import { dimensionLabel, groupKey, groupLabel, nameOf, singleProcess } from "../lib/names";
import { usePage, withExtra } from "./common";

export function Cases() {
  const { catalogues } = usePage();
  return (
    <>
      <PageHeading title={t("cases.heading")} />
      <QueryState query={catalogues}>{(c) => <CaseFigures catalogues={c} />}</QueryState>
    </>
  );
}

/**
 * The four figures appear together: one at a time, each would push the ones below it down
 * as it arrived.
 */
function CaseFigures({ catalogues }: { catalogues: Catalogues }) {
  const { filters, params } = usePage();
  // Steps are numbered per process, so the målgrupp × steg picture is for one process.
  const process = singleProcess(catalogues, filters.codes.process);
  const heatmap = useMetric(
    "cases",
    withExtra(params, { groupBy: "targetGroup,step", process: process === null ? [] : [process] }),
  );
  const byGroup = (groupBy: string) => withExtra(params, { groupBy });
  const byPrincipal = useMetric("cases", byGroup("leadPrincipal"));
  const byUnit = useMetric("cases", byGroup("leadUnit"));
  const byMunicipality = useMetric("cases", byGroup("municipality"));
  const breakdowns = [
    { query: byPrincipal, caption: t("cases.by_principal_caption") },
    { query: byUnit, caption: t("cases.by_unit_caption") },
    { query: byMunicipality, caption: t("cases.by_municipality_caption") },
  ];
  const waiting = firstNotReady([heatmap, byPrincipal, byUnit, byMunicipality]);
  if (waiting !== undefined) return <QueryState query={waiting}>{() => null}</QueryState>;
  return (
    <>
      <section className="figure">
        {heatmap.data && <Heatmap data={heatmap.data} catalogues={catalogues} process={process} />}
      </section>
      {breakdowns.map(({ query, caption }) => (
        <section className="figure" key={caption}>
          <h2>{caption}</h2>
          {query.data && (
            <CountFigure data={query.data} catalogues={catalogues} caption={caption} />
          )}
        </section>
      ))}
    </>
  );
}

function Heatmap(props: { data: CaseCounts; catalogues: Catalogues; process: string | null }) {
  const { data, catalogues, process } = props;
  if (data.cells.length === 0) return <EmptyState />;
  const steps = catalogues.processes.find((p) => p.code === process)?.steps ?? [];
  return (
    <MatrixTable
      caption={t("cases.heatmap_caption", { process: nameOf(catalogues, "process", process) })}
      rowHeader={t("dim.targetGroup")}
      rows={catalogues.targetGroups.map((g) => ({ key: g.code, label: g.name }))}
      columns={steps.map((s) => ({ key: String(s.number), label: `${s.number} ${s.name}` }))}
      value={(row, column) =>
        data.cells.find((c) => c.targetGroup === row && String(c.step) === column)
      }
      k={data.k}
      asOf={data.asOf}
    />
  );
}

/** A one-dimensional count: bars (most first, at most 20) and the full table beside them. */
function CountFigure(props: { data: CaseCounts; catalogues: Catalogues; caption: string }) {
  const { data, catalogues } = props;
  if (data.cells.length === 0) return <EmptyState />;
  const rows = data.cells.map((cell) => ({
    cell,
    key: groupKey(data.groupBy, cell),
    label: groupLabel(catalogues, data.groupBy, cell),
  }));
  const chartRows = [...rows]
    .sort((a, b) => (b.cell.count ?? -1) - (a.cell.count ?? -1))
    .slice(0, 20)
    .map((r) => ({ label: r.label, count: chartValue(r.cell.count, r.cell.suppressed) }));
  const columns: Column<(typeof rows)[number]>[] = [
    { id: "group", header: dimensionLabel(data.groupBy), cell: (r) => textCell(r.label) },
    {
      id: "count",
      header: t("table.count"),
      cell: (r) => countCell(r.cell.count, r.cell.suppressed, data.k),
    },
  ];
  return (
    <div className="figure-body">
      <BarFigure
        data={chartRows}
        category="label"
        series={[{ key: "count", label: t("table.count") }]}
        k={data.k}
      />
      <DataTable
        caption={props.caption}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        k={data.k}
        asOf={data.asOf}
        initialSort={{ id: "count", descending: true }}
      />
    </div>
  );
}
