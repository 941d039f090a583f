import {
  type IndicatorMetric,
  indicatorFigures,
  indicatorKinds,
  indicatorMetrics,
  targetDirections,
} from "@samsyn/domain/agreements";
import { type FormEvent, useId, useState } from "react";
import { type AgreementDetail, type NewIndicator, useAddIndicator } from "../../api/agreements";
import type { Catalogues } from "../../api/types";
import { t } from "../../lib/i18n";
import { ApiFailure } from "../../session";
import { figureName, indicatorUnit } from "./agreements";

interface IndicatorDraft {
  name: string;
  kind: NewIndicator["kind"];
  metric: IndicatorMetric;
  figure: string;
  process: string;
  fromStep: string;
  toStep: string;
  direction: NewIndicator["target"]["direction"];
  target: string;
}

/**
 * The metric query an indicator stores: the agreement's målgrupper and (unless it is the whole
 * county) kommuner, and for lead times the process and its two steps.
 */
export function indicatorBody(
  draft: IndicatorDraft,
  agreement: Pick<AgreementDetail, "targetGroups" | "municipalities">,
  catalogues: Catalogues,
): NewIndicator {
  const wholeCounty = catalogues.municipalities.every((m) =>
    agreement.municipalities.includes(m.code),
  );
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    metric: draft.metric,
    figure: draft.figure,
    params: {
      targetGroup: [...agreement.targetGroups],
      ...(wholeCounty ? {} : { municipality: [...agreement.municipalities] }),
      ...(draft.metric === "lead-times"
        ? {
            process: draft.process,
            fromStep: Number(draft.fromStep),
            toStep: Number(draft.toStep),
          }
        : {}),
    },
    target: { value: Number(draft.target.replace(",", ".")), direction: draft.direction },
  };
}

/** The form's fields by the API's detail paths, so that a refusal stands beside its field. */
const fieldOfPath: Readonly<Record<string, keyof IndicatorDraft>> = {
  name: "name",
  figure: "figure",
  "target.value": "target",
  "params.process": "process",
  "params.fromStep": "fromStep",
  "params.toStep": "toStep",
};

