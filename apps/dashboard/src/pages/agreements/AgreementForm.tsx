import { sectionKinds } from "@samsyn/domain/agreements";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useId, useRef, useState } from "react";
import {
  type Agreement,
  useAgreement,
  useCreateAgreement,
  useUpdateAgreement,
} from "../../api/agreements";
import { useCatalogues } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { PageHeading } from "../../components/Controls";
import { QueryState } from "../../components/QueryState";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { focusMain } from "../../router/pages";
import { ApiFailure } from "../../session";
import {
  type AgreementDraft,
  apiFieldErrors,
  checkDraft,
  createBody,
  defaultReviewBy,
  draftOf,
  type FieldErrors,
  fieldLabel,
  levelName,
  newDraft,
  patchBody,
  sectionName,
} from "./agreements";
import { editAgreementRoute } from "./route";
import "./agreements.css";

/** A new agreement, saved as a draft; prefilled from the coverage cell it was opened from. */
export function NewAgreement() {
  const search = useSearch({ from: "__root__" });
  const catalogues = useCatalogues();
  const create = useCreateAgreement();
  const navigate = useNavigate();
  return (
    <>
      <PageHeading title={t("agreements.page.new")} intro={t("agreements.form.intro_new")} />
      <QueryState query={catalogues}>
        {(c) => (
          <AgreementForm
            catalogues={c}
            initial={newDraft(
              c,
              { municipality: search.municipality ?? [], targetGroup: search.targetGroup ?? [] },
              stockholmToday(),
            )}
            editing={false}
            submitLabel={t("agreements.form.save_new")}
            cancelHref="/overenskommelser"
            save={async (draft) => {
              const created = await create.mutateAsync(createBody(draft));
              await navigate({ to: "/overenskommelser/$id", params: { id: created.id } });
              focusMain();
            }}
          />
        )}
      </QueryState>
    </>
  );
}

/**
 * Changes to an agreement as a new revision. The revision the form was opened at goes with the
 * change: if someone else saved meanwhile, the API refuses (409) and the user reloads.
 */
