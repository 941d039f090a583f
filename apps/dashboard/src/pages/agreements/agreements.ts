import { agreementStatuses, firstReviewBy, type IndicatorFigure } from "@samsyn/domain/agreements";
import type { MessageKey } from "@samsyn/domain/messages";
import { z } from "zod";
import type {
  Agreement,
  AgreementInput,
  AgreementPatch,
  AgreementStatus,
  Coverage,
  CoverageCell,
  Indicator,
  RegisterQuery,
  SectionKind,
} from "../../api/agreements";
import type { Catalogues } from "../../api/types";
import { formatNumber } from "../../lib/cells";
import { t } from "../../lib/i18n";
import { nameOf } from "../../lib/names";

/**
 * The agreements page's logic: its choices in the URL, codes in words, the coverage matrix, and
 * the create/edit form's state, checks and body. The page components only draw what this says.
 */

/** How far ahead the page lists reviews (issue 17: "reviews due within 60 days"). */
export const reviewWindowDays = 60;

/** The register's own choices; `municipality` and `targetGroup` are the shared filters'. */
export const registerSearchSchema = z.object({
  status: z.enum(agreementStatuses).optional().catch(undefined),
  reviewDue: z.enum(["overdue", "within"]).optional().catch(undefined),
  /** The day the coverage is read as of (default today). */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});
export type RegisterSearch = z.output<typeof registerSearchSchema>;

export function validateRegisterSearch(raw: Record<string, unknown>): RegisterSearch {
  return registerSearchSchema.parse(raw);
}

export interface RegisterChoice {
  readonly status?: AgreementStatus | undefined;
  readonly reviewDue?: "overdue" | "within" | undefined;
  readonly municipality?: readonly string[] | undefined;
  readonly targetGroup?: readonly string[] | undefined;
  readonly asOf?: string | undefined;
}

/** The URL's choice as the register's API query. */
export function registerQuery(choice: RegisterChoice): RegisterQuery {
  return {
    ...(choice.status === undefined ? {} : { status: [choice.status] }),
    ...(choice.municipality === undefined || choice.municipality.length === 0
      ? {}
      : { municipality: choice.municipality }),
    ...(choice.targetGroup === undefined || choice.targetGroup.length === 0
      ? {}
      : { targetGroup: choice.targetGroup }),
    ...(choice.reviewDue === undefined
      ? {}
      : {
          reviewDue: choice.reviewDue === "overdue" ? "overdue" : `within:${reviewWindowDays}d`,
        }),
  };
}

/** The page's search as the URL should have it: the shared filters that mean nothing here go. */
export function registerSearch(choice: RegisterChoice): Record<string, unknown> {
  return {
    ...(choice.municipality?.length ? { municipality: choice.municipality } : {}),
    ...(choice.targetGroup?.length ? { targetGroup: choice.targetGroup } : {}),
    ...(choice.status === undefined ? {} : { status: choice.status }),
    ...(choice.reviewDue === undefined ? {} : { reviewDue: choice.reviewDue }),
    ...(choice.asOf === undefined ? {} : { asOf: choice.asOf }),
  };
}

/** The choice in words, for the caption and the export ("Status: Gällande; Kommun: Nacka"). */
export function describeChoice(choice: RegisterChoice, catalogues: Catalogues): string {
  const parts: string[] = [];
  if (choice.status !== undefined) {
    parts.push(`${t("agreements.filter.status")}: ${statusName(choice.status)}`);
  }
  if (choice.municipality?.length) {
    parts.push(
      `${t("filter.municipality")}: ${choice.municipality.map((c) => nameOf(catalogues, "municipality", c)).join(", ")}`,
    );
  }
  if (choice.targetGroup?.length) {
    parts.push(
      `${t("filter.target_group")}: ${choice.targetGroup.map((c) => nameOf(catalogues, "targetGroup", c)).join(", ")}`,
    );
  }
  if (choice.reviewDue !== undefined) {
    parts.push(`${t("agreements.filter.review_due")}: ${reviewDueName(choice.reviewDue)}`);
  }
  return parts.length === 0 ? t("agreements.filter.none") : parts.join("; ");
}

export function reviewDueName(due: "overdue" | "within"): string {
  return due === "overdue"
    ? t("agreements.filter.review_overdue")
    : t("agreements.filter.review_within", { days: reviewWindowDays });
}

export function statusName(status: AgreementStatus): string {
  return t(`agreements.status.${status}`);
}

export function levelName(level: Agreement["level"]): string {
  return t(`agreements.level.${level}`);
}

export function sectionName(kind: SectionKind): string {
  return t(`agreements.section.${kind}`);
}

