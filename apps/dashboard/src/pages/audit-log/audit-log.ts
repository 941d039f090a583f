import type { MessageKey } from "@samsyn/domain/messages";
import { z } from "zod";
import type { Catalogues } from "../../api/types";
import { intlLocale, t } from "../../lib/i18n";
import { nameOf } from "../../lib/names";
import { roleName } from "../../lib/roles";

/**
 * The audit-log page's logic: its selection in the URL, the log's codes in words, and its rows
 * as a table. The API keeps codes (an audit row must never hold free text); the page names them.
 */
export interface AuditSelection {
  readonly actor: string;
  readonly action: string;
  readonly objectType: string;
  /** Inclusive days, YYYY-MM-DD (Europe/Stockholm, as the API reads them); "" when not set. */
  readonly from: string;
  readonly to: string;
  readonly pageSize: number;
}

/** The page's own URL parameters; the shared filter bar's mean nothing here. */
export const auditParamNames = {
  actor: "actor",
  action: "action",
  objectType: "objectType",
  from: "fromDay",
  to: "toDay",
  pageSize: "rows",
} as const satisfies Record<keyof AuditSelection, string>;

export const auditPageSizes = [25, 50, 100, 500] as const;
const defaultPageSize = 50;

const actionKeys = {
  "case.read": "audit.action.case.read",
  "case.list": "audit.action.case.list",
  "case.create": "audit.action.case.create",
  "event.create": "audit.action.event.create",
  "unit.create": "audit.action.unit.create",
  "audit.read": "audit.action.audit.read",
  "audit.export": "audit.action.audit.export",
  "api.request": "audit.action.api.request",
  "import.check": "audit.action.import.check",
  "import.commit": "audit.action.import.commit",
  "metric.read": "audit.action.metric.read",
} as const satisfies Record<string, MessageKey>;

const objectTypeKeys = {
  case: "audit.object_type.case",
  case_list: "audit.object_type.case_list",
  unit: "audit.object_type.unit",
  audit_log: "audit.object_type.audit_log",
  api_path: "audit.object_type.api_path",
  import: "audit.object_type.import",
  metric: "audit.object_type.metric",
} as const satisfies Record<string, MessageKey>;

const outcomeKeys = {
  ok: "audit.outcome.ok",
  denied: "audit.outcome.denied",
  not_found: "audit.outcome.not_found",
  unauthenticated: "audit.outcome.unauthenticated",
  invalid: "audit.outcome.invalid",
  conflict: "audit.outcome.conflict",
} as const satisfies Record<string, MessageKey>;

/** Each metric's path segment, named as its page is. */
const metricKeys = {
  cases: "nav.cases",
  "lead-times": "nav.lead_times",
  flow: "nav.flow",
  trend: "nav.trends",
  sip: "nav.sip",
  network: "nav.network",
  stuck: "nav.stuck",
} as const satisfies Record<string, MessageKey>;

function named<K extends string>(keys: Readonly<Record<K, MessageKey>>, code: string): string {
  return code in keys ? t(keys[code as K]) : code;
}

/** An action in words ("Läste granskningsloggen"); a code the page does not know stays a code. */
export function actionName(code: string): string {
  return named(actionKeys, code);
}

export function objectTypeName(code: string): string {
  return named(objectTypeKeys, code);
}

export function outcomeName(code: string): string {
  return named(outcomeKeys, code);
}

/** The choices of the action and object-type selects, by name. */
export function actionOptions(): { code: string; name: string }[] {
  return byName(Object.keys(actionKeys).map((code) => ({ code, name: actionName(code) })));
}

export function objectTypeOptions(): { code: string; name: string }[] {
  return byName(Object.keys(objectTypeKeys).map((code) => ({ code, name: objectTypeName(code) })));
}