export function EditAgreement() {
  const { id } = editAgreementRoute.useParams();
  const agreement = useAgreement(id);
  const catalogues = useCatalogues();
  return (
    <>
      <PageHeading title={t("agreements.page.edit")} intro={t("agreements.form.intro_edit")} />
      <QueryState query={catalogues}>
        {(c) => (
          <QueryState query={agreement}>
            {(a) => (
              <OpenedRevision
                latest={a}
                catalogues={c}
                fetchLatest={async () => (await agreement.refetch()).data}
              />
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

/**
 * The revision the user opened stays in the form while the API's answer moves on (a write
 * elsewhere, a refetch after a refusal): only "load the latest" replaces it, and the form with it.
 */
function OpenedRevision(props: {
  latest: Agreement;
  catalogues: Catalogues;
  fetchLatest: () => Promise<Agreement | undefined>;
}) {
  const [opened, setOpened] = useState(props.latest);
  return (
    <EditForm
      key={opened.revision}
      agreement={opened}
      catalogues={props.catalogues}
      reload={() =>
        void props.fetchLatest().then((latest) => {
          if (latest !== undefined) setOpened(latest);
        })
      }
    />
  );
}

function EditForm(props: { agreement: Agreement; catalogues: Catalogues; reload: () => void }) {
  const { agreement } = props;
  const update = useUpdateAgreement(agreement.id);
  const navigate = useNavigate();
  const open = () => {
    void navigate({ to: "/overenskommelser/$id", params: { id: agreement.id } });
    focusMain();
  };
  return (
    <>
      <h2 className="form-subject">{agreement.title}</h2>
      <AgreementForm
        catalogues={props.catalogues}
        initial={draftOf(agreement)}
        editing
        submitLabel={t("agreements.form.save_edit")}
        cancelHref={`/overenskommelser/${agreement.id}`}
        onReload={props.reload}
        save={async (draft) => {
          const body = patchBody(draft, agreement);
          if (body !== null) await update.mutateAsync(body);
          open();
        }}
      />
    </>
  );
}

type Problem = "conflict" | "forbidden" | "failed" | null;

/**
 * The fields of an agreement. Every control has a label; an error stands beside its field, tied
 * to it (aria-describedby, aria-invalid), and a summary above the buttons links to each. The
 * API's per-field details land beside the same fields as the form's own checks.
 */
function AgreementForm(props: {
  catalogues: Catalogues;
  initial: AgreementDraft;
  editing: boolean;
  submitLabel: string;
  cancelHref: string;
  save: (draft: AgreementDraft) => Promise<void>;
  onReload?: () => void;
}) {
  const { catalogues } = props;
  const [draft, setDraft] = useState(props.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem>(null);
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const formId = useId();
  const idOf = (path: string) => `${formId}-${path.replace(/\./g, "-")}`;
  const set = <K extends keyof AgreementDraft>(key: K, value: AgreementDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function showErrors(fields: FieldErrors, rest: string[]) {
    setErrors(fields);
    setOther(rest);
    // After React has drawn the summary.
    setTimeout(() => summary.current?.focus(), 0);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const own = checkDraft(draft, props.editing);
    if (Object.keys(own).length > 0) return showErrors(own, []);
    setErrors({});
    setOther([]);
    setSaving(true);
    try {
      await props.save(draft);
    } catch (error) {
      if (!(error instanceof ApiFailure)) setProblem("failed");
      else if (error.status === 409) setProblem("conflict");
      else if (error.status === 403) setProblem("forbidden");
      else if ((error.status === 400 || error.status === 422) && error.fields.length > 0) {
        const mapped = apiFieldErrors(error.fields);
        showErrors(mapped.fields, mapped.other);
      } else setProblem("failed");
    } finally {
      setSaving(false);
    }
  }

  const errorCount = Object.keys(errors).length + other.length;
  const field = (path: string) => ({
    id: idOf(path),
    error: errors[path],
    errorId: `${idOf(path)}-error`,
  });

  return (
    <form className="agreement-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        {...field("title")}
        label={fieldLabel("title")}
        value={draft.title}
        onChange={(v) => set("title", v)}
        required
      />
      <fieldset>
        <legend>{fieldLabel("level")}</legend>
        {(["lan", "lokal"] as const).map((level) => (
          <label key={level} className="choice">
            <input
              type="radio"
              name="level"
              value={level}
              checked={draft.level === level}
              onChange={() => set("level", level)}
            />
            {levelName(level)}
          </label>
        ))}
      </fieldset>
      <CodeChoices
        {...field("parties")}
        legend={fieldLabel("parties")}
        hint={t("agreements.form.parties_hint")}
        groups={partyGroups(catalogues, props.initial.parties)}
        values={draft.parties}
        onChange={(v) => set("parties", v)}
      />
      <CodeChoices
        {...field("targetGroups")}
        legend={fieldLabel("targetGroups")}
        groups={[{ name: null, options: catalogues.targetGroups }]}
        values={draft.targetGroups}
        onChange={(v) => set("targetGroups", v)}
      />
      <CodeChoices
        {...field("municipalities")}
        legend={fieldLabel("municipalities")}
        groups={[
          {
            name: null,
            options: [...catalogues.municipalities].sort((a, b) =>
              a.name.localeCompare(b.name, "sv"),
            ),
          },
        ]}
        values={draft.municipalities}
        onChange={(v) => set("municipalities", v)}
        all={catalogues.municipalities.map((m) => m.code)}
      />
      <div className="form-row">
        <TextField
          {...field("validFrom")}
          label={fieldLabel("validFrom")}
          type="date"
          value={draft.validFrom}
          onChange={(v) => set("validFrom", v)}
          required
        />
        <TextField
          {...field("validTo")}
          label={fieldLabel("validTo")}
          type="date"
          hint={t("agreements.form.validTo_hint")}
          value={draft.validTo}
          onChange={(v) => set("validTo", v)}
        />
        <TextField
          {...field("reviewBy")}
          label={fieldLabel("reviewBy")}
          type="date"
          hint={
            props.editing
              ? undefined
              : `${t("agreements.form.reviewBy_hint")}${
                  defaultReviewBy(draft.validFrom) === null
                    ? ""
                    : ` (${defaultReviewBy(draft.validFrom)})`
                }`
          }
          value={draft.reviewBy}
          onChange={(v) => set("reviewBy", v)}
          required={props.editing}
        />
      </div>
      <TextField
        {...field("documentUrl")}
        label={fieldLabel("documentUrl")}
        type="url"
        hint={t("agreements.form.documentUrl_hint")}
        value={draft.documentUrl}
        onChange={(v) => set("documentUrl", v)}
      />
      <SectionFields
        sections={draft.sections}
        onChange={(v) => set("sections", v)}
        field={field}
        error={errors.sections}
      />
      {errorCount > 0 && (
        <div className="form-errors" role="alert" tabIndex={-1} ref={summary}>
          <p>{t("agreements.form.errors_heading", { count: errorCount })}</p>
          <ul>
            {Object.entries(errors).map(([path, message]) => (
              <li key={path}>
                <a
                  href={`#${idOf(path)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(idOf(path))?.focus();
                  }}
                >
                  {fieldLabel(path)}: {message}
                </a>
              </li>
            ))}
            {other.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {problem !== null && (
        <div className="form-errors" role="alert">
          <p>{t(`agreements.form.${problem}`)}</p>
          {problem === "conflict" && props.onReload !== undefined && (
            <button type="button" onClick={props.onReload}>
              {t("agreements.form.reload")}
            </button>
          )}
        </div>
      )}
      <p className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("agreements.form.saving") : props.submitLabel}
        </button>
        <Link to={props.cancelHref}>{t("agreements.form.cancel")}</Link>
      </p>
    </form>
  );
}

/** The kinds of huvudman a coverage agreement is between: their groups are open from the start. */
const mainParties: readonly string[] = ["kommun", "region"];

/**
 * Parties grouped by kind of huvudman (kommuner, region, …), each group by name. The long lists
 * (schools, providers) stay folded until opened, unless one of them is already a party.
 */
function partyGroups(catalogues: Catalogues, chosen: readonly string[]) {
  return catalogues.principalTypes
    .map((type) => ({
      name: type.name,
      open:
        mainParties.includes(type.code) ||
        catalogues.organisations.some(
          (o) => o.principalType === type.code && chosen.includes(o.code),
        ),
      options: catalogues.organisations
        .filter((o) => o.principalType === type.code)
        .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    }))
    .filter((g) => g.options.length > 0);
}

interface FieldProps {
  id: string;
  error: string | undefined;
  errorId: string;
}

/** The ids a control is described by: its hint and its error, when it has them. */
function describedBy(props: FieldProps, hintId: string | null): string | undefined {
  const ids = [hintId, props.error === undefined ? null : props.errorId].filter((x) => x !== null);
  return ids.length === 0 ? undefined : ids.join(" ");
}

function FieldError(props: FieldProps) {
  return props.error === undefined ? null : (
    <p id={props.errorId} className="field-error">
      {props.error}
    </p>
  );
}

function RequiredMark(props: { required: boolean | undefined }) {
  return (
    <span className="field-need">
      {" "}
      ({props.required ? t("agreements.form.required") : t("agreements.form.optional")})
    </span>
  );
}

function TextField(
  props: FieldProps & {
    label: string;
    value: string;
    onChange: (value: string) => void;
    type?: "text" | "date" | "url";
    hint?: string | undefined;
    required?: boolean;
  },
) {
  const hintId = props.hint === undefined ? null : `${props.id}-hint`;
  return (
    <div className={props.error === undefined ? "field" : "field invalid"}>
      <label htmlFor={props.id}>
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      {props.hint !== undefined && (
        <p id={`${props.id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        type={props.type ?? "text"}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error !== undefined}
        aria-describedby={describedBy(props, hintId)}
        aria-required={props.required}
      />
      <FieldError {...props} />
    </div>
  );
}

/** Checkboxes of codes by their names, in groups; "all" offers to choose every one at once. */
function CodeChoices(
  props: FieldProps & {
    legend: string;
    hint?: string;
    groups: readonly {
      name: string | null;
      open?: boolean;
      options: readonly { code: string; name: string }[];
    }[];
    values: readonly string[];
    onChange: (values: readonly string[]) => void;
    all?: readonly string[];
  },
) {
  const hintId = props.hint === undefined ? null : `${props.id}-hint`;
  const toggle = (code: string, on: boolean) =>
    props.onChange(on ? [...props.values, code] : props.values.filter((v) => v !== code));
  const boxes = (options: readonly { code: string; name: string }[]) => (
    <div className="choices">
      {options.map((o) => (
        <label key={o.code} className="choice">
          <input
            type="checkbox"
            value={o.code}
            checked={props.values.includes(o.code)}
            onChange={(e) => toggle(o.code, e.target.checked)}
          />
          {o.name}
        </label>
      ))}
    </div>
  );
  return (
    <fieldset
      id={props.id}
      tabIndex={-1}
      className={props.error === undefined ? "code-choices" : "code-choices invalid"}
      aria-describedby={describedBy(props, hintId)}
      aria-invalid={props.error !== undefined}
    >
      <legend>
        {props.legend}
        <RequiredMark required />
      </legend>
      {props.hint !== undefined && (
        <p id={`${props.id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      <FieldError {...props} />
      {props.all !== undefined && (
        <p className="choice-all">
          <button type="button" onClick={() => props.onChange(props.all ?? [])}>
            {t("agreements.form.all_municipalities")}
          </button>
          <button type="button" onClick={() => props.onChange([])}>
            {t("agreements.form.no_municipalities")}
          </button>
        </p>
      )}
      {props.groups.map((g) =>
        g.name === null ? (
          <div key="all">{boxes(g.options)}</div>
        ) : (
          <details key={g.name} className="choice-group" open={g.open}>
            <summary>
              {t("agreements.form.group_chosen", {
                group: g.name,
                count: g.options.filter((o) => props.values.includes(o.code)).length,
              })}
            </summary>
            {boxes(g.options)}
          </details>
        ),
      )}
    </fieldset>
  );
}

function SectionFields(props: {
  sections: AgreementDraft["sections"];
  onChange: (sections: AgreementDraft["sections"]) => void;
  field: (path: string) => FieldProps;
  error: string | undefined;
}) {
  const { sections } = props;
  const change = (i: number, part: Partial<AgreementDraft["sections"][number]>) =>
    props.onChange(sections.map((s, j) => (j === i ? { ...s, ...part } : s)));
  return (
    <fieldset className="sections-fields" id={props.field("sections").id} tabIndex={-1}>
      <legend>{fieldLabel("sections")}</legend>
      <FieldError {...props.field("sections")} />
      {sections.map((section, i) => {
        const kind = props.field(`sections.${i}.kind`);
        const text = props.field(`sections.${i}.text`);
        const number = i + 1;
        return (
          <fieldset key={i} className="section-fields">
            <legend>{t("agreements.form.section_legend", { number })}</legend>
            <div className="field">
              <label htmlFor={kind.id}>{t("agreements.form.section_kind")}</label>
              <select
                id={kind.id}
                value={section.kind}
                onChange={(e) =>
                  change(i, { kind: e.target.value as AgreementDraft["sections"][number]["kind"] })
                }
                aria-invalid={kind.error !== undefined}
                aria-describedby={describedBy(kind, null)}
              >
                {sectionKinds.map((k) => (
                  <option key={k} value={k}>
                    {sectionName(k)}
                  </option>
                ))}
              </select>
              <FieldError {...kind} />
            </div>
            <TextField
              {...props.field(`sections.${i}.title`)}
              label={t("agreements.form.section_title")}
              value={section.title}
              onChange={(v) => change(i, { title: v })}
              required
            />
            <div className={text.error === undefined ? "field" : "field invalid"}>
              <label htmlFor={text.id}>
                {t("agreements.form.section_text")}
                <RequiredMark required={false} />
              </label>
              <textarea
                id={text.id}
                rows={4}
                value={section.text}
                onChange={(e) => change(i, { text: e.target.value })}
                aria-invalid={text.error !== undefined}
                aria-describedby={describedBy(text, null)}
              />
              <FieldError {...text} />
            </div>
            <button
              type="button"
              onClick={() => props.onChange(sections.filter((_, j) => j !== i))}
            >
              {t("agreements.form.section_remove", { number })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          props.onChange([...sections, { kind: "ansvarsfordelning", title: "", text: "" }])
        }
      >
        {t("agreements.form.section_add")}
      </button>
    </fieldset>
  );
}
