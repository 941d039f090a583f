import { useMemo } from "react";
import { useMetric } from "../../api/queries";
import type { Catalogues, Network as NetworkData } from "../../api/types";
import { ParamSelect } from "../../components/Controls";
import { type Column, DataTable } from "../../components/DataTable";
import { MatrixTable } from "../../components/MatrixTable";
import { NetworkFigure, type NetworkNode } from "../../components/NetworkFigure";
import { countCell, textCell } from "../../lib/cells";
import { t } from "../../lib/i18n";
import { nameOf } from "../../lib/names";
import { busiestNodes, drawnLinks, type NetworkLink } from "../../lib/network";
import { usePage, withExtra } from "../common";
import { MetricAnswer, MetricPage } from "../MetricPage";
import { networkRoute } from "./route";

/** Units in the picture and the matrix; the rest are counted in a sentence and listed in full. */
const busiestUnits = 15;

export function Network() {
  const { params } = usePage();
  const level = networkRoute.useSearch({ select: (s) => s.level }) ?? "principalType";
  const query = useMetric("network", withExtra(params, { level }));
  return (
    <MetricPage
      title={t("network.heading")}
      definition="definition.network"
      controls={
        <ParamSelect
          param="level"
          label={t("network.level")}
          value={level}
          options={[
            { code: "principalType", name: t("network.level.principalType") },
            { code: "unit", name: t("network.level.unit") },
          ]}
        />
      }
    >
      {(c) => (
        <section className="figure">
          <MetricAnswer query={query}>
            {(data) => <NetworkBody data={data} catalogues={c} />}
          </MetricAnswer>
        </section>
      )}
    </MetricPage>
  );
}

type Level = NetworkData["level"];

/**
 * The picture, then the matrix as its table: the API gives (a, b) with a < b, shown in both
 * places. At the unit level both hold the busiest units only, and every pair is listed below.
 */
function NetworkBody({ data, catalogues }: { data: NetworkData; catalogues: Catalogues }) {
  const level = data.level;
  const limit = level === "unit" ? busiestUnits : Number.POSITIVE_INFINITY;
  const { shown, others } = useMemo(() => busiestNodes(data.cells, limit), [data.cells, limit]);
  const label = (code: string) => nameOf(catalogues, level, code);
  const group = (code: string) => principalTypeIndex(catalogues, level, code);
  const numbered = level === "unit" && shown.length > 1;
  // Round the circle by principal type, so that each huvudman's units sit together.
  const nodes: NetworkNode[] = shown
    .map((code, i) => ({
      code,
      label: label(code),
      group: group(code),
      ...(numbered ? { number: i + 1 } : {}),
      rank: i,
    }))
    .sort((x, y) => x.group - y.group || x.rank - y.rank);
  const legend = [...new Set(nodes.map((n) => n.group))]
    .sort((x, y) => x - y)
    .flatMap((g) => {
      const name = catalogues.principalTypes[g]?.name;
      return name === undefined ? [] : [{ group: g, label: name }];
    });
  const rows = shown.map((code, i) => ({
    key: code,
    label: numbered ? `${i + 1} ${label(code)}` : label(code),
  }));
  const columns = shown.map((code, i) => ({
    key: code,
    label: numbered ? String(i + 1) : label(code),
  }));
  const value = (a: string, b: string) =>
    data.cells.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));
  const levelName = t(`network.level.${level}`);
  return (
    <>
      <NetworkFigure
        nodes={nodes}
        links={drawnLinks(data.cells, shown)}
        {...(level === "unit" ? { legend } : {})}
      />
      {others > 0 && (
        <p className="network-others">{t("network.top_note", { shown: shown.length, others })}</p>
      )}
      <MatrixTable
        caption={
          others > 0
            ? t("network.matrix_caption_top", { shown: shown.length })
            : `${t("network.caption")} (${levelName})`
        }
        rowHeader={levelName}
        rows={rows}
        columns={columns}
        value={value}
        undefinedCell={(a, b) => a === b}
        k={data.k}
        disclosure={data.disclosure}
        asOf={data.asOf}
      />
      {level === "unit" && <PairsTable data={data} label={label} />}
    </>
  );
}

/** Every pair with its count, largest first: the unit level in full, sortable and exported. */
function PairsTable(props: { data: NetworkData; label: (code: string) => string }) {
  const { data, label } = props;
  const columns: Column<NetworkLink>[] = useMemo(
    () => [
      { id: "a", header: t("network.pair_a"), cell: (c) => textCell(label(c.a)) },
      { id: "b", header: t("network.pair_b"), cell: (c) => textCell(label(c.b)) },
      {
        id: "count",
        header: t("table.count"),
        cell: (c) => countCell(c.count, c.suppressed, data.k),
      },
    ],
    [label, data.k],
  );
  return (
    <DataTable
      caption={t("network.pairs_caption")}
      columns={columns}
      rows={data.cells}
      rowKey={(c) => `${c.a}|${c.b}`}
      k={data.k}
      disclosure={data.disclosure}
      asOf={data.asOf}
      initialSort={{ id: "count", descending: true }}
    />
  );
}

/** A node's colour: its principal type's place in the catalogue (a unit's, by its organisation). */
function principalTypeIndex(catalogues: Catalogues, level: Level, code: string): number {
  const type =
    level === "principalType"
      ? code
      : catalogues.organisations.find(
          (o) => o.code === catalogues.units.find((u) => u.code === code)?.organisation,
        )?.principalType;
  const index = catalogues.principalTypes.findIndex((p) => p.code === type);
  return index === -1 ? catalogues.principalTypes.length : index;
}
