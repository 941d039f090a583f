import { type FormEvent, type ReactNode, useId, useState } from "react";
import type { Catalogues } from "../../api/types";
import { t } from "../../lib/i18n";
import { useSetSearch } from "../../lib/use-filters";
import { ApiFailure } from "../../session";
import { isDate } from "./forums";

/**
 * The form fields of the Ledningsforum and Eskaleringar pages: native controls, each labelled,
 * its hint and error tied to it with aria-describedby, the error also in aria-invalid, so that a
 * screen reader says what is wrong where it is.
 */

/** A form's errors by the API's field path (`title`, `about.caseId`). */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * A refused write as the form shows it: the API's details beside the fields they name, by path
 * or as an item of one (a
 * screened identifier: "Fältet question innehåller ett personnummer…", the number never
 * echoed), the rest in one sentence.
 */
export function refusal(
  error: unknown,
  fieldPaths: readonly string[],
): { fields: FieldErrors; other: string | null } {
  if (!(error instanceof ApiFailure)) return { fields: {}, other: t("forumsPage.form.failed") };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const d of error.fields) {
    // A list's item (`participants.0`) is shown at its list.
    const field = fieldPaths.find((p) => d.path === p || d.path.startsWith(`${p}.`));
    if (field === undefined) rest.push(d.message);
    else fields[field] = [fields[field], d.message].filter(Boolean).join(" ");
  }
  if (error.status === 409) return { fields, other: t("forumsPage.form.conflict") };
  if (error.status === 403) return { fields, other: t("forumsPage.form.forbidden") };
  if (Object.keys(fields).length > 0 && rest.length === 0) return { fields, other: null };
  const text = rest.length > 0 ? rest.join(" ") : error.details;
  return { fields, other: text === "" ? t("forumsPage.form.failed") : text };
}

function NeedMark(props: { required: boolean }) {
  return (
    <span className="field-need">
      {" "}
      ({props.required ? t("forumsPage.form.required") : t("forumsPage.form.optional")})
    </span>
  );
}

