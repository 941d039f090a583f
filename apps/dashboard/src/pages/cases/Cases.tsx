import { useMetric } from "../../api/queries";
import type { CaseCounts, Catalogues, Stuck } from "../../api/types";
import { Breakdown } from "../../components/Breakdown";
import { BarFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { DisclosureNote } from "../../components/DisclosureNote";
import { MatrixTable } from "../../components/MatrixTable";
import { EmptyState, firstNotReady, QueryState } from "../../components/QueryState";
import { type Cell, chartValue, countCell, linkCell, percentCell, textCell } from "../../lib/cells";
import { topN } from "../../lib/chart-data";
import { cellFilters, drillHref } from "../../lib/drill";
import { intlLocale, t } from "../../lib/i18n";
import { dimensionLabel, groupKey, groupLabel, nameOf, singleProcess } from "../../lib/names";
import { useFilters } from "../../lib/use-filters";
import { usePage, withExtra } from "../common";
import { MetricPage } from "../MetricPage";
import type { Figure } from "../overview/overview-figures";
import { type MunicipalityRate, municipalityRates } from "./municipality-rates";

export function Cases() {
  return (
    <MetricPage title={t("cases.heading")} definition="definition.cases">
      {(c) => <CaseFigures catalogues={c} />}
    </MetricPage>
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
  const { search } = useFilters();
  if (data.cells.length === 0) return <EmptyState />;
  // A målgrupp's lead times through the same process.
  const leadTimes = (group: string) =>
    drillHref("/ledtider", search, { targetGroup: group, process });
  const steps = catalogues.processes.find((p) => p.code === process)?.steps ?? [];
  return (
    <MatrixTable
      caption={t("cases.heatmap_caption", { process: nameOf(catalogues, "process", process) })}
      rowHeader={t("dim.targetGroup")}
      rows={catalogues.targetGroups.map((g) => ({
        key: g.code,
        label: g.name,
        href: leadTimes(g.code),
      }))}
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

/** More bars than this do not fit a screen; the table keeps every group. */
const chartBars = 20;

/**
 * A one-dimensional count: bars (most first, at most 20, the rest said) and the full table
 * beside them. A group the filters can express links to its lead times.
 */
function CountFigure(props: { data: CaseCounts; catalogues: Catalogues; caption: string }) {
  const { data, catalogues } = props;
  const { search } = useFilters();
  if (data.cells.length === 0) return <EmptyState />;
  const rows = data.cells.map((cell) => {
    const filters = cellFilters(data.groupBy, cell);
    return {
      cell,
      key: groupKey(data.groupBy, cell),
      label: groupLabel(catalogues, data.groupBy, cell),
      href: filters === null ? null : drillHref("/ledtider", search, filters),
    };
  });
  const sorted = [...rows].sort((a, b) => (b.cell.count ?? -1) - (a.cell.count ?? -1));
  const { shown, rest } = topN(sorted, chartBars);
  const chartRows = shown.map((r) => ({
    label: r.label,
    count: chartValue(r.cell.count, r.cell.suppressed),
    href: r.href,
  }));
  const columns: Column<(typeof rows)[number]>[] = [
    {
      id: "group",
      header: dimensionLabel(data.groupBy),
      cell: (r) => linkCell(r.label, r.href),
    },
    {
      id: "count",
      header: t("table.count"),
      cell: (r) => countCell(r.cell.count, r.cell.suppressed, data.k),
    },
  ];
  const dimension = data.groupBy[0];
  return (
    <Breakdown
      withheld={rows.map((r) => r.cell.suppressed || r.cell.count === null)}
      coarser={<CasesTotal data={data} />}
      chart={
        <BarFigure
          data={chartRows}
          category="label"
          series={[{ key: "count", label: t("table.count") }]}
          k={data.k}
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
      table={
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
      }
    />
  );
}

/** The answer's own total: the coarser figure of a breakdown too thin to chart. */
function CasesTotal({ data }: { data: CaseCounts }) {
  const total = countCell(data.total, data.totalSuppressed, data.k);
  return <p className="coarser-total">{t("chart.cases_total", { count: total.text })}</p>;
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
  const { search } = useFilters();
  if (open.cells.length === 0) return <EmptyState />;
  const rows = municipalityRates(open, stuck).map((rate) => ({
    ...rate,
    label: nameOf(catalogues, "municipality", rate.municipality),
    // The same page for that kommun alone: its målgrupper, huvudmän and units.
    href: drillHref("/arenden", search, { municipality: rate.municipality }),
  }));
  const ranked = rows
    .filter((r) => r.rate.value !== null)
    .sort((a, b) => (b.rate.value ?? 0) - (a.rate.value ?? 0));
  const { shown } = topN(ranked, chartBars);
  const rest = rows.length - shown.length;
  const chartRows = shown.map((r) => ({
    label: r.label,
    rate: percentOf(r.rate.value ?? 0),
    href: r.href,
  }));
  const caption = t("cases.by_municipality_caption");
  const columns: Column<MunicipalityRate & { label: string; href: string }>[] = [
    {
      id: "municipality",
      header: t("dim.municipality"),
      cell: (r) => linkCell(r.label, r.href),
    },
    { id: "open", header: t("cases.open"), cell: (r) => figureCell(r.open, open.k) },
    { id: "stuck", header: t("cases.stuck"), cell: (r) => figureCell(r.stuck, open.k) },
    { id: "rate", header: t("cases.stuck_rate"), cell: (r) => rateCell(r.rate) },
  ];
  return (
    <Breakdown
      withheld={rows.flatMap((r) => [r.open.suppressed, r.stuck.suppressed])}
      coarser={<CasesTotal data={open} />}
      chart={
        <BarFigure
          data={chartRows}
          category="label"
          series={[{ key: "rate", label: t("cases.stuck_rate") }]}
          k={open.k}
          note={rest === 0 ? undefined : t("chart.top_n_rate", { shown: shown.length, rest })}
        />
      }
      table={
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
      }
    />
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
