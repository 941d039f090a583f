import { Link } from "@tanstack/react-router";
import { useState } from "react";
import {
  type Escalation,
  type Lift,
  useEscalation,
  useLiftEscalation,
  useResolveEscalation,
} from "../../api/escalations";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { textCell } from "../../lib/cells";
import { t } from "../../lib/i18n";
import { ApiFailure } from "../../session";
import { TextForm } from "../forums/fields";
import { useOwnSearch } from "../forums/search";
import { useAgreementTitles } from "./Board";
import {
  aboutText,
  levelName,
  mayAct,
  organisationsText,
  statusName,
  topLevel,
} from "./escalations";
import { escalationRoute } from "./route";
import "../agreements/agreements.css";
import "../forums/forums.css";
import "./escalations.css";

const noParams: readonly string[] = [];

/** One escalation: its question, who disagrees, its way up the levels, and lift or resolve. */
export function EscalationPage() {
  useOwnSearch(noParams);
  const { id } = escalationRoute.useParams();
  const escalation = useEscalation(id);
  const catalogues = useCatalogues();
  return (
    <div className="escalations">
      <p className="back-link">
        <Link to="/eskaleringar">
          <span aria-hidden="true">← </span>
          {t("escalationsPage.back")}
        </Link>
      </p>
      {escalation.error instanceof ApiFailure && escalation.error.status === 404 ? (
        <>
          <h1>{t("escalationsPage.page.one")}</h1>
          <p className="state">{t("forumsPage.not_found")}</p>
        </>
      ) : (
        <QueryState query={catalogues}>
          {(c) => (
            <QueryState query={escalation}>
              {(e) => <EscalationView escalation={e} catalogues={c} />}
            </QueryState>
          )}
        </QueryState>
      )}
    </div>
  );
}

export function EscalationView(props: { escalation: Escalation; catalogues: Catalogues }) {
  const { escalation: e, catalogues } = props;
  const session = useSession();
  const titles = useAgreementTitles();
  const may = mayAct(session, e);
  // The resolve form goes once it is resolved: what happened is said where it was.
  const [resolved, setResolved] = useState(false);
  return (
    <>
      <h1>{t("escalationsPage.page.one")}</h1>
      <p className="escalation-question-full">{e.question}</p>
      <dl className="facts">
        <Fact term={t("escalationsPage.detail.status")}>
          <span className={`status-badge escalation-${e.status}`}>{statusName(e.status)}</span>
        </Fact>
        <Fact term={t("escalationsPage.detail.level")}>{levelName(e.level)}</Fact>
        <Fact term={t("escalationsPage.col.organisations")}>
          {organisationsText(catalogues, e)}
        </Fact>
        <Fact term={t("escalationsPage.detail.about")}>{aboutText(e, titles)}</Fact>
        <Fact term={t("escalationsPage.detail.opened")}>{e.openedOn}</Fact>
        <Fact term={t("escalationsPage.detail.age")}>
          {t("escalationsPage.detail.days", { days: e.ageDays })}
        </Fact>
        {e.resolvedOn !== null && (
          <Fact term={t("escalationsPage.detail.resolved")}>{e.resolvedOn}</Fact>
        )}
        {e.resolution !== null && (
          <Fact term={t("escalationsPage.detail.resolution")}>{e.resolution}</Fact>
        )}
      </dl>
      <Lifts lifts={e.lifts} />
      {may && <LiftForm escalation={e} />}
      {may && <ResolveForm escalation={e} onResolved={() => setResolved(true)} />}
      <p role="status" className="action-message">
        {resolved ? t("escalationsPage.resolve.done") : null}
      </p>
    </>
  );
}

function Fact(props: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function Lifts(props: { lifts: readonly Lift[] }) {
  const columns: Column<Lift>[] = [
    {
      id: "level",
      header: t("escalationsPage.col.lifted_to"),
      cell: (l) => textCell(levelName(l.level), l.level),
    },
    { id: "date", header: t("escalationsPage.col.lifted_on"), cell: (l) => textCell(l.liftedOn) },
    { id: "note", header: t("escalationsPage.col.note"), cell: (l) => textCell(l.note) },
  ];
  return (
    <section aria-labelledby="lifts-heading">
      <h2 id="lifts-heading">{t("escalationsPage.lifts.heading")}</h2>
      {props.lifts.length === 0 ? (
        <p className="state empty">{t("escalationsPage.lifts.none")}</p>
      ) : (
        <DataTable
          caption={t("escalationsPage.lifts.caption")}
          columns={columns}
          rows={props.lifts}
          rowKey={(l) => String(l.level)}
          initialSort={{ id: "level", descending: false }}
        />
      )}
    </section>
  );
}

/** Lift to the next level with why; at the top level it says so instead. */
function LiftForm(props: { escalation: Escalation }) {
  const { escalation: e } = props;
  const lift = useLiftEscalation(e.id);
  return (
    <section aria-labelledby="lift-heading" className="escalation-form">
      <h2 id="lift-heading">{t("escalationsPage.lift.heading")}</h2>
      {e.level >= topLevel ? (
        <p>{t("escalationsPage.lift.top")}</p>
      ) : (
        <TextForm
          className="lift-escalation"
          label={t("escalationsPage.lift.note")}
          submit={t("escalationsPage.lift.submit", { level: levelName(e.level + 1) })}
          field="note"
          multiline
          pending={lift.isPending}
          save={(note) => lift.mutateAsync({ note })}
          onSaved={(lifted) => t("escalationsPage.lift.done", { level: levelName(lifted.level) })}
        />
      )}
    </section>
  );
}

/** Resolve it; the form goes with it, so what happened is said by the page (onResolved). */
function ResolveForm(props: { escalation: Escalation; onResolved: () => void }) {
  const resolve = useResolveEscalation(props.escalation.id);
  return (
    <section aria-labelledby="resolve-heading" className="escalation-form">
      <h2 id="resolve-heading">{t("escalationsPage.resolve.heading")}</h2>
      <TextForm
        className="resolve-escalation"
        label={t("escalationsPage.resolve.resolution")}
        submit={t("escalationsPage.resolve.submit")}
        field="resolution"
        multiline
        primary
        pending={resolve.isPending}
        save={(resolution) => resolve.mutateAsync({ resolution })}
        onSaved={() => {
          props.onResolved();
          return null;
        }}
      />
    </section>
  );
}
