import { useMetric } from "../api/queries";
import type { Catalogues, Dimension, Sip, SipCell } from "../api/types";
import { groupOptions, PageHeading, ParamSelect } from "../components/Controls";
import { BarFigure } from "../components/charts";
import { type Column, DataTable } from "../components/DataTable";
import { DisclosureNote } from "../components/DisclosureNote";
import { QueryState } from "../components/QueryState";
import { countCell, statCell, textCell } from "../lib/cells";
import { t } from "../lib/i18n";
import { dimensionLabel, groupKey, groupLabel } from "../lib/names";
import { chosenDimension, usePage, withExtra } from "./common";

const groupings: readonly Dimension[] = [
  "targetGroup",
  "ageGroup",
  "municipality",
  "process",
  "leadPrincipal",
];
const counts = ["consentGiven", "consentDeclined", "consentWithdrawn", "sipEstablished"] as const;
const countHeaders = {
  consentGiven: "sip.consent_given",
  consentDeclined: "sip.consent_declined",
  consentWithdrawn: "sip.consent_withdrawn",
  sipEstablished: "sip.established",
} as const;

export function SipConsent() {
  const { catalogues, params, search } = usePage();
  const groupBy = chosenDimension(search, "groupBy", groupings, "targetGroup");
  const query = useMetric("sip", withExtra(params, { groupBy: groupBy ?? null }));
  return (
    <>
      <PageHeading title={t("sip.heading")} definition="definition.sip" />
      <div className="controls">
        <ParamSelect
          param="groupBy"
          label={t("group.by")}
          options={groupOptions(groupings, true)}
          value={groupBy ?? ""}
        />
      </div>
      <section className="figure">
        <QueryState query={catalogues}>
          {(c) => (
            <QueryState query={query} isEmpty={(d) => d.cells.length === 0}>
              {(data) => <SipBody data={data} catalogues={c} />}
            </QueryState>
          )}
        </QueryState>
      </section>
    </>
  );
}

function SipBody({ data, catalogues }: { data: Sip; catalogues: Catalogues }) {
  const k = data.k;
  const rows = data.cells.map((cell) => ({
    cell,
    key: groupKey(data.groupBy, cell),
    label: groupLabel(catalogues, data.groupBy, cell),
  }));
  const isWithheld = (c: SipCell, name: string) =>
    c.withheld.includes(name) || (c.suppressed && c[name as keyof SipCell] === null);
  const columns: Column<(typeof rows)[number]>[] = [
    { id: "group", header: dimensionLabel(data.groupBy), cell: (r) => textCell(r.label) },
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
  const chart = rows.map((r) => ({
    label: r.label,
    ...Object.fromEntries(
      counts.map((name) => [name, isWithheld(r.cell, name) ? null : r.cell[name]]),
    ),
  }));
  return (
    <>
      <DisclosureNote of={data} />
      <div className="figure-body">
        <BarFigure
          data={chart}
          category="label"
          series={counts.map((name) => ({ key: name, label: t(countHeaders[name]) }))}
          k={k}
        />
        <DataTable
          caption={t("sip.caption")}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.key}
          k={k}
          disclosure={data.disclosure}
          asOf={data.asOf}
        />
      </div>
    </>
  );
}
