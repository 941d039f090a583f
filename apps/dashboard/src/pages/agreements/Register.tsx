import { Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useId, useMemo } from "react";
import {
  type Agreement,
  type AgreementStatus,
  useAgreementList,
  useCoverage,
} from "../../api/agreements";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { PageHeading } from "../../components/Controls";
import { type Column, DataTable } from "../../components/DataTable";
import { ChoiceSelect } from "../../components/FilterBar";
import { QueryState } from "../../components/QueryState";
import { linkCell, textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { useSetSearch } from "../../lib/use-filters";
import {
  daysBetween,
  describeChoice,
  levelName,
  municipalityNames,
  organisationNames,
  type RegisterChoice,
  registerQuery,
  registerSearch,
  reviewDueName,
  reviewWindowDays,
  statusName,
  targetGroupNames,
  validityText,
} from "./agreements";
import { CoverageMatrix } from "./CoverageMatrix";
import { RegisterExport } from "./RegisterExport";
import { agreementsRoute, agreementWriters } from "./route";
import "./agreements.css";

const ownParams = new Set(["municipality", "targetGroup", "status", "reviewDue", "asOf"]);

/**
 * Överenskommelser: the reviews due, the coverage of every kommun × statutory målgrupp, and the
 * register, chosen by status, kommun, målgrupp and review in the URL.
 */
export function Register() {
  const search = agreementsRoute.useSearch();
  const choice: RegisterChoice = search;
  const navigate = useNavigate();
  const { role } = useSession();
  const mayWrite = agreementWriters.includes(role);
  const catalogues = useCatalogues();

  // The figures pages' filters (period, view…) mean nothing in the register and would be named
  // in its exports: they are dropped, without a history entry.
  const foreign = Object.entries(search).some(([k, v]) => v !== undefined && !ownParams.has(k));
  useEffect(() => {
    if (foreign) void navigate({ to: ".", search: registerSearch(choice), replace: true });
  }, [foreign, choice, navigate]);

  return (
    <div className="agreements">
      <PageHeading title={t("nav.agreements")} intro={t("agreements.intro")} />
      {mayWrite && (
        <p>
          <Link to="/overenskommelser/ny" className="button-link">
            {t("agreements.new_link")}
          </Link>
        </p>
      )}
      <QueryState query={catalogues}>
        {(c) => (
          <>
            <Reviews />
            <Coverage catalogues={c} mayWrite={mayWrite} asOf={choice.asOf} />
            <section className="figure" aria-labelledby="register-heading">
              <h2 id="register-heading">{t("agreements.register.heading")}</h2>
              <RegisterFilters choice={choice} catalogues={c} />
              <RegisterTable choice={choice} catalogues={c} />
              <RegisterExport />
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

function Reviews() {
  const overdue = useAgreementList({ reviewDue: "overdue" });
  const within = useAgreementList({ reviewDue: `within:${reviewWindowDays}d` });
  const today = stockholmToday();
  const columns = (late: boolean): Column<Agreement>[] => [
    titleColumn(),
    {
      id: "status",
      header: t("agreements.col.status"),
      cell: (a) => textCell(statusName(a.status)),
    },
    { id: "reviewBy", header: t("agreements.col.review_by"), cell: (a) => textCell(a.reviewBy) },
    {
      id: "days",
      header: late ? t("agreements.col.review_late") : t("agreements.col.review_days"),
      cell: (a) => {
        const days = late ? daysBetween(a.reviewBy, today) : daysBetween(today, a.reviewBy);
        return { ...textCell(String(days), days), numeric: true, export: days };
      },
    },
  ];
  return (
    <section className="figure" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t("agreements.reviews.heading")}</h2>
      <p className="intro">{t("agreements.reviews.intro")}</p>
      <div className="figure-body">
        <QueryState query={overdue}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="state empty">{t("agreements.reviews.none_overdue")}</p>
            ) : (
              <DataTable
                caption={t("agreements.reviews.overdue_caption")}
                columns={columns(true)}
                rows={data.items}
                rowKey={(a) => a.id}
                initialSort={{ id: "days", descending: true }}
              />
            )
          }
        </QueryState>
        <QueryState query={within}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="state empty">
                {t("agreements.reviews.none_within", { days: reviewWindowDays })}
              </p>
            ) : (
              <DataTable
                caption={t("agreements.reviews.within_caption", { days: reviewWindowDays })}
                columns={columns(false)}
                rows={data.items}
                rowKey={(a) => a.id}
                initialSort={{ id: "days", descending: false }}
              />
            )
          }
        </QueryState>
      </div>
    </section>
  );
}

