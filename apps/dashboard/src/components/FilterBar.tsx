import { useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useCatalogues, useSession } from "../api/queries";
import type { Catalogues, Named } from "../api/types";
import { type FilterDimension, filterDimensions } from "../lib/filters";
import { t } from "../lib/i18n";
import { filterLabel, useFilters } from "../lib/use-filters";

const optionsOf: Record<FilterDimension, (c: Catalogues) => readonly Named[]> = {
  municipality: (c) => [...c.municipalities].sort((a, b) => a.name.localeCompare(b.name, "sv")),
  targetGroup: (c) => c.targetGroups,
  ageGroup: (c) => c.ageGroups,
  process: (c) => c.processes,
  leadPrincipal: (c) => c.principalTypes,
};

const severalValue = "*";

/**
 * The filters every page shares, kept in the URL. Native controls: they are labelled,
 * keyboard-operable and announced by every screen reader without extra code.
 */
export function FilterBar() {
  const catalogues = useCatalogues();
  const { filters, set } = useFilters();
  const navigate = useNavigate();
  const session = useSession();
  const headingId = useId();
  const viewId = useId();
  const mayCompare = session.role === "ledning" || session.role === "samordnare";
  // A half-typed month ("05" with no year) is no value, so the URL cannot clear it: clearing
  // draws the month inputs anew. Only the inputs: the button keeps its focus.
  const [cleared, setCleared] = useState(0);
  const clear = () => {
    setCleared((n) => n + 1);
    // Every param goes, the page's own choices too: the page as the menu opens it.
    void navigate({ to: ".", search: {}, resetScroll: false });
  };
  return (
    <section className="filter-bar" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t("filter.heading")}
      </h2>
      <form onSubmit={(e) => e.preventDefault()}>
        <MonthField
          key={`from-${cleared}`}
          param="from"
          label={t("filter.from")}
          value={filters.from}
          onChange={set}
        />
        <MonthField
          key={`to-${cleared}`}
          param="to"
          label={t("filter.to")}
          value={filters.to}
          onChange={set}
        />
        {/* Drawn before the catalogues arrive (with "Alla" only), so the bar does not grow. */}
        {filterDimensions.map((d) => (
          <ChoiceSelect
            key={d}
            param={d}
            label={filterLabel(d)}
            options={catalogues.data === undefined ? [] : optionsOf[d](catalogues.data)}
            values={filters.codes[d]}
            onChange={(v) => set(d, v === "" ? null : v)}
          />
        ))}
        {mayCompare && (
          <div className="field">
            <label htmlFor={viewId}>{t("filter.view")}</label>
            <select
              id={viewId}
              name="view"
              value={filters.view ?? "own"}
              onChange={(e) => set("view", e.target.value)}
            >
              <option value="own">{t("filter.view.own")}</option>
              <option value="county">{t("filter.view.county")}</option>
            </select>
          </div>
        )}
        <button type="button" className="reset" onClick={clear}>
          {t("filter.reset")}
        </button>
      </form>
    </section>
  );
}

function MonthField(props: {
  param: "from" | "to";
  label: string;
  value: string | null;
  onChange: (param: "from" | "to", value: string | null) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="month"
        name={props.param}
        value={props.value ?? ""}
        min="2000-01"
        max="2099-12"
        onChange={(e) => props.onChange(props.param, e.target.value === "" ? null : e.target.value)}
      />
    </div>
  );
}

/**
 * A native select of one choice, for a URL search parameter that may repeat. A bookmarked URL may
 * name several codes (the API takes repeated filters): it says how many rather than show only the
 * first.
 */
export function ChoiceSelect(props: {
  param: string;
  label: string;
  options: readonly Named[];
  values: readonly string[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  const several = props.values.length > 1;
  const value = several ? severalValue : (props.values[0] ?? "");
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.param}
        value={value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t("filter.all")}</option>
        {several && (
          <option value={severalValue} disabled>
            {t("filter.several", { count: props.values.length })}
          </option>
        )}
        {props.options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