export function organisationName(catalogues: Catalogues, code: string): string {
  return catalogues.organisations.find((o) => o.code === code)?.name ?? code;
}

export function organisationNames(catalogues: Catalogues, codes: readonly string[]): string {
  return codes.map((c) => organisationName(catalogues, c)).join(", ");
}

export function targetGroupNames(catalogues: Catalogues, codes: readonly string[]): string {
  return codes.map((c) => nameOf(catalogues, "targetGroup", c)).join(", ");
}

/**
 * Every kommun of the county reads "Hela länet (26 kommuner)", most of them "23 av 26 kommuner
 * (alla utom Nykvarn, …)": the gaps are what a reader looks for, not 23 names.
 */
export function municipalityNames(catalogues: Catalogues, codes: readonly string[]): string {
  const all = catalogues.municipalities;
  const byName = (list: readonly string[]) =>
    list
      .map((c) => nameOf(catalogues, "municipality", c))
      .sort((a, b) => a.localeCompare(b, "sv"))
      .join(", ");
  const missing = all.filter((m) => !codes.includes(m.code)).map((m) => m.code);
  if (all.length > 1 && missing.length === 0) {
    return t("agreements.all_municipalities", { count: all.length });
  }
  if (all.length > 3 && missing.length < all.length / 2) {
    return t("agreements.most_municipalities", {
      count: all.length - missing.length,
      total: all.length,
      missing: byName(missing),
    });
  }
  return byName(codes);
}

export function validityText(a: Pick<Agreement, "validFrom" | "validTo">): string {
  return t("agreements.valid_range", {
    from: a.validFrom,
    to: a.validTo ?? t("agreements.valid_open"),
  });
}

/** Whole days from `from` to `to` (dates `YYYY-MM-DD`); negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** One row of the coverage matrix: a kommun, and its cell for each statutory målgrupp. */
export interface CoverageRow {
  readonly municipality: string;
  readonly name: string;
  readonly cells: readonly CoverageCell[];
}