function Coverage(props: { catalogues: Catalogues; mayWrite: boolean; asOf: string | undefined }) {
  const coverage = useCoverage(props.asOf);
  const setSearch = useSetSearch();
  const asOfId = useId();
  // The titles of the covering agreements, named when a cell is chosen.
  const all = useAgreementList({});
  const titles = useMemo(
    () => new Map((all.data?.items ?? []).map((a) => [a.id, a.title] as const)),
    [all.data],
  );
  return (
    <section className="figure" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{t("agreements.coverage.heading")}</h2>
      <p className="intro">
        {props.mayWrite ? t("agreements.coverage.intro_write") : t("agreements.coverage.intro")}
      </p>
      <div className="field coverage-as-of">
        <label htmlFor={asOfId}>{t("agreements.coverage.as_of")}</label>
        <input
          id={asOfId}
          type="date"
          value={props.asOf ?? coverage.data?.asOf ?? ""}
          onChange={(e) => setSearch({ asOf: e.target.value === "" ? null : e.target.value })}
        />
      </div>
      <QueryState query={coverage}>
        {(data) => (
          <CoverageMatrix
            coverage={data}
            catalogues={props.catalogues}
            titles={titles}
            mayWrite={props.mayWrite}
          />
        )}
      </QueryState>
    </section>
  );
}

const statusOptions: readonly AgreementStatus[] = [
  "draft",
  "active",
  "under_review",
  "expired",
  "replaced",
];

function RegisterFilters(props: { choice: RegisterChoice; catalogues: Catalogues }) {
  const setSearch = useSetSearch();
  const navigate = useNavigate();
  const { choice, catalogues } = props;
  const municipalities = [...catalogues.municipalities].sort((a, b) =>
    a.name.localeCompare(b.name, "sv"),
  );
  return (
    <form className="filter-bar register-filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t("agreements.filter.legend")}</legend>
        <ChoiceSelect
          param="status"
          label={t("agreements.filter.status")}
          options={statusOptions.map((s) => ({ code: s, name: statusName(s) }))}
          values={choice.status === undefined ? [] : [choice.status]}
          onChange={(v) => setSearch({ status: v === "" ? null : v })}
        />
        <ChoiceSelect
          param="municipality"
          label={t("filter.municipality")}
          options={municipalities}
          values={choice.municipality ?? []}
          onChange={(v) => setSearch({ municipality: v === "" ? null : v })}
        />
        <ChoiceSelect
          param="targetGroup"
          label={t("filter.target_group")}
          options={catalogues.targetGroups}
          values={choice.targetGroup ?? []}
          onChange={(v) => setSearch({ targetGroup: v === "" ? null : v })}
        />
        <ChoiceSelect
          param="reviewDue"
          label={t("agreements.filter.review_due")}
          options={(["overdue", "within"] as const).map((d) => ({
            code: d,
            name: reviewDueName(d),
          }))}
          values={choice.reviewDue === undefined ? [] : [choice.reviewDue]}
          onChange={(v) => setSearch({ reviewDue: v === "" ? null : v })}
        />
        <button
          type="button"
          className="reset"
          onClick={() => void navigate({ to: ".", search: {}, resetScroll: false })}
        >
          {t("agreements.filter.clear")}
        </button>
      </fieldset>
    </form>
  );
}

function titleColumn(): Column<Agreement> {
  return {
    id: "title",
    header: t("agreements.col.title"),
    cell: (a) => linkCell(a.title, `/overenskommelser/${a.id}`),
  };
}

function RegisterTable(props: { choice: RegisterChoice; catalogues: Catalogues }) {
  const { catalogues, choice } = props;
  const list = useAgreementList(registerQuery(choice));
  const columns: Column<Agreement>[] = [
    titleColumn(),
    {
      id: "status",
      header: t("agreements.col.status"),
      cell: (a) => textCell(statusName(a.status)),
    },
    { id: "level", header: t("agreements.col.level"), cell: (a) => textCell(levelName(a.level)) },
    {
      id: "parties",
      header: t("agreements.col.parties"),
      cell: (a) => textCell(organisationNames(catalogues, a.parties)),
    },
    {
      id: "targetGroups",
      header: t("agreements.col.target_groups"),
      cell: (a) => textCell(targetGroupNames(catalogues, a.targetGroups)),
    },
    {
      id: "municipalities",
      header: t("agreements.col.municipalities"),
      cell: (a) => textCell(municipalityNames(catalogues, a.municipalities)),
    },
    {
      id: "valid",
      header: t("agreements.col.valid"),
      cell: (a) => textCell(validityText(a), a.validFrom),
    },
    { id: "reviewBy", header: t("agreements.col.review_by"), cell: (a) => textCell(a.reviewBy) },
  ];
  return (
    <QueryState query={list}>
      {(data) =>
        data.items.length === 0 ? (
          <p className="state empty" role="status">
            {t("agreements.register.empty")}
          </p>
        ) : (
          <DataTable
            caption={t("agreements.register.caption")}
            explanation={describeChoice(choice, catalogues)}
            columns={columns}
            rows={data.items}
            rowKey={(a) => a.id}
            initialSort={{ id: "title", descending: false }}
          />
        )
      }
    </QueryState>
  );
}
