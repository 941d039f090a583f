import type { CaseSummary, Catalogues } from "../../api/types";
import type { Filters } from "../../lib/filters";
import { firstDayOf, lastDayOf } from "../../lib/filters";

/** One of a samordnare's stuck cases as the list shows it. */
export interface StuckCaseRow {
  readonly id: number;
  readonly process: string;
  readonly step: number | null;
  readonly daysInStep: number | null;
  readonly targetDays: number | null;
  readonly daysOver: number | null;
  readonly leadUnit: string | null;
}

/**
 * The stuck cases that match the shared filters. The API lists a samordnare's own cases with
 * their attributes, so the filter bar applies to the list as it does to the counts beside it:
 * period (opened in it), kommun, målgrupp, åldersgrupp, process and huvudman (the lead unit's
 * organisation's principal type).
 */
export function matchingCases(
  cases: readonly CaseSummary[],
  filters: Filters,
  catalogues: Catalogues,
): CaseSummary[] {
  const { codes } = filters;
  const allows = (chosen: readonly string[], value: string | null) =>
    chosen.length === 0 || (value !== null && chosen.includes(value));
  return cases.filter(
    (c) =>
      (filters.from === null || c.openedOn >= firstDayOf(filters.from)) &&
      (filters.to === null || c.openedOn <= lastDayOf(filters.to)) &&
      allows(codes.municipality, c.municipality) &&
      allows(codes.targetGroup, c.targetGroup) &&
      allows(codes.ageGroup, c.ageGroup) &&
      allows(codes.process, c.process) &&
      allows(codes.leadPrincipal, leadPrincipalOf(c, catalogues)),
  );
}

function leadPrincipalOf(c: CaseSummary, catalogues: Catalogues): string | null {
  const unit = catalogues.units.find((u) => u.code === c.leadUnit);
  return catalogues.organisations.find((o) => o.code === unit?.organisation)?.principalType ?? null;
}

/**
 * A case's row: its step's target days from the catalogue, and the days in the step as the
 * target plus the API's days over, so the three columns always agree (the API's "today").
 */
export function stuckCaseRow(c: CaseSummary, catalogues: Catalogues): StuckCaseRow {
  const targetDays =
    catalogues.processes
      .find((p) => p.code === c.process)
      ?.steps.find((s) => s.number === c.currentStep)?.targetDays ?? null;
  return {
    id: c.id,
    process: c.process,
    step: c.currentStep,
    daysInStep: targetDays === null || c.daysOver === null ? null : targetDays + c.daysOver,
    targetDays,
    daysOver: c.daysOver,
    leadUnit: c.leadUnit,
  };
}