function byName<T extends { name: string }>(items: T[]): T[] {
  const collator = new Intl.Collator(intlLocale());
  return items.sort((a, b) => collator.compare(a.name, b.name));
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

// A malformed value is dropped, as if it were not in the URL: a bookmark never breaks the page.
const text = z.string().trim().optional().catch(undefined);
const day = z.string().trim().regex(dayPattern).optional().catch(undefined);

/** The page's own URL parameters, validated; the shared filter bar's mean nothing here. */
const auditSearchSchema = z.object({
  [auditParamNames.actor]: text,
  [auditParamNames.action]: text,
  [auditParamNames.objectType]: text,
  [auditParamNames.from]: day,
  [auditParamNames.to]: day,
  [auditParamNames.pageSize]: z.coerce
    .number()
    .refine((size) => auditPageSizes.some((s) => s === size))
    .optional()
    .catch(undefined),
});
export type AuditSearch = z.output<typeof auditSearchSchema>;

/** The router's validateSearch for the page (never throws: see `.catch` above). */
export function validateAuditSearch(raw: Record<string, unknown>): AuditSearch {
  return auditSearchSchema.parse(raw);
}

export function readAuditSelection(search: AuditSearch): AuditSelection {
  return {
    actor: search.actor ?? "",
    action: search.action ?? "",
    objectType: search.objectType ?? "",
    from: search.fromDay ?? "",
    to: search.toDay ?? "",
    pageSize: search.rows ?? defaultPageSize,
  };
}

/** The selection as the page's URL parameters, the unset ones left out. */
export function auditSearch(selection: AuditSelection): AuditSearch {
  const search: Record<string, string | number> = {};
  for (const key of ["actor", "action", "objectType", "from", "to"] as const) {
    if (selection[key] !== "") search[auditParamNames[key]] = selection[key];
  }
  if (selection.pageSize !== defaultPageSize) search[auditParamNames.pageSize] = selection.pageSize;
  return search as AuditSearch;
}

/** The selection as the API's filter (GET /audit-log and its export), the unset ones left out. */
export function auditFilter(selection: AuditSelection): Record<string, string> {
  const filter: Record<string, string> = {};
  for (const key of ["actor", "action", "objectType", "from", "to"] as const) {
    if (selection[key] !== "") filter[key] = selection[key];
  }
  return filter;
}

/** The selection in words, for the caption and the export: "Användare: lena; Händelse: …". */
export function describeSelection(selection: AuditSelection): string {
  const parts: string[] = [];
  if (selection.actor !== "") parts.push(`${t("audit.filter.actor")}: ${selection.actor}`);
  if (selection.action !== "") {
    parts.push(`${t("audit.filter.action")}: ${actionName(selection.action)}`);
  }
  if (selection.objectType !== "") {
    parts.push(`${t("audit.filter.object_type")}: ${objectTypeName(selection.objectType)}`);
  }
  if (selection.from !== "") parts.push(`${t("audit.filter.from")}: ${selection.from}`);
  if (selection.to !== "") parts.push(`${t("audit.filter.to")}: ${selection.to}`);
  return parts.length === 0 ? t("audit.filter.none") : parts.join("; ");
}

const timeFormat = () =>
  new Intl.DateTimeFormat(intlLocale(), {
    timeZone: "Europe/Stockholm",
    dateStyle: "short",
    timeStyle: "medium",
  });

/** The time of a row in Stockholm: "2026-12-03 20:40:12" in Swedish. */
export function formatAuditTime(iso: string): string {
  return timeFormat().format(new Date(iso));
}

export interface AuditRow {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string | null;
  readonly outcome: string;
}

/** What a row is about, by name where the catalogue has one (a unit, a metric's page). */
export function describeObject(row: AuditRow, catalogues: Catalogues | undefined): string {
  const id = row.objectId;
  if (id === null || id === "") return objectTypeName(row.objectType);
  switch (row.objectType) {
    case "case":
      return t("audit.object.case", { id });
    case "case_list":
      return t("audit.object.case_list");
    case "audit_log":
      return t("audit.object.audit_log");
    case "unit":
      return t("audit.object.unit", {
        name: catalogues === undefined ? id : nameOf(catalogues, "unit", id),
      });
    case "api_path":
      return t("audit.object.api_path", { id });
    case "import":
      return t("audit.object.import", { id });
    case "metric": {
      const metric =
        id
          .split("/")
          .filter((s) => s !== "")
          .at(-1) ?? id;
      return t("audit.object.metric", { name: named(metricKeys, metric) });
    }
    default:
      return `${objectTypeName(row.objectType)} ${id}`;
  }
}

/** One row as the table shows and exports it: words, not codes. */
export function auditRowTexts(row: AuditRow, catalogues: Catalogues | undefined) {
  return {
    at: formatAuditTime(row.at),
    actor: row.actor,
    role: roleName(row.role),
    action: actionName(row.action),
    object: describeObject(row, catalogues),
    outcome: outcomeName(row.outcome),
  };
}
