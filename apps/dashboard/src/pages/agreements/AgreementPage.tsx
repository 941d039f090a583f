import { nextStatuses } from "@samsyn/domain/agreements";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import {
  type AgreementDetail,
  type AgreementStatus,
  type Revision,
  useAgreement,
  useAgreementList,
  useChangeStatus,
} from "../../api/agreements";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { RouteLink } from "../../components/RouteLink";
import { textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { intlLocale, t } from "../../lib/i18n";
import { ApiFailure } from "../../session";
import {
  daysBetween,
  levelName,
  municipalityNames,
  organisationNames,
  revisionText,
  sectionName,
  statusActionLabel,
  statusName,
  targetGroupNames,
  validityText,
} from "./agreements";
import { Deviations } from "./Deviations";
import { Indicators } from "./Indicators";
import { agreementRoute, agreementWriters } from "./route";
import "./agreements.css";

/**
 * One agreement: what it says and between whom, its status and the moves it allows, its
 * sections with their deviations, its indicators and every revision.
 */
export function AgreementPage() {
  const { id } = agreementRoute.useParams();
  const agreement = useAgreement(id);
  const catalogues = useCatalogues();
  const { role } = useSession();
  const mayWrite = agreementWriters.includes(role);
  return (
    <div className="agreements">
      <p className="back-link">
        <Link to="/overenskommelser">
          <span aria-hidden="true">← </span>
          {t("agreements.detail.back")}
        </Link>
      </p>
      <QueryState query={catalogues}>
        {(c) =>
          agreement.error instanceof ApiFailure && agreement.error.status === 404 ? (
            <>
              <h1>{t("agreements.page.one")}</h1>
              <p className="state">{t("agreements.detail.not_found")}</p>
            </>
          ) : (
            <QueryState query={agreement}>
              {(a) => <Agreement agreement={a} catalogues={c} mayWrite={mayWrite} />}
            </QueryState>
          )
        }
      </QueryState>
    </div>
  );
}

const ended: readonly AgreementStatus[] = ["expired", "replaced"];

function Agreement(props: {
  agreement: AgreementDetail;
  catalogues: Catalogues;
  mayWrite: boolean;
}) {
  const { agreement: a, catalogues, mayWrite } = props;
  const today = stockholmToday();
  const late = daysBetween(a.reviewBy, today);
  const inForce = a.status === "active" || a.status === "under_review";
  return (
    <>
      <h1>{a.title}</h1>
      <p className="agreement-status">
        <span className={`status-badge status-${a.status}`}>{statusName(a.status)}</span>
        {inForce && late > 0 && (
          <span className="review-late">
            {t("agreements.detail.review_overdue", { days: late })}
          </span>
        )}
      </p>
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("agreements.detail.facts")}</h2>
        <dl className="facts">
          <Fact term={t("agreements.detail.level")}>{levelName(a.level)}</Fact>
          <Fact term={t("agreements.detail.parties")}>
            {organisationNames(catalogues, a.parties)}
          </Fact>
          <Fact term={t("agreements.detail.target_groups")}>
            {targetGroupNames(catalogues, a.targetGroups)}
          </Fact>
          <Fact term={t("agreements.detail.municipalities")}>
            {municipalityNames(catalogues, a.municipalities)}
          </Fact>
          <Fact term={t("agreements.detail.valid")}>{validityText(a)}</Fact>
          <Fact term={t("agreements.detail.review_by")}>{a.reviewBy}</Fact>
          <Fact term={t("agreements.detail.document")}>
            {a.documentUrl === null ? (
              t("agreements.detail.document_none")
            ) : (
              <a href={a.documentUrl} rel="noopener noreferrer">
                {a.documentUrl}
              </a>
            )}
          </Fact>
          <Fact term={t("agreements.detail.revision")}>{String(a.revision)}</Fact>
          {a.replacedBy !== null && (
            <Fact term={t("agreements.detail.replaced_by")}>
              <RouteLink href={`/overenskommelser/${a.replacedBy}`}>
                <SuccessorTitle id={a.replacedBy} />
              </RouteLink>
            </Fact>
          )}
        </dl>
        {mayWrite && !ended.includes(a.status) && (
          <p>
            <Link to="/overenskommelser/$id/andra" params={{ id: a.id }} className="button-link">
              {t("agreements.detail.edit")}
            </Link>
          </p>
        )}
      </section>
      {mayWrite && <StatusActions agreement={a} />}
      <Sections agreement={a} />
      <Indicators agreement={a} catalogues={catalogues} mayWrite={mayWrite} />
      <Deviations agreement={a} catalogues={catalogues} mayWrite={mayWrite} />
      <Revisions revisions={a.revisions} />
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

function SuccessorTitle(props: { id: string }) {
  const successor = useAgreement(props.id);
  return <>{successor.data?.title ?? props.id}</>;
}

function Sections(props: { agreement: AgreementDetail }) {
  const { agreement: a } = props;
  const counts = (kind: string) => a.deviationsBySection.find((d) => d.section === kind);
  return (
    <section aria-labelledby="sections-heading">
      <h2 id="sections-heading">{t("agreements.sections.heading")}</h2>
      {a.sections.length === 0 && <p>{t("agreements.sections.none")}</p>}
      {a.sections.map((s, i) => {
        const count = counts(s.kind);
        return (
          <article key={i} className="agreement-section">
            <h3>
              {s.title} <span className="section-kind">({sectionName(s.kind)})</span>
            </h3>
            <p className="section-text">{s.text}</p>
            {count !== undefined && count.total > 0 && (
              <p className="section-deviations">
                <a href={`#deviations-${s.kind}`}>
                  {t("agreements.sections.deviations", { open: count.open, total: count.total })}
                </a>
              </p>
            )}
          </article>
        );
      })}
    </section>
  );
}

/** The moves the status allows (SPEC "Överenskommelser"), each a button; ending ones confirm. */
export function StatusActions(props: { agreement: AgreementDetail }) {
  const { agreement: a } = props;
  const change = useChangeStatus(a.id);
  const [confirming, setConfirming] = useState<"expired" | "replaced" | null>(null);
  const [successor, setSuccessor] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const successorId = useId();
  const others = useAgreementList({ status: ["draft", "active", "under_review"] });
  const moves = nextStatuses(a.status);

  async function move(status: AgreementStatus) {
    setMessage(null);
    setError(null);
    if (status === "replaced" && successor === "") {
      setError(t("agreements.action.successor_missing"));
      return;
    }
    try {
      const changed = await change.mutateAsync(
        status === "replaced" ? { status, replacedBy: successor } : { status },
      );
      setConfirming(null);
      setMessage(t("agreements.action.done", { status: statusName(changed.status) }));
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409) setError(t("agreements.action.conflict"));
      else if (e instanceof ApiFailure && e.details !== "") setError(e.details);
      else setError(t("agreements.form.failed"));
    }
  }

  return (
    <section aria-labelledby="status-heading" className="status-actions">
      <h2 id="status-heading">{t("agreements.status_actions.heading")}</h2>
      <p>{t("agreements.status_actions.intro", { status: statusName(a.status) })}</p>
      {moves.length === 0 && <p>{t("agreements.status_actions.none")}</p>}
      <div className="action-buttons">
        {moves.map((to) => (
          <button
            key={to}
            type="button"
            disabled={change.isPending}
            aria-expanded={to === "expired" || to === "replaced" ? confirming === to : undefined}
            onClick={() =>
              to === "expired" || to === "replaced" ? setConfirming(to) : void move(to)
            }
          >
            {statusActionLabel(a.status, to)}
          </button>
        ))}
      </div>
      {confirming === "expired" && (
        <div className="confirm">
          <p>{t("agreements.action.confirm_expire")}</p>
          <button type="button" className="primary" onClick={() => void move("expired")}>
            {t("agreements.action.confirm")}
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            {t("agreements.action.cancel")}
          </button>
        </div>
      )}
      {confirming === "replaced" && (
        <div className="confirm">
          <div className="field">
            <label htmlFor={successorId}>{t("agreements.action.successor")}</label>
            <select
              id={successorId}
              value={successor}
              onChange={(e) => setSuccessor(e.target.value)}
            >
              <option value="">{t("agreements.action.successor_choose")}</option>
              {(others.data?.items ?? [])
                .filter((o) => o.id !== a.id)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title}
                  </option>
                ))}
            </select>
          </div>
          <button type="button" className="primary" onClick={() => void move("replaced")}>
            {t("agreements.action.confirm")}
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            {t("agreements.action.cancel")}
          </button>
        </div>
      )}
      <p role="status" className="action-message">
        {message}
      </p>
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}

const timestamp = new Intl.DateTimeFormat(intlLocale(), {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Stockholm",
});

function Revisions(props: { revisions: readonly Revision[] }) {
  const columns: Column<Revision>[] = [
    {
      id: "revision",
      header: t("agreements.revisions.col.revision"),
      cell: (r) => ({ ...textCell(String(r.revision), r.revision), export: r.revision }),
    },
    {
      id: "when",
      header: t("agreements.revisions.col.when"),
      cell: (r) => textCell(timestamp.format(new Date(r.changedAt)), r.changedAt),
    },
    { id: "who", header: t("agreements.revisions.col.who"), cell: (r) => textCell(r.changedBy) },
    {
      id: "what",
      header: t("agreements.revisions.col.what"),
      cell: (r) => textCell(revisionText(r)),
    },
  ];
  return (
    <section aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">{t("agreements.revisions.heading")}</h2>
      <DataTable
        caption={t("agreements.revisions.caption")}
        columns={columns}
        rows={props.revisions}
        rowKey={(r) => String(r.revision)}
        initialSort={{ id: "revision", descending: true }}
      />
    </section>
  );
}
