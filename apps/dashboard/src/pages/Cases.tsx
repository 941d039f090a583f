import { useMetric } from "../api/queries";
import type { CaseCounts, Catalogues, Stuck } from "../api/types";
import { PageHeading } from "../components/Controls";
import { BarFigure } from "../components/charts";
import { type Column, DataTable } from "../components/DataTable";
import { DisclosureNote } from "../components/DisclosureNote";
import { MatrixTable } from "../components/MatrixTable";
import { EmptyState, firstNotReady, QueryState } from "../components/QueryState";
import { type Cell, chartValue, countCell, percentCell, textCell } from "../lib/cells";
import { intlLocale, t } from "../lib/i18n";
import { dimensionLabel, groupKey, groupLabel, nameOf, singleProcess } from "../lib/names";
import { usePage, withExtra } from "./common";
import { type MunicipalityRate, municipalityRates } from "./municipality-rates";
import type { Figure } from "./overview-figures";

export function Cases() {
  const { catalogues } = usePage();
  return (
    <>
      <PageHeading title={t("cases.heading")} definition="definition.cases" />
      <QueryState query={catalogues}>{(c) => <CaseFigures catalogues={c} />}</QueryState>
    </>
  );
}

/**
 * The five queries' figures appear together: one at a time, each would push the ones below it down
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
  const stuckByMunicipality = useMetric("stuck", byGroup("municipality"));
  const breakdowns = [
    { query: byPrincipal, caption: t("cases.by_principal_caption") },
    { query: byUnit, caption: t("cases.by_unit_caption") },
  ];
  const waiting = firstNotReady([
    heatmap,
    byPrincipal,
    byUnit,
    byMunicipality,
    stuckByMunicipality,
  ]);
  if (waiting !== undefined) return <QueryState query={waiting}>{() => null}</QueryState>;
  return (
    <>
      {byMunicipality.data && byMunicipality.data.cells.length > 0 && (
        <DisclosureNote of={byMunicipality.data} />
      )}
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
      <section className="figure">
        <h2>{t("cases.by_municipality_caption")}</h2>
        {byMunicipality.data && stuckByMunicipality.data && (
          <MunicipalityFigure
            open={byMunicipality.data}
            stuck={stuckByMunicipality.data}
            catalogues={catalogues}
          />
        )}
      </section>
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
      disclosure={data.disclosure}
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
        disclosure={data.disclosure}
        asOf={data.asOf}
        initialSort={{ id: "count", descending: true }}
      />
    </div>
  );
}

// One decimal always, so "50,0" stands beside "39,7" as a share of the same precision.
const rateFormat = new Intl.NumberFormat(intlLocale(), {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/**
 * Kommuner by the share of their open cases that are stuck, highest first: where cases pile up
 * relative to how many there are. Bars for the 20 highest published shares, the table for all.
 */
function MunicipalityFigure(props: { open: CaseCounts; stuck: Stuck; catalogues: Catalogues }) {
  const { open, stuck, catalogues } = props;
  if (open.cells.length === 0) return <EmptyState />;
  const rows = municipalityRates(open, stuck).map((rate) => ({
    ...rate,
    label: nameOf(catalogues, "municipality", rate.municipality),
  }));
  const chartRows = rows
    .filter((r) => r.rate.value !== null)
    .sort((a, b) => (b.rate.value ?? 0) - (a.rate.value ?? 0))
    .slice(0, 20)
    .map((r) => ({ label: r.label, rate: percentOf(r.rate.value ?? 0) }));
  const caption = t("cases.by_municipality_caption");
  const columns: Column<MunicipalityRate & { label: string }>[] = [
    { id: "municipality", header: t("dim.municipality"), cell: (r) => textCell(r.label) },
    { id: "open", header: t("cases.open"), cell: (r) => figureCell(r.open, open.k) },
    { id: "stuck", header: t("cases.stuck"), cell: (r) => figureCell(r.stuck, open.k) },
    { id: "rate", header: t("cases.stuck_rate"), cell: (r) => rateCell(r.rate) },
  ];
  return (
    <div className="figure-body">
      <BarFigure
        data={chartRows}
        category="label"
        series={[{ key: "rate", label: t("cases.stuck_rate") }]}
        k={open.k}
      />
      <DataTable
        caption={caption}
        explanation={t("cases.stuck_rate_note")}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.municipality}
        k={open.k}
        disclosure={open.disclosure}
        asOf={open.asOf}
        initialSort={{ id: "rate", descending: true }}
      />
    </div>
  );
}

function figureCell(figure: Figure, k: number): Cell {
  return countCell(figure.value, figure.suppressed, k);
}

/**
 * Percent with one decimal under a "(%)" header; exported as the share in percent format, so a
 * spreadsheet shows "72,2 %" and can still sort and sum it.
 */
function rateCell(rate: Figure): Cell {
  if (rate.value === null) {
    return { ...textCell("–", null), numeric: true, title: t("cases.stuck_rate_withheld") };
  }
  return { ...percentCell(rate.value, 1), text: rateFormat.format(percentOf(rate.value)) };
}

function percentOf(share: number): number {
  return Math.round(share * 1000) / 10;
}
