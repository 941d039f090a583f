import type { MessageKey } from "@samsyn/domain/messages";
import { useId } from "react";
import type { Dimension, Named } from "../api/types";
import { t } from "../lib/i18n";
import { dimensionLabel } from "../lib/names";
import { useSetSearch } from "../lib/use-filters";

/** A page's own choice (grouping, measure, step), kept in the URL beside the shared filters. */
export function ParamSelect(props: {
  param: string;
  label: string;
  options: readonly Named[];
  value: string;
}) {
  const setSearch = useSetSearch();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.param}
        value={props.value}
        onChange={(e) => setSearch({ [props.param]: e.target.value })}
      >
        {props.options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A page's heading, its introduction and "Så räknas det": the metric's definition from SPEC, one
 * click away beside the figures, so that nobody has to guess what a number counts.
 */
export function PageHeading(props: { title: string; intro?: string; definition?: MessageKey }) {
  return (
    <>
      <h1>{props.title}</h1>
      {props.intro !== undefined && <p className="intro">{props.intro}</p>}
      {props.definition !== undefined && (
        <details className="definition">
          <summary>{t("definition.summary")}</summary>
          <p>{t(props.definition)}</p>
          <p>{t("definition.common")}</p>
        </details>
      )}
    </>
  );
}

/** Group-by options by their Swedish names; "" is no grouping. */
export function groupOptions(dimensions: readonly Dimension[], withNone: boolean): Named[] {
  const options = dimensions.map((d) => ({ code: d, name: dimensionLabel([d]) }));
  return withNone ? [{ code: "", name: t("group.none") }, ...options] : options;
}