/** Follow the agreement with a metric and a target (lan, admin). */
export function AddIndicator(props: { agreement: AgreementDetail; catalogues: Catalogues }) {
  const { agreement, catalogues } = props;
  const add = useAddIndicator(agreement.id);
  const firstProcess = catalogues.processes[0];
  const initial = (): IndicatorDraft => ({
    name: "",
    kind: "result",
    metric: "cases",
    figure: "count",
    process: firstProcess?.code ?? "",
    fromStep: String(firstProcess?.steps[0]?.number ?? 1),
    toStep: String(firstProcess?.steps.at(-1)?.number ?? 2),
    direction: "at_least",
    target: "",
  });
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof IndicatorDraft, string>>>({});
  const [other, setOther] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const steps = catalogues.processes.find((p) => p.code === draft.process)?.steps ?? [];
  const set = <K extends keyof IndicatorDraft>(key: K, value: IndicatorDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setOther([]);
    const own: Partial<Record<keyof IndicatorDraft, string>> = {};
    if (draft.name.trim() === "") {
      own.name = t("agreements.invalid.required", { field: t("agreements.indicator.field.name") });
    }
    if (draft.target.trim() === "" || !Number.isFinite(Number(draft.target.replace(",", ".")))) {
      own.target = t("agreements.invalid.required", {
        field: t("agreements.indicator.field.target"),
      });
    }
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      await add.mutateAsync(indicatorBody(draft, agreement, catalogues));
      setDraft(initial());
      setSaved(true);
    } catch (e) {
      const fields: Partial<Record<keyof IndicatorDraft, string>> = {};
      const rest: string[] = [];
      for (const d of e instanceof ApiFailure ? e.fields : []) {
        const field = fieldOfPath[d.path];
        if (field === undefined) rest.push(d.message);
        else fields[field] = d.message;
      }
      setErrors(fields);
      setOther(
        rest.length > 0 || Object.keys(fields).length > 0
          ? rest
          : [t("agreements.deviations.failed")],
      );
    }
  }

  const fieldId = (name: keyof IndicatorDraft) => `${id}-${name}`;
  const errorProps = (name: keyof IndicatorDraft) => ({
    id: fieldId(name),
    "aria-invalid": errors[name] !== undefined,
    "aria-describedby": errors[name] === undefined ? undefined : `${fieldId(name)}-error`,
  });
  const error = (name: keyof IndicatorDraft) =>
    errors[name] === undefined ? null : (
      <p id={`${fieldId(name)}-error`} className="field-error">
        {errors[name]}
      </p>
    );
  const fieldClass = (name: keyof IndicatorDraft) =>
    errors[name] === undefined ? "field" : "field invalid";

  return (
    <form className="add-indicator log-deviation" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t("agreements.indicator.add")}</legend>
        <p className="field-hint">{t("agreements.indicator.scope_hint")}</p>
        <div className={fieldClass("name")}>
          <label htmlFor={fieldId("name")}>{t("agreements.indicator.field.name")}</label>
          <input
            type="text"
            value={draft.name}
            onChange={(e) => set("name", e.target.value)}
            {...errorProps("name")}
          />
          {error("name")}
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={fieldId("kind")}>{t("agreements.indicator.field.kind")}</label>
            <select
              id={fieldId("kind")}
              value={draft.kind}
              onChange={(e) => set("kind", e.target.value as IndicatorDraft["kind"])}
            >
              {indicatorKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`agreements.indicator.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fieldId("metric")}>{t("agreements.indicator.field.metric")}</label>
            <select
              id={fieldId("metric")}
              value={draft.metric}
              onChange={(e) => {
                const metric = e.target.value as IndicatorMetric;
                setDraft((d) => ({ ...d, metric, figure: indicatorFigures[metric][0] }));
              }}
            >
              {indicatorMetrics.map((m) => (
                <option key={m} value={m}>
                  {t(`agreements.indicator.metric.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={fieldClass("figure")}>
            <label htmlFor={fieldId("figure")}>{t("agreements.indicator.field.figure")}</label>
            <select
              value={draft.figure}
              onChange={(e) => set("figure", e.target.value)}
              {...errorProps("figure")}
            >
              {indicatorFigures[draft.metric].map((f) => (
                <option key={f} value={f}>
                  {figureName(f)}
                </option>
              ))}
            </select>
            {error("figure")}
          </div>
        </div>
        {draft.metric === "lead-times" && (
          <div className="form-row">
            <div className={fieldClass("process")}>
              <label htmlFor={fieldId("process")}>{t("agreements.indicator.field.process")}</label>
              <select
                value={draft.process}
                onChange={(e) => set("process", e.target.value)}
                {...errorProps("process")}
              >
                {catalogues.processes.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
              {error("process")}
            </div>
            {(["fromStep", "toStep"] as const).map((which) => (
              <div key={which} className={fieldClass(which)}>
                <label htmlFor={fieldId(which)}>
                  {t(
                    which === "fromStep"
                      ? "agreements.indicator.field.from_step"
                      : "agreements.indicator.field.to_step",
                  )}
                </label>
                <select
                  value={draft[which]}
                  onChange={(e) => set(which, e.target.value)}
                  {...errorProps(which)}
                >
                  {steps.map((s) => (
                    <option key={s.number} value={s.number}>
                      {s.number} {s.name}
                    </option>
                  ))}
                </select>
                {error(which)}
              </div>
            ))}
          </div>
        )}
        <div className="form-row">
          <div className="field">
            <label htmlFor={fieldId("direction")}>
              {t("agreements.indicator.field.direction")}
            </label>
            <select
              id={fieldId("direction")}
              value={draft.direction}
              onChange={(e) => set("direction", e.target.value as IndicatorDraft["direction"])}
            >
              {targetDirections.map((d) => (
                <option key={d} value={d}>
                  {t(`agreements.indicator.direction.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={fieldClass("target")}>
            <label htmlFor={fieldId("target")}>
              {t("agreements.indicator.field.target")} ({indicatorUnit(draft.figure)})
            </label>
            <input
              type="text"
              inputMode="decimal"
              value={draft.target}
              onChange={(e) => set("target", e.target.value)}
              {...errorProps("target")}
            />
            {error("target")}
          </div>
        </div>
        {other.length > 0 && (
          <ul className="form-errors" role="alert">
            {other.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <button type="submit" disabled={add.isPending}>
          {t("agreements.indicator.save")}
        </button>
        <p role="status" className="action-message">
          {saved ? t("agreements.indicator.saved") : ""}
        </p>
      </fieldset>
    </form>
  );
}
