import { deviationKinds, sectionKinds } from "@samsyn/domain/agreements";
import { type FormEvent, useId, useState } from "react";
import {
  type AgreementDetail,
  type Deviation,
  type DeviationKind,
  type SectionKind,
  useCloseDeviation,
  useLogDeviation,
} from "../../api/agreements";
import type { Catalogues } from "../../api/types";
import { type Column, DataTable } from "../../components/DataTable";
import { textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { ApiFailure } from "../../session";
import { organisationName, organisationNames, sectionName } from "./agreements";

/** The kinds of section a deviation can be logged against: the agreement's, else every kind. */
export function deviationSections(
  a: Pick<AgreementDetail, "sections" | "deviations">,
): SectionKind[] {
  const used = new Set<SectionKind>([
    ...a.sections.map((s) => s.kind),
    ...a.deviations.map((d) => d.section),
  ]);
  return used.size === 0 ? [...sectionKinds] : sectionKinds.filter((k) => used.has(k));
}

/** Avvikelser and tvister per section: a table each, logged and closed by lan and admin. */
export function Deviations(props: {
  agreement: AgreementDetail;
  catalogues: Catalogues;
  mayWrite: boolean;
}) {
  const { agreement: a, catalogues } = props;
  const logged = sectionKinds.filter((k) => a.deviations.some((d) => d.section === k));
  const columns: Column<Deviation>[] = [
    {
      id: "occurred",
      header: t("agreements.deviations.col.occurred"),
      cell: (d) => textCell(d.occurredOn),
    },
    {
      id: "kind",
      header: t("agreements.deviations.col.kind"),
      cell: (d) => textCell(t(`agreements.deviation_kind.${d.kind}`)),
    },
    {
      id: "organisations",
      header: t("agreements.deviations.col.organisations"),
      cell: (d) => textCell(organisationNames(catalogues, d.organisations)),
    },
    {
      id: "description",
      header: t("agreements.deviations.col.description"),
      cell: (d) => textCell(d.description),
    },
    {
      id: "status",
      header: t("agreements.deviations.col.status"),
      cell: (d) => textCell(t(`agreements.deviations.status.${d.status}`)),
    },
    {
      id: "resolution",
      header: t("agreements.deviations.col.resolution"),
      cell: (d) => textCell(d.resolution ?? "–"),
    },
  ];
  return (
    <section aria-labelledby="deviations-heading">
      <h2 id="deviations-heading">{t("agreements.deviations.heading")}</h2>
      {logged.length === 0 && <p>{t("agreements.deviations.none")}</p>}
      {logged.map((kind) => {
        const rows = a.deviations.filter((d) => d.section === kind);
        return (
          <div key={kind} id={`deviations-${kind}`} className="deviation-section">
            <h3>{sectionName(kind)}</h3>
            <DataTable
              caption={t("agreements.deviations.caption", { section: sectionName(kind) })}
              columns={columns}
              rows={rows}
              rowKey={(d) => d.id}
              initialSort={{ id: "occurred", descending: true }}
            />
            {props.mayWrite &&
              rows
                .filter((d) => d.status === "open")
                .map((d) => <CloseDeviation key={d.id} agreementId={a.id} deviation={d} />)}
          </div>
        );
      })}
      {props.mayWrite && <LogDeviation agreement={a} catalogues={catalogues} />}
    </section>
  );
}

function CloseDeviation(props: { agreementId: string; deviation: Deviation }) {
  const close = useCloseDeviation(props.agreementId);
  const [resolution, setResolution] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const kind = t(`agreements.deviation_kind.${props.deviation.kind}`);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (resolution.trim() === "") {
      setError(t("agreements.invalid.required", { field: t("agreements.deviations.resolution") }));
      return;
    }
    try {
      await close.mutateAsync({ deviationId: props.deviation.id, resolution: resolution.trim() });
    } catch (e) {
      setError(
        e instanceof ApiFailure && e.details !== "" ? e.details : t("agreements.deviations.failed"),
      );
    }
  }
  return (
    <details className="close-deviation">
      <summary>
        {t("agreements.deviations.close_legend", { date: props.deviation.occurredOn })} ({kind})
      </summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={error === null ? "field" : "field invalid"}>
          <label htmlFor={id}>{t("agreements.deviations.resolution")}</label>
          <textarea
            id={id}
            rows={3}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            aria-invalid={error !== null}
            aria-describedby={error === null ? undefined : `${id}-error`}
          />
          {error !== null && (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit" disabled={close.isPending}>
          {t("agreements.deviations.save_close")}
        </button>
      </form>
    </details>
  );
}

interface DeviationDraft {
  kind: DeviationKind;
  section: SectionKind;
  occurredOn: string;
  organisations: readonly string[];
  description: string;
}

function LogDeviation(props: { agreement: AgreementDetail; catalogues: Catalogues }) {
  const { agreement: a, catalogues } = props;
  const log = useLogDeviation(a.id);
  const sections = deviationSections(a);
  const initial = (): DeviationDraft => ({
    kind: "avvikelse",
    section: sections[0] ?? "ovrigt",
    occurredOn: stockholmToday(),
    organisations: [],
    description: "",
  });
  const [draft, setDraft] = useState<DeviationDraft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const id = useId();
  const fieldId = (name: string) => `${id}-${name}`;
  const errorOf = (name: string) => errors[name];
  const described = (name: string, hint = false) =>
    [hint ? `${fieldId(name)}-hint` : null, errorOf(name) ? `${fieldId(name)}-error` : null]
      .filter((x) => x !== null)
      .join(" ") || undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const own: Record<string, string> = {};
    if (draft.organisations.length === 0) own.organisations = t("agreements.invalid.choose_one");
    if (draft.description.trim() === "") {
      own.description = t("agreements.invalid.required", {
        field: t("agreements.deviations.description"),
      });
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.occurredOn))
      own.occurredOn = t("agreements.invalid.date");
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      await log.mutateAsync({ ...draft, organisations: [...draft.organisations] });
      setDraft(initial());
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiFailure && e.fields.length > 0) {
        setErrors(Object.fromEntries(e.fields.map((d) => [d.path || "description", d.message])));
      } else setErrors({ description: t("agreements.deviations.failed") });
    }
  }

  const error = (name: string) =>
    errorOf(name) === undefined ? null : (
      <p id={`${fieldId(name)}-error`} className="field-error">
        {errorOf(name)}
      </p>
    );

  return (
    <form className="log-deviation" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t("agreements.deviations.log")}</legend>
        <div className="form-row">
          <div className="field">
            <label htmlFor={fieldId("kind")}>{t("agreements.deviations.kind")}</label>
            <select
              id={fieldId("kind")}
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as DeviationKind })}
            >
              {deviationKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`agreements.deviation_kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fieldId("section")}>{t("agreements.deviations.section")}</label>
            <select
              id={fieldId("section")}
              value={draft.section}
              onChange={(e) => setDraft({ ...draft, section: e.target.value as SectionKind })}
            >
              {sections.map((k) => (
                <option key={k} value={k}>
                  {sectionName(k)}
                </option>
              ))}
            </select>
          </div>
          <div className={errorOf("occurredOn") ? "field invalid" : "field"}>
            <label htmlFor={fieldId("occurredOn")}>{t("agreements.deviations.occurred_on")}</label>
            <input
              id={fieldId("occurredOn")}
              type="date"
              value={draft.occurredOn}
              onChange={(e) => setDraft({ ...draft, occurredOn: e.target.value })}
              aria-invalid={errorOf("occurredOn") !== undefined}
              aria-describedby={described("occurredOn")}
            />
            {error("occurredOn")}
          </div>
        </div>
        <fieldset
          className={errorOf("organisations") ? "code-choices invalid" : "code-choices"}
          aria-describedby={described("organisations")}
          aria-invalid={errorOf("organisations") !== undefined}
        >
          <legend>{t("agreements.deviations.organisations")}</legend>
          {error("organisations")}
          <div className="choices">
            {a.parties.map((code) => (
              <label key={code} className="choice">
                <input
                  type="checkbox"
                  checked={draft.organisations.includes(code)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      organisations: e.target.checked
                        ? [...draft.organisations, code]
                        : draft.organisations.filter((c) => c !== code),
                    })
                  }
                />
                {organisationName(catalogues, code)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className={errorOf("description") ? "field invalid" : "field"}>
          <label htmlFor={fieldId("description")}>{t("agreements.deviations.description")}</label>
          <p id={`${fieldId("description")}-hint`} className="field-hint">
            {t("agreements.deviations.description_hint")}
          </p>
          <textarea
            id={fieldId("description")}
            rows={3}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            aria-invalid={errorOf("description") !== undefined}
            aria-describedby={described("description", true)}
          />
          {error("description")}
        </div>
        <button type="submit" disabled={log.isPending}>
          {t("agreements.deviations.save")}
        </button>
        <p role="status" className="action-message">
          {saved ? t("agreements.deviations.saved") : ""}
        </p>
      </fieldset>
    </form>
  );
}
