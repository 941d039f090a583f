import { useMetric } from "../../api/queries";
import type { Catalogues, Flow as FlowData } from "../../api/types";
import { MatrixTable } from "../../components/MatrixTable";
import { t } from "../../lib/i18n";
import { nameOf, singleProcess } from "../../lib/names";
import { usePage, withExtra } from "../common";
import { MetricAnswer, MetricPage } from "../MetricPage";

export function Flow() {
  return (
    <MetricPage title={t("flow.heading")} definition="definition.flow">
      {(c) => <FlowMatrix catalogues={c} />}
    </MetricPage>
  );
}

function FlowMatrix({ catalogues }: { catalogues: Catalogues }) {
  const { filters, params } = usePage();
  const process = singleProcess(catalogues, filters.codes.process) ?? "";
  const query = useMetric("flow", withExtra(params, { process }));
  return (
    <section className="figure">
      <MetricAnswer query={query}>
        {(data) => <FlowBody data={data} catalogues={catalogues} />}
      </MetricAnswer>
    </section>
  );
}

function FlowBody({ data, catalogues }: { data: FlowData; catalogues: Catalogues }) {
  const steps = catalogues.processes.find((p) => p.code === data.process)?.steps ?? [];
  const axis = steps.map((s) => ({ key: String(s.number), label: `${s.number} ${s.name}` }));
  // Columns by number only: the row headers carry the names, and the matrix stays readable.
  const columns = steps.map((s) => ({
    key: String(s.number),
    label: t("flow.to", { step: s.number }),
  }));
  const value = (from: string, to: string) =>
    data.cells.find((c) => String(c.fromStep) === from && String(c.toStep) === to);
  // A back-step (step 10 sending a case to an earlier step) is marked, not only coloured.
  const mark = (from: string, to: string) =>
    Number(to) < Number(from) && value(from, to) !== undefined ? "↩" : null;
  return (
    <MatrixTable
      caption={t("flow.caption", { process: nameOf(catalogues, "process", data.process) })}
      rowHeader={t("flow.from")}
      rows={axis}
      columns={columns}
      value={value}
      mark={mark}
      undefinedCell={(from, to) => from === to}
      k={data.k}
      disclosure={data.disclosure}
      asOf={data.asOf}
    />
  );
}