function described(id: string, hint: boolean, error: boolean): string | undefined {
  return (
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

function HintAndError(props: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {props.hint !== undefined && (
        <p id={`${props.id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.error !== undefined && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "date";
  required?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  multiline?: boolean;
}) {
  const id = useId();
  const required = props.required ?? false;
  const common = {
    id,
    value: props.value,
    "aria-invalid": props.error !== undefined,
    "aria-describedby": described(id, props.hint !== undefined, props.error !== undefined),
    "aria-required": required,
  };
  return (
    <div className={props.error === undefined ? "field" : "field invalid"}>
      <label htmlFor={id}>
        {props.label}
        <NeedMark required={required} />
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { code: string; name: string }[];
  /** The empty choice's text; without it a choice is required. */
  empty?: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className={props.error === undefined ? "field" : "field invalid"}>
      <label htmlFor={id}>
        {props.label}
        <NeedMark required={props.empty === undefined} />
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error !== undefined}
        aria-describedby={described(id, props.hint !== undefined, props.error !== undefined)}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The kinds of huvudman whose organisations are listed open from the start. */
const mainTypes: readonly string[] = ["kommun", "region"];

/**
 * Organisations as checkboxes by kind of huvudman, each kind by name; the long lists (schools,
 * providers) stay folded until opened, unless one of them is chosen.
 */
export function OrganisationChoices(props: {
  legend: string;
  catalogues: Catalogues;
  values: readonly string[];
  onChange: (values: readonly string[]) => void;
  /** Only these organisations (a forum's members); all the catalogue's otherwise. */
  only?: readonly string[];
  hint?: string;
  error?: string | undefined;
}) {
  const id = useId();
  const { catalogues, values } = props;
  const pickable = catalogues.organisations.filter(
    (o) => props.only === undefined || props.only.includes(o.code),
  );
  const groups = catalogues.principalTypes
    .map((type) => ({
      type,
      options: pickable
        .filter((o) => o.principalType === type.code)
        .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    }))
    .filter((g) => g.options.length > 0);
  const toggle = (code: string, on: boolean) =>
    props.onChange(on ? [...values, code] : values.filter((v) => v !== code));
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={props.error === undefined ? "code-choices" : "code-choices invalid"}
      aria-invalid={props.error !== undefined}
      aria-describedby={described(id, props.hint !== undefined, props.error !== undefined)}
    >
      <legend>
        {props.legend}
        <NeedMark required />
      </legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      {groups.map((g) => (
        <details
          key={g.type.code}
          className="choice-group"
          open={
            mainTypes.includes(g.type.code) ||
            props.only !== undefined ||
            g.options.some((o) => values.includes(o.code))
          }
        >
          <summary>
            {t("forumsPage.form.group_chosen", {
              group: g.type.name,
              count: g.options.filter((o) => values.includes(o.code)).length,
            })}
          </summary>
          <div className="choices">
            {g.options.map((o) => (
              <label key={o.code} className="choice">
                <input
                  type="checkbox"
                  value={o.code}
                  checked={values.includes(o.code)}
                  onChange={(e) => toggle(o.code, e.target.checked)}
                />
                {o.name}
              </label>
            ))}
          </div>
        </details>
      ))}
    </fieldset>
  );
}

/** A form's outcome: saved (announced politely) or refused (an alert). */
export function FormMessage(props: { saved: string | null; error: string | null }) {
  return (
    <>
      <p role="status" className="action-message">
        {props.saved}
      </p>
      {props.error !== null && (
        <p role="alert" className="field-error">
          {props.error}
        </p>
      )}
    </>
  );
}

/**
 * A page's period in the URL (`periodFrom`, `periodTo`: see search.ts), as two dates or two
 * months.
 */
export function PeriodChoice(props: { from: string; to: string; unit?: "date" | "month" }) {
  const setSearch = useSetSearch();
  const unit = props.unit ?? "date";
  return (
    <div className="form-row period-choice">
      <BoundChoice
        label={t("forumsPage.period.from")}
        unit={unit}
        value={props.from}
        onChange={(v) => setSearch({ periodFrom: v })}
      />
      <BoundChoice
        label={t("forumsPage.period.to")}
        unit={unit}
        value={props.to}
        onChange={(v) => setSearch({ periodTo: v })}
      />
    </div>
  );
}

const complete = {
  date: isDate,
  month: (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value),
};

/** A half-typed date is no choice yet: the URL changes once it is whole. */
function BoundChoice(props: {
  label: string;
  unit: "date" | "month";
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.unit}
        value={props.value}
        onChange={(e) => {
          if (complete[props.unit](e.target.value)) props.onChange(e.target.value);
        }}
      />
    </div>
  );
}

/**
 * A form of one required text (an agenda item, a decision, a lift's note, a resolution):
 * checked before sending, the API's refusal beside the field, cleared once saved, and what
 * was saved said in the status line.
 */
export function TextForm<R>(props: {
  className: string;
  /** The form's name when it sits among others in a section (a fieldset's legend). */
  legend?: string;
  label: string;
  submit: string;
  /** The field's path in the API's error details. */
  field: string;
  multiline?: boolean;
  primary?: boolean;
  pending: boolean;
  save: (value: string) => Promise<R>;
  /** Once saved: what was saved, in words for the status line (null: the page says it). */
  onSaved: (result: R) => string | null;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setProblem(null);
    if (value.trim() === "") {
      setError(t("forumsPage.form.fill_in", { field: props.label }));
      return;
    }
    setError(undefined);
    try {
      const result = await props.save(value.trim());
      setValue("");
      setSaved(props.onSaved(result));
    } catch (e) {
      const refused = refusal(e, [props.field]);
      setError(refused.fields[props.field]);
      setProblem(refused.other);
    }
  }

  const fields: ReactNode = (
    <>
      <TextField
        label={props.label}
        value={value}
        onChange={setValue}
        required
        multiline={props.multiline ?? false}
        hint={t("forumsPage.form.text_hint")}
        error={error}
      />
      <button
        type="submit"
        className={props.primary ? "primary" : undefined}
        disabled={props.pending}
      >
        {props.submit}
      </button>
      <FormMessage saved={saved} error={problem} />
    </>
  );
  return (
    <form className={`forum-form ${props.className}`} onSubmit={(e) => void submit(e)} noValidate>
      {props.legend === undefined ? (
        fields
      ) : (
        <fieldset>
          <legend>{props.legend}</legend>
          {fields}
        </fieldset>
      )}
    </form>
  );
}
