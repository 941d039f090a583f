import { type FormEvent, useState } from "react";
import { useAgreementList, useIndicators } from "../../api/agreements";
import { type Forum, type Meeting, type NewAction, useAddAction } from "../../api/forums";
import type { Catalogues } from "../../api/types";
import { t } from "../../lib/i18n";
import { organisationName } from "../agreements/agreements";
import { FormMessage, refusal, SelectField, TextField } from "./fields";
import { isDate } from "./forums";

/** The action form's state: strings as typed. */
export interface ActionDraft {
  readonly title: string;
  readonly owner: string;
  readonly dueOn: string;
  readonly agreementId: string;
  readonly indicatorId: string;
}

export const emptyAction: ActionDraft = {
  title: "",
  owner: "",
  dueOn: "",
  agreementId: "",
  indicatorId: "",
};

/** The checks the API makes that the form can make first, by the API's field paths. */
export function checkAction(
  draft: ActionDraft,
  members: readonly string[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.title.trim() === "") {
    errors.title = t("forumsPage.form.fill_in", { field: t("forumsPage.add_action.title") });
  }
  if (!members.includes(draft.owner)) {
    errors.owner = t("forumsPage.form.fill_in", { field: t("forumsPage.add_action.owner") });
  }
  if (!isDate(draft.dueOn)) errors.dueOn = t("forumsPage.form.date");
  if (draft.agreementId !== "" && draft.indicatorId === "") {
    errors.link = t("forumsPage.add_action.choose_indicator");
  }
  return errors;
}

/** The body of POST …/actions: an indicator link only when one is chosen. */
export function actionBody(draft: ActionDraft): NewAction {
  return {
    title: draft.title.trim(),
    owner: draft.owner,
    dueOn: draft.dueOn,
    ...(draft.indicatorId === ""
      ? {}
      : { link: { kind: "indicator", indicatorId: draft.indicatorId } }),
  };
}

const fieldPaths = ["title", "owner", "dueOn", "link", "link.indicatorId"];

/**
 * A new action: what, which member organisation owns it, by when, and optionally the indicator
 * it is meant to move (its figure is then followed under "Fungerade det?").
 */
export function AddAction(props: { forum: Forum; meeting: Meeting; catalogues: Catalogues }) {
  const { forum, catalogues } = props;
  const add = useAddAction(forum.id, props.meeting.id);
  const [draft, setDraft] = useState<ActionDraft>(emptyAction);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (changes: Partial<ActionDraft>) => setDraft({ ...draft, ...changes });
  const owners = forum.members
    .map((code) => ({ code, name: organisationName(catalogues, code) }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setProblem(null);
    const own = checkAction(draft, forum.members);
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      await add.mutateAsync(actionBody(draft));
      setDraft(emptyAction);
      setSaved(true);
    } catch (e) {
      const refused = refusal(e, fieldPaths);
      setErrors(refused.fields);
      setProblem(refused.other);
    }
  }

  return (
    <form className="forum-form add-action" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t("forumsPage.add_action.heading")}</legend>
        <TextField
          label={t("forumsPage.add_action.title")}
          value={draft.title}
          onChange={(title) => set({ title })}
          required
          hint={t("forumsPage.form.text_hint")}
          error={errors.title}
        />
        <div className="form-row">
          <SelectField
            label={t("forumsPage.add_action.owner")}
            value={draft.owner}
            onChange={(owner) => set({ owner })}
            options={[{ code: "", name: t("forumsPage.form.choose") }, ...owners]}
            error={errors.owner}
          />
          <TextField
            label={t("forumsPage.add_action.due")}
            type="date"
            value={draft.dueOn}
            onChange={(dueOn) => set({ dueOn })}
            required
            error={errors.dueOn}
          />
        </div>
        <IndicatorLink
          forum={forum}
          draft={draft}
          onChange={set}
          error={errors.link ?? errors["link.indicatorId"]}
        />
        <button type="submit" className="primary" disabled={add.isPending}>
          {t("forumsPage.add_action.submit")}
        </button>
        <FormMessage saved={saved ? t("forumsPage.add_action.added") : null} error={problem} />
      </fieldset>
    </form>
  );
}

/** An agreement of the forum's members, then one of its indicators. */
function IndicatorLink(props: {
  forum: Forum;
  draft: ActionDraft;
  onChange: (changes: Partial<ActionDraft>) => void;
  error: string | undefined;
}) {
  const agreements = useAgreementList({});
  const options = (agreements.data?.items ?? [])
    .filter((a) => a.parties.some((p) => props.forum.members.includes(p)))
    .map((a) => ({ code: a.id, name: a.title }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return (
    <div className="form-row indicator-link">
      <SelectField
        label={t("forumsPage.add_action.agreement")}
        value={props.draft.agreementId}
        onChange={(agreementId) => props.onChange({ agreementId, indicatorId: "" })}
        options={options}
        empty={t("forumsPage.form.none")}
        hint={t("forumsPage.add_action.link_hint")}
        error={props.draft.agreementId === "" ? props.error : undefined}
      />
      {props.draft.agreementId !== "" && (
        <IndicatorChoice
          agreementId={props.draft.agreementId}
          value={props.draft.indicatorId}
          onChange={(indicatorId) => props.onChange({ indicatorId })}
          error={props.error}
        />
      )}
    </div>
  );
}

function IndicatorChoice(props: {
  agreementId: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const indicators = useIndicators(props.agreementId);
  const items = indicators.data?.items ?? [];
  if (indicators.isSuccess && items.length === 0) {
    return <p className="field-hint">{t("forumsPage.add_action.no_indicators")}</p>;
  }
  return (
    <SelectField
      label={t("forumsPage.add_action.indicator")}
      value={props.value}
      onChange={props.onChange}
      options={[
        { code: "", name: t("forumsPage.form.choose") },
        ...items.map((i) => ({ code: i.id, name: i.name })),
      ]}
      error={props.error}
    />
  );
}
