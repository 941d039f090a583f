import type { Escalation, EscalationCell, NewEscalation } from "../../api/escalations";
import type { Catalogues } from "../../api/types";
import { addMonths, firstDayOf, lastDayOf } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { sectionName } from "../agreements/agreements";
import { organisationList } from "../forums/forums";

/**
 * The Eskaleringar pages' logic: levels and statuses in words, the board's columns, who may
 * raise, lift and resolve, and the raise form's checks and body.
 */

/** SPEC "Eskalering": lifted one management level at a time, 1 to 3. */
export const levels = [1, 2, 3] as const;
export const topLevel = 3;

export function levelName(level: number): string {
  return level === 1 || level === 2 || level === 3
    ? t(`escalationsPage.level.${level}`)
    : String(level);
}

/** A level as a chart's narrow axis names it ("1 Enhetschef"). */
export function levelShortName(level: number): string {
  return level === 1 || level === 2 || level === 3
    ? t(`escalationsPage.level_short.${level}`)
    : String(level);
}

export function statusName(status: Escalation["status"]): string {
  return t(`escalationsPage.status.${status}`);
}

export interface BoardColumn {
  readonly level: number;
  readonly escalations: readonly Escalation[];
}

/** The open escalations by level, the oldest first in each: the longest wait is the most urgent. */
export function boardColumns(escalations: readonly Escalation[]): BoardColumn[] {
  return levels.map((level) => ({
    level,
    escalations: escalations
      .filter((e) => e.status === "open" && e.level === level)
      .sort((a, b) => b.ageDays - a.ageDays || a.openedOn.localeCompare(b.openedOn)),
  }));
}

/** The resolved ones, the latest resolved first. */
export function resolvedList(escalations: readonly Escalation[]): Escalation[] {
  return escalations
    .filter((e) => e.status === "resolved")
    .sort((a, b) => (b.resolvedOn ?? "").localeCompare(a.resolvedOn ?? ""));
}

/** What an escalation is about, in words: a case by its number, a routine by its agreement. */
export function aboutText(
  escalation: Pick<Escalation, "about">,
  agreementTitles: ReadonlyMap<string, string>,
): string {
  const { about } = escalation;
  if (about.kind === "case") return t("escalationsPage.about.case_id", { id: about.caseId });
  const title =
    about.agreementId === undefined ? undefined : agreementTitles.get(about.agreementId);
  const base =
    title === undefined
      ? t("escalationsPage.about.routine")
      : t("escalationsPage.about.agreement", { title });
  return about.section === undefined
    ? base
    : `${base}, ${t("escalationsPage.about.section", { section: sectionName(about.section as never) })}`;
}

export function organisationsText(
  catalogues: Catalogues,
  escalation: Pick<Escalation, "organisations">,
) {
  return organisationList(catalogues, escalation.organisations);
}

/** Which kind of escalation a role raises (SPEC: about a case samordnare; a routine the others). */
export function raiseKind(role: string): "case" | "routine" | null {
  if (role === "samordnare") return "case";
  if (role === "ledning" || role === "lan" || role === "admin") return "routine";
  return null;
}

/**
 * Who may lift and resolve (the API decides; this keeps the forms from those it would refuse):
 * lan and admin; ledning of an organisation involved; a samordnare for a case escalation (the
 * API checks the case is theirs).
 */
export function mayAct(
  session: { readonly role: string; readonly orgs: readonly string[] },
  escalation: Pick<Escalation, "organisations" | "about" | "status">,
): boolean {
  if (escalation.status !== "open") return false;
  if (session.role === "lan" || session.role === "admin") return true;
  if (session.role === "ledning") {
    return session.orgs.some((o) => escalation.organisations.includes(o));
  }
  return session.role === "samordnare" && escalation.about.kind === "case";
}

/** The raise form's state: strings as typed. */
export interface RaiseDraft {
  readonly caseId: string;
  readonly agreementId: string;
  readonly section: string;
  readonly organisations: readonly string[];
  readonly question: string;
}

export const emptyRaise: RaiseDraft = {
  caseId: "",
  agreementId: "",
  section: "",
  organisations: [],
  question: "",
};

/** The checks the API makes that the form can make first, by the API's field paths. */
export function checkRaise(draft: RaiseDraft, kind: "case" | "routine"): Record<string, string> {
  const errors: Record<string, string> = {};
  if (kind === "case" && !/^\d+$/.test(draft.caseId.trim())) {
    errors["about.caseId"] = t("escalationsPage.raise.case_id_invalid");
  }
  if (new Set(draft.organisations).size < 2) {
    errors.organisations = t("escalationsPage.raise.two_organisations");
  }
  if (draft.question.trim() === "") {
    errors.question = t("forumsPage.form.fill_in", { field: t("escalationsPage.raise.question") });
  }
  return errors;
}

/** The body of POST /escalations. */
export function raiseBody(draft: RaiseDraft, kind: "case" | "routine"): NewEscalation {
  const common = {
    organisations: [...new Set(draft.organisations)],
    question: draft.question.trim(),
  };
  if (kind === "case")
    return { about: { kind: "case", caseId: Number(draft.caseId.trim()) }, ...common };
  return {
    about: {
      kind: "routine",
      ...(draft.agreementId === "" ? {} : { agreementId: draft.agreementId }),
      ...(draft.section === "" ? {} : { section: draft.section }),
    },
    ...common,
  };
}

/** A row of the metric's table: a level, or the total. */
export interface MetricRow {
  readonly key: string;
  readonly label: string;
  /** The name in the chart, where a level's full name would not fit. */
  readonly shortLabel: string;
  readonly cell: EscalationCell;
}

/** The metric's cells by level (every level, a level with nothing reads 0), then the total. */
export function metricRows(cells: readonly EscalationCell[], total: EscalationCell | undefined) {
  const rows: MetricRow[] = levels.map((level) => ({
    key: String(level),
    label: levelName(level),
    shortLabel: levelShortName(level),
    cell: cells.find((c) => c.level === level) ?? {
      level,
      open: 0,
      resolved: 0,
      medianDaysToResolution: null,
      suppressed: false,
      withheld: [],
    },
  }));
  return total === undefined
    ? rows
    : [
        ...rows,
        {
          key: "total",
          label: t("escalationsPage.metric.total"),
          shortLabel: t("escalationsPage.metric.total"),
          cell: total,
        },
      ];
}

/**
 * Whether one number of a cell is withheld (".."). A median is null also when nothing was
 * resolved: then there is none to give ("–"), which is no secret.
 */
export function isWithheld(
  cell: EscalationCell,
  field: "open" | "resolved" | "medianDaysToResolution",
): boolean {
  if (cell[field] !== null) return false;
  if (field !== "medianDaysToResolution") return true;
  return (cell.withheld ?? []).includes(field) || cell.resolved !== 0;
}

/** The metric's default period in months: this month and the eleven before it. */
export function defaultMetricMonths(today: string): { from: string; to: string } {
  const month = today.slice(0, 7);
  return { from: addMonths(month, -11), to: month };
}

/** The metric's query: from the first day of the first month to the last day of the last. */
export function metricPeriod(months: { from: string; to: string }): { from: string; to: string } {
  return { from: firstDayOf(months.from), to: lastDayOf(months.to) };
}
