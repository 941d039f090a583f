import { useMetric } from "../api/queries";
import type { Catalogues, Network as NetworkData } from "../api/types";
import { PageHeading, ParamSelect } from "../components/Controls";
import { DisclosureNote } from "../components/DisclosureNote";
import { MatrixTable } from "../components/MatrixTable";
import { QueryState } from "../components/QueryState";
import { t } from "../lib/i18n";
import { nameOf } from "../lib/names";
import { usePage, withExtra } from "./common";

export function Network() {
  const { catalogues, params, search } = usePage();
  const level = search.get("level") === "unit" ? "unit" : "principalType";
  const query = useMetric("network", withExtra(params, { level }));
  return (
    <>
      <PageHeading title={t("network.heading")} definition="definition.network" />
      <div className="controls">
        <ParamSelect
          param="level"
          label={t("network.level")}
          value={level}
          options={[
            { code: "principalType", name: t("network.level.principalType") },
            { code: "unit", name: t("network.level.unit") },
          ]}
        />
      </div>
      <section className="figure">
        <QueryState query={catalogues}>
          {(c) => (
            <QueryState query={query} isEmpty={(d) => d.cells.length === 0}>
              {(data) => <NetworkBody data={data} catalogues={c} />}
            </QueryState>
          )}
        </QueryState>
      </section>
    </>
  );
}

/** A symmetric matrix: the API gives (a, b) with a < b, shown in both places. */
function NetworkBody({ data, catalogues }: { data: NetworkData; catalogues: Catalogues }) {
  const codes = [...new Set(data.cells.flatMap((c) => [c.a, c.b]))].sort();
  const axis = codes.map((code) => ({ key: code, label: nameOf(catalogues, data.level, code) }));
  const value = (a: string, b: string) =>
    data.cells.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));
  return (
    <>
      <DisclosureNote of={data} />
      <MatrixTable
        caption={`${t("network.caption")} (${t(`network.level.${data.level}`)})`}
        rowHeader={t(`network.level.${data.level}`)}
        rows={axis}
        columns={axis}
        value={value}
        undefinedCell={(a, b) => a === b}
        k={data.k}
        disclosure={data.disclosure}
        asOf={data.asOf}
      />
    </>
  );
}
