import { sectionKinds } from "@samsyn/domain/agreements";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useAgreementList } from "../../api/agreements";
import { useRaiseEscalation } from "../../api/escalations";
import type { Catalogues } from "../../api/types";
import { t } from "../../lib/i18n";
import { sectionName } from "../agreements/agreements";
import {
  FormMessage,
  OrganisationChoices,
  refusal,
  SelectField,
  TextField,
} from "../forums/fields";
import { checkRaise, emptyRaise, type RaiseDraft, raiseBody } from "./escalations";

const fieldPaths = [
  "about.caseId",
  "about.agreementId",
  "about.section",
  "organisations",
  "question",
];

/**
 * A new escalation at level 1: about a case (samordnare, by its number in Samsyn) or about a
 * routine (ledning, lan, admin; optionally an agreement's section), between at least two
 * organisations, with the question they disagree on.
 */
export function RaiseEscalation(props: { kind: "case" | "routine"; catalogues: Catalogues }) {
  const { kind, catalogues } = props;
  const raise = useRaiseEscalation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<RaiseDraft>(emptyRaise);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (changes: Partial<RaiseDraft>) => setDraft({ ...draft, ...changes });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const own = checkRaise(draft, kind);
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      const raised = await raise.mutateAsync(raiseBody(draft, kind));
      await navigate({ to: "/eskaleringar/$id", params: { id: raised.id } });
    } catch (e) {
      const refused = refusal(e, fieldPaths);
      setErrors(refused.fields);
      setProblem(refused.other);
    }
  }

  return (
    <section aria-labelledby="raise-heading" className="escalation-form">
      <h2 id="raise-heading">{t("escalationsPage.raise.heading")}</h2>
      <p className="intro">
        {t(
          kind === "case"
            ? "escalationsPage.raise.intro_case"
            : "escalationsPage.raise.intro_routine",
        )}
      </p>
      <form className="forum-form raise-escalation" onSubmit={(e) => void submit(e)} noValidate>
        {kind === "case" ? (
          <TextField
            label={t("escalationsPage.raise.case_id")}
            value={draft.caseId}
            onChange={(caseId) => set({ caseId })}
            required
            hint={t("escalationsPage.raise.case_id_hint")}
            error={errors["about.caseId"]}
          />
        ) : (
          <RoutineFields draft={draft} onChange={set} errors={errors} />
        )}
        <OrganisationChoices
          legend={t("escalationsPage.raise.organisations")}
          hint={t("escalationsPage.raise.organisations_hint")}
          catalogues={catalogues}
          values={draft.organisations}
          onChange={(organisations) => set({ organisations })}
          error={errors.organisations}
        />
        <TextField
          label={t("escalationsPage.raise.question")}
          value={draft.question}
          onChange={(question) => set({ question })}
          required
          multiline
          hint={t("forumsPage.form.text_hint")}
          error={errors.question}
        />
        <button type="submit" className="primary" disabled={raise.isPending}>
          {raise.isPending ? t("forumsPage.form.saving") : t("escalationsPage.raise.submit")}
        </button>
        <FormMessage saved={null} error={problem} />
      </form>
    </section>
  );
}

function RoutineFields(props: {
  draft: RaiseDraft;
  onChange: (changes: Partial<RaiseDraft>) => void;
  errors: Readonly<Record<string, string>>;
}) {
  const agreements = useAgreementList({});
  const options = (agreements.data?.items ?? [])
    .map((a) => ({ code: a.id, name: a.title }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return (
    <div className="form-row">
      <SelectField
        label={t("escalationsPage.raise.agreement")}
        value={props.draft.agreementId}
        onChange={(agreementId) => props.onChange({ agreementId })}
        options={options}
        empty={t("forumsPage.form.none")}
        error={props.errors["about.agreementId"]}
      />
      <SelectField
        label={t("escalationsPage.raise.section")}
        value={props.draft.section}
        onChange={(section) => props.onChange({ section })}
        options={sectionKinds.map((k) => ({ code: k, name: sectionName(k) }))}
        empty={t("forumsPage.form.none")}
        error={props.errors["about.section"]}
      />
    </div>
  );
}
