import { assertNever } from "./assert-never";
import type { Case, CaseEvent, ConsentValue } from "./case";
import { compareEvents } from "./case";
import type { IsoDate } from "./codes";
import { endOfStockholmDay } from "./time";

/** A `step` event as it entered the case: the step and its instant (epoch ms). */
export interface StepEntry {
  readonly step: number;
  readonly at: number;
}

/** A case as of a date: the fold of SPEC "Derived state" over its events. */
export interface CaseState {
  /** The step of the last `step` event; null before the first. */
  readonly currentStep: number | null;
  /** Instant of the last `step` event, the one that entered the current step (metric 7). */
  readonly currentStepSince: number | null;
  /** The unit of the last `lead` event (huvudansvarig). */
  readonly leadUnit: string | null;
  /**
   * Joins minus leaves, exactly as SPEC says: a `lead` event alone does not make a unit
   * participate, so a lead unit that never joined is not in this set.
   */
  readonly participatingUnits: ReadonlySet<string>;
  /** Every unit named by a `lead` or `join`; a later `leave` does not undo it (metric 6). */
  readonly unitsThatTookPart: ReadonlySet<string>;
  /** The last of `close`/`reopen` is `close`. */
  readonly closed: boolean;
  readonly consent: ConsentValue | null;
  /** Instant of the first `sip` event `established` (metric 5). */
  readonly sipEstablishedAt: number | null;
  /** Every `step` event in event order, back-steps included (lead times, flow). */
  readonly stepEntries: readonly StepEntry[];
}

export const initialCaseState: CaseState = {
  currentStep: null,
  currentStepSince: null,
  leadUnit: null,
  participatingUnits: new Set(),
  unitsThatTookPart: new Set(),
  closed: false,
  consent: null,
  sipEstablishedAt: null,
  stepEntries: [],
};

/** One step of the fold, in the style of a decider's `evolve`: pure, one case per event type. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case "step":
      return {
        ...state,
        currentStep: event.step,
        currentStepSince: event.occurredAt,
        stepEntries: [...state.stepEntries, { step: event.step, at: event.occurredAt }],
      };
    case "lead":
      return {
        ...state,
        leadUnit: event.unit,
        unitsThatTookPart: withUnit(state.unitsThatTookPart, event.unit),
      };
    case "join":
      return {
        ...state,
        participatingUnits: withUnit(state.participatingUnits, event.unit),
        unitsThatTookPart: withUnit(state.unitsThatTookPart, event.unit),
      };
    case "leave":
      return { ...state, participatingUnits: withoutUnit(state.participatingUnits, event.unit) };
    case "consent":
      return { ...state, consent: event.value };
    case "sip":
      return event.value === "established" && state.sipEstablishedAt === null
        ? { ...state, sipEstablishedAt: event.occurredAt }
        : state;
    case "participation":
      // Recorded for later metrics on the individual's participation; it changes no state here.
      return state;
    case "close":
      return { ...state, closed: true };
    case "reopen":
      return { ...state, closed: false };
    default:
      return assertNever(event);
  }
}

/** The events that count as of `asOf` (before the end of that day in Stockholm), in event order. */
export function eventsAsOf(events: readonly CaseEvent[], asOf: IsoDate): CaseEvent[] {
  const end = endOfStockholmDay(asOf);
  return events.filter((e) => e.occurredAt < end).sort(compareEvents);
}

/** The state of a case as of a date; undefined when the case was opened after it (SPEC). */
export function deriveCaseState(
  c: Case,
  events: readonly CaseEvent[],
  asOf: IsoDate,
): CaseState | undefined {
  if (c.openedOn > asOf) return undefined;
  return eventsAsOf(events, asOf).reduce(evolve, initialCaseState);
}

function withUnit(units: ReadonlySet<string>, unit: string): ReadonlySet<string> {
  return units.has(unit) ? units : new Set([...units, unit]);
}

function withoutUnit(units: ReadonlySet<string>, unit: string): ReadonlySet<string> {
  if (!units.has(unit)) return units;
  const rest = new Set(units);
  rest.delete(unit);
  return rest;
}
