import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { type EvaluationSummary, useCreateEvaluation, useEvaluations } from "../../api/evaluations";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { PageHeading } from "../../components/Controls";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { RouteLink } from "../../components/RouteLink";
import { linkCell, textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { organisationNames } from "../agreements/agreements";
import {
  FormMessage,
  OrganisationChoices,
  refusal,
  SelectField,
  TextField,
} from "../forums/fields";
import { checkEvaluation, type EvaluationDraft, phaseName, sessionHolders } from "./evaluations";
import "../agreements/agreements.css";
import "./evaluations.css";

/** Utvärdering: the sessions the user sees, newest first; samordnare, ledning and admin start one. */
export function Sessions() {
  const catalogues = useCatalogues();
  const sessions = useEvaluations();
  const { role } = useSession();
  return (
    <div className="evaluations">
      <PageHeading title={t("nav.evaluations")} intro={t("evaluationsPage.intro")} />
      <p>
        <RouteLink href="/utvardering/teman">{t("evaluationsPage.themes.link")}</RouteLink>
      </p>
      <QueryState query={catalogues}>
        {(c) => (
          <>
            <QueryState query={sessions}>
              {(data) =>
                data.items.length === 0 ? (
                  <p className="state empty">{t("evaluationsPage.list.empty")}</p>
                ) : (
                  <SessionTable sessions={data.items} catalogues={c} />
                )
              }
            </QueryState>
            {sessionHolders.includes(role) && <StartSession catalogues={c} />}
          </>
        )}
      </QueryState>
    </div>
  );
}

function SessionTable(props: { sessions: readonly EvaluationSummary[]; catalogues: Catalogues }) {
  const columns: Column<EvaluationSummary>[] = [
    {
      id: "title",
      header: t("evaluationsPage.col.title"),
      cell: (s) =>
        linkCell(
          s.anonymous ? `${s.title} (${t("evaluationsPage.anonymous")})` : s.title,
          `/utvardering/${s.id}`,
        ),
    },
    {
      id: "organisations",
      header: t("evaluationsPage.col.organisations"),
      cell: (s) => textCell(organisationNames(props.catalogues, s.organisations)),
    },
    {
      id: "period",
      header: t("evaluationsPage.col.period"),
      cell: (s) => textCell(`${s.from} – ${s.to}`, s.from),
    },
    {
      id: "phase",
      header: t("evaluationsPage.col.phase"),
      cell: (s) => textCell(phaseName(s.phase)),
    },
    {
      id: "held",
      header: t("evaluationsPage.col.held"),
      cell: (s) => textCell(s.createdAt.slice(0, 10)),
    },
  ];
  return (
    <DataTable
      caption={t("evaluationsPage.list.caption")}
      columns={columns}
      rows={[...props.sessions]}
      rowKey={(s) => s.id}
      initialSort={{ id: "held", descending: true }}
    />
  );
}

function emptyDraft(orgs: readonly string[]): EvaluationDraft {
  const today = stockholmToday();
  return {
    title: "",
    organisations: orgs.slice(0, 1),
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    process: "",
    anonymous: false,
    votesPerParticipant: "3",
  };
}

const fields = ["title", "organisations", "from", "to", "process", "votesPerParticipant"];

function StartSession(props: { catalogues: Catalogues }) {
  const { catalogues } = props;
  const { orgs } = useSession();
  const create = useCreateEvaluation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<EvaluationDraft>(() => emptyDraft(orgs));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (changes: Partial<EvaluationDraft>) => setDraft({ ...draft, ...changes });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const own = checkEvaluation(draft);
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      const board = await create.mutateAsync({
        title: draft.title.trim(),
        organisations: [...draft.organisations],
        from: draft.from,
        to: draft.to,
        ...(draft.process === "" ? {} : { process: draft.process }),
        anonymous: draft.anonymous,
        votesPerParticipant: Number(draft.votesPerParticipant),
      });
      await navigate({ to: "/utvardering/$id", params: { id: board.id } });
    } catch (e) {
      const refused = refusal(e, fields);
      setErrors(refused.fields);
      setProblem(refused.other);
    }
  }

  return (
    <section aria-labelledby="start-evaluation-heading" className="evaluation-form">
      <h2 id="start-evaluation-heading">{t("evaluationsPage.create.heading")}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t("evaluationsPage.create.title")}
          value={draft.title}
          onChange={(title) => set({ title })}
          required
          hint={t("forumsPage.form.text_hint")}
          error={errors.title}
        />
        <OrganisationChoices
          legend={t("evaluationsPage.create.organisations")}
          catalogues={catalogues}
          values={draft.organisations}
          onChange={(organisations) => set({ organisations })}
          error={errors.organisations}
        />
        <div className="evaluation-period">
          <TextField
            label={t("evaluationsPage.create.from")}
            type="date"
            value={draft.from}
            onChange={(from) => set({ from })}
            required
            error={errors.from}
          />
          <TextField
            label={t("evaluationsPage.create.to")}
            type="date"
            value={draft.to}
            onChange={(to) => set({ to })}
            required
            error={errors.to}
          />
        </div>
        <SelectField
          label={t("evaluationsPage.create.process")}
          value={draft.process}
          onChange={(process) => set({ process })}
          empty={t("evaluationsPage.create.no_process")}
          options={catalogues.processes.map((p) => ({ code: p.code, name: p.name }))}
          error={errors.process}
        />
        <SelectField
          label={t("evaluationsPage.create.votes")}
          value={draft.votesPerParticipant}
          onChange={(votesPerParticipant) => set({ votesPerParticipant })}
          options={Array.from({ length: 10 }, (_, i) => ({
            code: String(i + 1),
            name: String(i + 1),
          }))}
          error={errors.votesPerParticipant}
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.anonymous}
            onChange={(e) => set({ anonymous: e.target.checked })}
          />
          {t("evaluationsPage.create.anonymous")}
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t("forumsPage.form.saving") : t("evaluationsPage.create.submit")}
        </button>
        <FormMessage saved={null} error={problem} />
      </form>
    </section>
  );
}
