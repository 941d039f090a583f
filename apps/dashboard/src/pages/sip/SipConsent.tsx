import type { ReactNode } from "react";
import { useMetric } from "../../api/queries";
import type { Catalogues, Sip, SipCell } from "../../api/types";
import { Breakdown } from "../../components/Breakdown";
import { BarFigure } from "../../components/charts";
import { type Column, DataTable } from "../../components/DataTable";
import { countCell, linkCell, statCell } from "../../lib/cells";
import { cellFilters, drillHref } from "../../lib/drill";
import { t } from "../../lib/i18n";
import { dimensionLabel, groupKey, groupLabel } from "../../lib/names";
import { useFilters } from "../../lib/use-filters";
import { chosenGroupBy, usePage, withExtra } from "../common";
import { GroupBySelect, MetricAnswer, MetricPage } from "../MetricPage";
import { sipGroupings, sipRoute } from "./route";

const counts = ["consentGiven", "consentDeclined", "consentWithdrawn", "sipEstablished"] as const;
const countHeaders = {
  consentGiven: "sip.consent_given",
  consentDeclined: "sip.consent_declined",
  consentWithdrawn: "sip.consent_withdrawn",
  sipEstablished: "sip.established",
} as const;

export function SipConsent() {
  const { params } = usePage();
  const groupBy = chosenGroupBy(sipRoute.useSearch({ select: (s) => s.groupBy }), "targetGroup");
  const query = useMetric("sip", withExtra(params, { groupBy: groupBy ?? null }));
  return (
    <MetricPage
      title={t("sip.heading")}
      definition="definition.sip"
      controls={<GroupBySelect groupings={sipGroupings} value={groupBy} />}
    >
      {(c) => (
        <section className="figure">
          <MetricAnswer query={query}>
            {(data) => (
              <SipBody
                data={data}
                catalogues={c}
                coarser={
                  groupBy === null ? undefined : (
                    <CoarserSip params={withExtra(params, { groupBy: null })} catalogues={c} />
                  )
                }
              />
            )}
          </MetricAnswer>
        </section>
      )}
    </MetricPage>
  );
}

/** SIP and consent for all groups together: the coarser figure beside a thin breakdown. */
function CoarserSip(props: { params: URLSearchParams; catalogues: Catalogues }) {
  const query = useMetric("sip", props.params);
  return (
    <MetricAnswer query={query} disclosure={false}>
      {(data) => <SipBody data={data} catalogues={props.catalogues} tableOnly />}
    </MetricAnswer>
  );
}

function SipBody(props: {
  data: Sip;
  catalogues: Catalogues;
  coarser?: ReactNode;
  tableOnly?: boolean;
}) {
  const { data, catalogues } = props;
  const { search } = useFilters();
  const k = data.k;
  const rows = data.cells.map((cell) => {
    const filters = cellFilters(data.groupBy, cell);
    return {
      cell,
      key: groupKey(data.groupBy, cell),
      label: groupLabel(catalogues, data.groupBy, cell),
      // How long the group's cases take through their steps.
      href: filters === null ? null : drillHref("/ledtider", search, filters),
    };
  });
  const isWithheld = (c: SipCell, name: string) =>
    c.withheld.includes(name) || (c.suppressed && c[name as keyof SipCell] === null);
  const columns: Column<(typeof rows)[number]>[] = [
    {
      id: "group",
      header: dimensionLabel(data.groupBy),
      cell: (r) => linkCell(r.label, r.href),
    },
    ...counts.map(
      (name): Column<(typeof rows)[number]> => ({
        id: name,
        header: t(countHeaders[name]),
        cell: (r) => countCell(r.cell[name], isWithheld(r.cell, name), k),
      }),
    ),
    {
      id: "medianDaysToSip",
      header: t("sip.median_days"),
      cell: (r) => statCell(r.cell.medianDaysToSip, isWithheld(r.cell, "medianDaysToSip"), k),
    },
  ];
  const caption = t("sip.caption");
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
  const chart = rows.map((r) => ({
    label: r.label,
    href: r.href,
    ...Object.fromEntries(
      counts.map((name) => [name, isWithheld(r.cell, name) ? null : r.cell[name]]),
    ),
  }));
  return (
    <Breakdown
      wide
      withheld={rows.flatMap((r) => counts.map((name) => isWithheld(r.cell, name)))}
      coarser={props.coarser}
      table={table}
      chart={
        <BarFigure
          data={chart}
          category="label"
          series={counts.map((name) => ({ key: name, label: t(countHeaders[name]) }))}
          k={k}
        />
      }
    />
  );
}