/** The matrix: kommuner by name down, the API's statutory målgrupper across. */
export function coverageRows(coverage: Coverage, catalogues: Catalogues): CoverageRow[] {
  const byMunicipality = new Map<string, CoverageCell[]>();
  for (const cell of coverage.cells) {
    const cells = byMunicipality.get(cell.municipality) ?? [];
    cells.push(cell);
    byMunicipality.set(cell.municipality, cells);
  }
  return [...byMunicipality.entries()]
    .map(([municipality, cells]) => ({
      municipality,
      name: nameOf(catalogues, "municipality", municipality),
      cells: coverage.targetGroups.map(
        (targetGroup) =>
          cells.find((c) => c.targetGroup === targetGroup) ?? {
            municipality,
            targetGroup,
            covered: false,
            agreements: [],
          },
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

export function gapCount(coverage: Coverage): number {
  return coverage.cells.filter((c) => !c.covered).length;
}

/** A cell in words: "Täckt (2)", "Täckt" (by agreements the caller may not read), "Saknas". */
export function coverageText(cell: CoverageCell): string {
  if (!cell.covered) return t("agreements.coverage.gap");
  return cell.agreements.length === 0
    ? t("agreements.coverage.export_covered")
    : t("agreements.coverage.covered", { count: cell.agreements.length });
}

/** The create and edit form's state: what the user has typed, as strings and lists of codes. */
export interface AgreementDraft {
  readonly title: string;
  readonly level: Agreement["level"];
  readonly parties: readonly string[];
  readonly targetGroups: readonly string[];
  readonly municipalities: readonly string[];
  readonly validFrom: string;
  readonly validTo: string;
  readonly reviewBy: string;
  readonly documentUrl: string;
  readonly sections: readonly { kind: SectionKind; title: string; text: string }[];
}

/**
 * A new agreement's form, prefilled from the coverage cell it was opened from: that kommun and
 * målgrupp, with the kommun's own organisation and the region as parties, so that once active
 * it closes the gap.
 */
export function newDraft(
  catalogues: Catalogues,
  prefill: { municipality: readonly string[]; targetGroup: readonly string[] },
  today: string,
): AgreementDraft {
  const municipalities = prefill.municipality.filter((m) =>
    catalogues.municipalities.some((c) => c.code === m),
  );
  const kommuner = catalogues.organisations
    .filter((o) => o.principalType === "kommun" && municipalities.includes(o.municipality ?? ""))
    .map((o) => o.code);
  const regions = catalogues.organisations
    .filter((o) => o.principalType === "region")
    .map((o) => o.code);
  return {
    title: "",
    level: municipalities.length === 1 ? "lokal" : "lan",
    parties: municipalities.length === 0 ? [] : [...kommuner, ...regions],
    targetGroups: prefill.targetGroup.filter((g) =>
      catalogues.targetGroups.some((c) => c.code === g),
    ),
    municipalities,
    validFrom: today,
    validTo: "",
    reviewBy: "",
    documentUrl: "",
    sections: [],
  };
}

export function draftOf(a: Agreement): AgreementDraft {
  return {
    title: a.title,
    level: a.level,
    parties: a.parties,
    targetGroups: a.targetGroups,
    municipalities: a.municipalities,
    validFrom: a.validFrom,
    validTo: a.validTo ?? "",
    reviewBy: a.reviewBy,
    documentUrl: a.documentUrl ?? "",
    sections: a.sections.map((s) => ({ ...s })),
  };
}

/** A field's errors by the API's path (`title`, `sections.0.text`): the form's keys are the same. */
export type FieldErrors = Readonly<Record<string, string>>;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

const fieldLabels = {
  title: "agreements.field.title",
  level: "agreements.field.level",
  parties: "agreements.field.parties",
  targetGroups: "agreements.field.targetGroups",
  municipalities: "agreements.field.municipalities",
  validFrom: "agreements.field.validFrom",
  validTo: "agreements.field.validTo",
  reviewBy: "agreements.field.reviewBy",
  documentUrl: "agreements.field.documentUrl",
  sections: "agreements.field.sections",
  status: "agreements.field.status",
  replacedBy: "agreements.field.replacedBy",
} as const satisfies Record<string, MessageKey>;

/** A field in words ("Giltig från", "Avsnitt 2: Rubrik"); the API's path when it is no field. */
export function fieldLabel(path: string): string {
  const section = /^sections\.(\d+)\.(kind|title|text)$/.exec(path);
  if (section !== null) {
    const part = { kind: "section_kind", title: "section_title", text: "section_text" } as const;
    return `${t("agreements.form.section_legend", { number: Number(section[1]) + 1 })}: ${t(
      `agreements.form.${part[section[2] as keyof typeof part]}`,
    )}`;
  }
  return path in fieldLabels ? t(fieldLabels[path as keyof typeof fieldLabels]) : path;
}

/** The checks the API makes that the form can make first, each beside its field, in Swedish. */
export function checkDraft(draft: AgreementDraft, editing: boolean): FieldErrors {
  const errors: Record<string, string> = {};
  const required = (path: string) => t("agreements.invalid.required", { field: fieldLabel(path) });
  if (draft.title.trim() === "") errors.title = required("title");
  if (new Set(draft.parties).size < 2) errors.parties = t("agreements.invalid.two_parties");
  if (draft.targetGroups.length === 0) errors.targetGroups = t("agreements.invalid.choose_one");
  if (draft.municipalities.length === 0) errors.municipalities = t("agreements.invalid.choose_one");
  if (draft.validFrom === "") errors.validFrom = required("validFrom");
  else if (!datePattern.test(draft.validFrom)) errors.validFrom = t("agreements.invalid.date");
  if (draft.validTo !== "" && !datePattern.test(draft.validTo)) {
    errors.validTo = t("agreements.invalid.date");
  } else if (draft.validTo !== "" && !errors.validFrom && draft.validTo < draft.validFrom) {
    errors.validTo = t("agreements.invalid.valid_order");
  }
  // A new agreement's review date defaults (30 November); a registered one always has one.
  if (draft.reviewBy === "" && editing) errors.reviewBy = required("reviewBy");
  else if (draft.reviewBy !== "" && !datePattern.test(draft.reviewBy)) {
    errors.reviewBy = t("agreements.invalid.date");
  }
  if (draft.documentUrl.trim() !== "" && !/^https?:\/\/\S+$/.test(draft.documentUrl.trim())) {
    errors.documentUrl = t("agreements.invalid.url");
  }
  draft.sections.forEach((s, i) => {
    if (s.title.trim() === "") errors[`sections.${i}.title`] = required(`sections.${i}.title`);
  });
  return errors;
}

/** The body of POST /agreements. */
export function createBody(draft: AgreementDraft): AgreementInput {
  return {
    title: draft.title.trim(),
    level: draft.level,
    parties: [...draft.parties],
    targetGroups: [...draft.targetGroups],
    municipalities: [...draft.municipalities],
    validFrom: draft.validFrom,
    validTo: draft.validTo === "" ? null : draft.validTo,
    ...(draft.reviewBy === "" ? {} : { reviewBy: draft.reviewBy }),
    documentUrl: draft.documentUrl.trim() === "" ? null : draft.documentUrl.trim(),
    sections: draft.sections.map((s) => ({ kind: s.kind, title: s.title.trim(), text: s.text })),
  };
}

/**
 * The body of PATCH /agreements/{id}: only the fields that differ from the revision the user
 * opened, with that revision, so that a change made meanwhile is refused (409), never lost.
 * Null when nothing differs.
 */
export function patchBody(draft: AgreementDraft, opened: Agreement): AgreementPatch | null {
  const full = createBody({ ...draft, reviewBy: draft.reviewBy });
  const before: Record<string, unknown> = {
    title: opened.title,
    level: opened.level,
    parties: opened.parties,
    targetGroups: opened.targetGroups,
    municipalities: opened.municipalities,
    validFrom: opened.validFrom,
    validTo: opened.validTo,
    reviewBy: opened.reviewBy,
    documentUrl: opened.documentUrl,
    sections: opened.sections,
  };
  const changes = Object.fromEntries(
    Object.entries(full).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key]),
    ),
  );
  if (Object.keys(changes).length === 0) return null;
  return { ...changes, expectedRevision: opened.revision };
}

/** The API's per-field details as the form's errors; the ones naming no field of it apart. */
export function apiFieldErrors(details: readonly { path: string; message: string }[]): {
  fields: FieldErrors;
  other: string[];
} {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const d of details) {
    const known = d.path in fieldLabels || /^sections\.\d+\.(kind|title|text)$/.test(d.path);
    if (known && d.path !== "status" && d.path !== "replacedBy") {
      // The API names a field by its path ("Fältet sections.0.text …"): the user reads its label.
      const message =
        d.path === "" ? d.message : d.message.replaceAll(d.path, `”${fieldLabel(d.path)}”`);
      fields[d.path] = fields[d.path] === undefined ? message : `${fields[d.path]} ${message}`;
    } else other.push(d.path === "" ? d.message : `${fieldLabel(d.path)}: ${d.message}`);
  }
  return { fields, other };
}

/** The default review date a new agreement gets, said beside the empty field. */
export function defaultReviewBy(validFrom: string): string | null {
  return datePattern.test(validFrom) ? firstReviewBy(validFrom as never) : null;
}

/** The fields of a revision in words: "Status, Granskas senast"; the first is "Registrerad". */
export function revisionText(revision: { revision: number; fields: readonly string[] }): string {
  if (revision.revision === 1) return t("agreements.revisions.created");
  return revision.fields.map(fieldLabel).join(", ");
}

/** The status actions in the order they are offered, each with its button's text. */
export function statusActionLabel(from: AgreementStatus, to: AgreementStatus): string {
  if (to === "active") {
    return from === "draft"
      ? t("agreements.action.activate")
      : t("agreements.action.finish_review");
  }
  if (to === "under_review") return t("agreements.action.start_review");
  if (to === "expired") return t("agreements.action.expire");
  if (to === "replaced") return t("agreements.action.replace");
  return statusName(to);
}

/** The figures an indicator can follow that are days (statistics); the others count cases. */
export const dayFigures: readonly string[] = ["median", "p90", "medianDaysToSip", "medianDaysOver"];

export function indicatorUnit(figure: string): string {
  return dayFigures.includes(figure)
    ? t("agreements.indicator.unit.days")
    : t("agreements.indicator.unit.cases");
}

const figureKeys = {
  count: "agreements.indicator.figure.count",
  n: "agreements.indicator.figure.n",
  median: "agreements.indicator.figure.median",
  p90: "agreements.indicator.figure.p90",
  sipEstablished: "agreements.indicator.figure.sipEstablished",
  consentGiven: "agreements.indicator.figure.consentGiven",
  medianDaysToSip: "agreements.indicator.figure.medianDaysToSip",
  medianDaysOver: "agreements.indicator.figure.medianDaysOver",
} as const satisfies Record<IndicatorFigure, MessageKey>;

/** A figure of a metric in words ("Median ledtid"); one the page does not know stays its code. */
export function figureName(figure: string): string {
  return figure in figureKeys ? t(figureKeys[figure as IndicatorFigure]) : figure;
}

export function targetText(target: Indicator["target"]): string {
  return t(`agreements.indicator.target.${target.direction}`, {
    value: formatNumber(target.value),
  });
}

/** Met, not met, or not known: a withheld value is never judged against the target. */
export function metText(figure: { suppressed: boolean; met: boolean | null }): string {
  if (figure.suppressed || figure.met === null) return t("agreements.indicator.unknown");
  return figure.met ? t("agreements.indicator.met") : t("agreements.indicator.not_met");
}
