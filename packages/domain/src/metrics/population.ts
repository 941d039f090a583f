import type { Case, CaseEvent } from "../case";
import type { CaseState } from "../case-state";
import { deriveCaseState } from "../case-state";
import { referenceRecordKey } from "../disclosure/record-key";
import type { CaseStatus, DimensionValues, MetricQuery, UnitPrincipal } from "./query";

/** A case of a query's population, with its state as of the query's asOf. */
export interface PopulationMember {
  readonly case: Case;
  readonly state: CaseState;
  /** All events of the case as given (not cut at asOf): metrics cut and order them themselves. */
  readonly events: readonly CaseEvent[];
  readonly values: DimensionValues;
  /** SPEC `cellkey`: the case's record key (see `referenceRecordKey`). */
  readonly recordKey: number;
}

/**
 * SPEC "population": cases with `openedOn` in [from, to] and on or before asOf that match the
 * filters and the status (as of asOf). `status` absent means `all` here; case counts pass `open`.
 */
export function population(
  cases: readonly Case[],
  eventsByCase: ReadonlyMap<string, readonly CaseEvent[]>,
  query: MetricQuery,
  unitPrincipal: UnitPrincipal,
): PopulationMember[] {
  const members: PopulationMember[] = [];
  for (const c of cases) {
    if (!openedInPeriod(c, query)) continue;
    const events = eventsByCase.get(c.ref) ?? [];
    const state = deriveCaseState(c, events, query.asOf);
    if (state === undefined || !hasStatus(state, query.status ?? "all")) continue;
    const values = dimensionValues(c, state, unitPrincipal);
    if (matchesFilters(values, query))
      members.push({ case: c, state, events, values, recordKey: referenceRecordKey(c.ref) });
  }
  return members;
}

export function dimensionValues(
  c: Case,
  state: CaseState,
  unitPrincipal: UnitPrincipal,
): DimensionValues {
  return {
    targetGroup: c.targetGroup,
    ageGroup: c.ageGroup,
    municipality: c.municipality,
    process: c.process,
    step: state.currentStep,
    leadPrincipal: state.leadUnit === null ? null : (unitPrincipal(state.leadUnit) ?? null),
    leadUnit: state.leadUnit,
  };
}

function openedInPeriod(c: Case, query: MetricQuery): boolean {
  return (
    (query.from === undefined || c.openedOn >= query.from) &&
    (query.to === undefined || c.openedOn <= query.to)
  );
}

function hasStatus(state: CaseState, status: CaseStatus): boolean {
  return status === "all" || state.closed === (status === "closed");
}

function matchesFilters(values: DimensionValues, query: MetricQuery): boolean {
  return (
    allows(query.municipality, values.municipality) &&
    allows(query.targetGroup, values.targetGroup) &&
    allows(query.ageGroup, values.ageGroup) &&
    allows(query.process, values.process) &&
    allows(query.leadPrincipal, values.leadPrincipal)
  );
}

function allows<T>(filter: readonly T[] | undefined, value: T | null): boolean {
  if (filter === undefined || filter.length === 0) return true;
  return value !== null && filter.includes(value);
}
