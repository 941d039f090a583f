import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useId, useMemo, useState } from "react";
import { answer, apiClient } from "../../api/client";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { PageHeading } from "../../components/Controls";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { textCell } from "../../lib/cells";
import { download } from "../../lib/export";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { stringifySearch } from "../../lib/search";
import {
  type AuditRow,
  type AuditSelection,
  actionOptions,
  auditFilter,
  auditPageSizes,
  auditRowTexts,
  auditSearch,
  describeSelection,
  objectTypeOptions,
  readAuditSelection,
} from "./audit-log";
import { auditLogRoute } from "./route";
import "./audit-log.css";

/**
 * Granskningslogg (admin): who did what, newest first, chosen by user, action, object type and
 * days, a page at a time. The API records every read of the log, this page's included; the
 * selection lives in the URL so that a view can be bookmarked and the back button undoes it.
 */
export function AuditLog() {
  const search = auditLogRoute.useSearch();
  const selection = useMemo(() => readAuditSelection(search), [search]);
  const own = stringifySearch(auditSearch(selection));
  // The page's search as matched (not the location, which runs ahead of it while a page loads).
  const current = stringifySearch(search);
  const navigate = useNavigate();

  // The shared filter bar's parameters, carried here by the menu, mean nothing on this page and
  // would be named in its exports: they are dropped (without a history entry).
  useEffect(() => {
    if (own !== current) void navigate({ to: ".", search: auditSearch(selection), replace: true });
  }, [own, current, selection, navigate]);

  return (
    <div className="audit-log">
      <PageHeading title={t("nav.audit_log")} intro={t("audit.intro")} />
      <SelectionForm key={own} selection={selection} />
      <AuditResults key={`results:${own}`} selection={selection} />
    </div>
  );
}

function SelectionForm(props: { selection: AuditSelection }) {
  const navigate = useNavigate();
  const choose = (selection: AuditSelection) =>
    void navigate({ to: ".", search: auditSearch(selection), resetScroll: false });
  const [draft, setDraft] = useState(props.selection);
  const id = useId();
  const field = (name: string) => `${id}-${name}`;
  const set = (name: keyof AuditSelection, value: string) =>
    setDraft((d) => ({ ...d, [name]: name === "pageSize" ? Number(value) : value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    choose({ ...draft, actor: draft.actor.trim() });
  }

  return (
    <form className="filter-bar audit-selection" onSubmit={submit}>
      <fieldset>
        <legend>{t("audit.filter_legend")}</legend>
        <div className="field">
          <label htmlFor={field("actor")}>{t("audit.filter.actor")}</label>
          <input
            id={field("actor")}
            name="actor"
            type="text"
            autoComplete="off"
            value={draft.actor}
            onChange={(e) => set("actor", e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={field("action")}>{t("audit.filter.action")}</label>
          <select
            id={field("action")}
            name="action"
            value={draft.action}
            onChange={(e) => set("action", e.target.value)}
          >
            <option value="">{t("audit.filter.any")}</option>
            {actionOptions().map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("objectType")}>{t("audit.filter.object_type")}</label>
          <select
            id={field("objectType")}
            name="objectType"
            value={draft.objectType}
            onChange={(e) => set("objectType", e.target.value)}
          >
            <option value="">{t("audit.filter.any")}</option>
            {objectTypeOptions().map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("from")}>{t("audit.filter.from")}</label>
          <input
            id={field("from")}
            name="fromDay"
            type="date"
            value={draft.from}
            max={draft.to === "" ? undefined : draft.to}
            onChange={(e) => set("from", e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={field("to")}>{t("audit.filter.to")}</label>
          <input
            id={field("to")}
            name="toDay"
            type="date"
            value={draft.to}
            min={draft.from === "" ? undefined : draft.from}
            onChange={(e) => set("to", e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={field("rows")}>{t("audit.filter.page_size")}</label>
          <select
            id={field("rows")}
            name="rows"
            value={String(draft.pageSize)}
            onChange={(e) => set("pageSize", e.target.value)}
          >
            {auditPageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <div className="audit-actions">
          <button type="submit" className="primary">
            {t("audit.filter.apply")}
          </button>
          <button
            type="button"
            onClick={() => void navigate({ to: ".", search: {}, resetScroll: false })}
            disabled={stringifySearch(auditSearch(props.selection)) === ""}
          >
            {t("audit.filter.clear")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** One page of the log, read by keyset: the API's cursor of each older page is kept to go back. */
function useAuditPage(selection: AuditSelection, cursor: number | undefined) {
  const { token } = useSession();
  const api = useMemo(() => apiClient(token), [token]);
  const filter = auditFilter(selection);
  return useQuery({
    queryKey: ["audit-log", token, filter, selection.pageSize, cursor],
    queryFn: () =>
      answer(
        api["audit-log"].$get({
          query: {
            ...filter,
            limit: String(selection.pageSize),
            ...(cursor === undefined ? {} : { cursor: String(cursor) }),
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

function AuditResults(props: { selection: AuditSelection }) {
  const { selection } = props;
  const [cursors, setCursors] = useState<readonly number[]>([]);
  const page = useAuditPage(selection, cursors.at(-1));
  const catalogues = useCatalogues();
  const columns = useMemo(() => auditColumns(catalogues.data), [catalogues.data]);
  const pageNumber = cursors.length + 1;
  const moving = page.isPlaceholderData || page.isFetching;

  return (
    <QueryState query={page}>
      {(data) => {
        if (data.items.length === 0) {
          return (
            <p className="state empty" role="status">
              {t("audit.empty")}
            </p>
          );
        }
        const first = (pageNumber - 1) * selection.pageSize + 1;
        const last = first + data.items.length - 1;
        const explanation = `${t("audit.selection", { filters: describeSelection(selection) })} ${t(
          "audit.page_rows",
          { page: pageNumber, first, last },
        )}`;
        const next = data.nextCursor;
        return (
          <>
            <DataTable
              caption={t("audit.caption")}
              explanation={explanation}
              columns={columns}
              rows={data.items}
              rowKey={(row) => String(row.id)}
              initialSort={{ id: "at", descending: true }}
            />
            <nav className="paging" aria-label={t("audit.paging")}>
              <button
                type="button"
                disabled={cursors.length === 0 || moving}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                <span aria-hidden="true">← </span>
                {t("audit.newer")}
              </button>
              <span aria-live="polite">{t("audit.page_status", { page: pageNumber })}</span>
              <button
                type="button"
                disabled={next === null || moving}
                onClick={() => next !== null && setCursors((c) => [...c, next])}
              >
                {t("audit.older")}
                <span aria-hidden="true"> →</span>
              </button>
            </nav>
            <DownloadAll selection={selection} />
          </>
        );
      }}
    </QueryState>
  );
}

function auditColumns(catalogues: Catalogues | undefined): Column<AuditRow>[] {
  const text = (pick: (texts: ReturnType<typeof auditRowTexts>) => string) => (row: AuditRow) =>
    textCell(pick(auditRowTexts(row, catalogues)));
  return [
    // Sorted by id: the log's own order, which a formatted time would not keep.
    {
      id: "at",
      header: t("audit.col.at"),
      cell: (row) => textCell(auditRowTexts(row, catalogues).at, row.id),
    },
    { id: "actor", header: t("audit.col.actor"), cell: text((x) => x.actor) },
    { id: "role", header: t("audit.col.role"), cell: text((x) => x.role) },
    { id: "action", header: t("audit.col.action"), cell: text((x) => x.action) },
    { id: "object", header: t("audit.col.object"), cell: text((x) => x.object) },
    { id: "outcome", header: t("audit.col.outcome"), cell: text((x) => x.outcome) },
  ];
}

/** The API's own export: every page of the selection, with the log's codes, itself audited. */
function DownloadAll(props: { selection: AuditSelection }) {
  const { token } = useSession();
  const [failed, setFailed] = useState(false);
  async function fetchAll() {
    setFailed(false);
    try {
      const res = await apiClient(token)["audit-log"].export.$get({
        query: auditFilter(props.selection),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      download(await res.blob(), `samsyn-granskningslogg-koder-${stockholmToday()}.csv`);
    } catch {
      setFailed(true);
    }
  }
  return (
    <p className="audit-download">
      <button type="button" onClick={() => void fetchAll()}>
        {t("audit.export_all")}
      </button>
      {failed && <span role="alert">{t("audit.export_all_failed")}</span>}
    </p>
  );
}
