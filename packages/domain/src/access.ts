import { z } from "zod";
import { assertNever } from "./assert-never";
import {
  type CaseEvent,
  type ConsentValue,
  compareEvents,
  consentValues,
  type EventType,
  participationValues,
  sipValues,
} from "./case";
import { type CaseState, evolve, initialCaseState } from "./case-state";
import type { IsoDate } from "./codes";
import { addDays } from "./time";

/** SPEC "Roles and scope". */
export const roles = ["admin", "lan", "ledning", "samordnare"] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/**
 * Who is asking: the signed-in user's subject, role and organisation scope (organisation codes).
 * Every query function in packages/db takes one, so that no route can forget scope.
 */
export interface Scope {
  readonly sub: string;
  readonly role: Role;
  readonly orgs: readonly string[];
}

/** Case-level (pseudonymous) data reaches samordnare of the case's units, and admin. */
export function seesCaseLevel(scopeRole: Role): boolean {
  return scopeRole === "samordnare" || scopeRole === "admin";
}

/** Aggregates for the whole county: admin and länsgrupp; ledning for comparison only. */
export function seesCountyAggregates(scopeRole: Role): boolean {
  return scopeRole === "admin" || scopeRole === "lan" || scopeRole === "ledning";
}

/**
 * Admin and länsgrupp see the whole county as theirs: every unit, every figure unrestricted.
 * Ledning and samordnare see their own organisations (and the county only when they ask).
 */
export function seesWholeCounty(scopeRole: Role): boolean {
  return scopeRole === "admin" || scopeRole === "lan";
}

/** Samordnare register cases and events of their own units, by hand or by import; admin anything. */
export function mayRegisterCases(scopeRole: Role): boolean {
  return scopeRole === "admin" || scopeRole === "samordnare";
}

/**
 * Whose registrations a caller acts within: admin for every organisation, a samordnare for their
 * own (an import of theirs is limited to them), other roles register nothing.
 */
export function registersFor(scope: Scope): Recorder | undefined {
  if (scope.role === "admin") return "everyOrganisation";
  return scope.role === "samordnare" ? { organisations: scope.orgs } : undefined;
}

/** Catalogues, organisations, units, users and the audit log are admin's alone. */
export function administers(scopeRole: Role): boolean {
  return scopeRole === "admin";
}

/** Which cases a metric counts, as the caller asks: their own organisations' or the county's. */
export const metricViews = ["own", "county"] as const;
export type MetricView = (typeof metricViews)[number];

/**
 * Narrows a population to the cases in which a unit of one of `organisations` took part: the
 * initiating unit, or a unit named in a `lead` or `join` event before asOf. This is how `ledning`
 * sees its own organisations in full; no restriction means the whole county.
 */
export interface MetricRestriction {
  readonly organisations: readonly string[];
}

/**
 * Whose cases a metric counts. Every metric function requires one, made from the caller's scope
 * by `metricAccess`, so that no route can leave the restriction out.
 */
export interface MetricAccess {
  readonly view: MetricView;
  /** Undefined: the whole county. */
  readonly restriction: MetricRestriction | undefined;
}

/**
 * SPEC "Roles and scope": admin and länsgrupp see the county; ledning and samordnare see their own
 * organisations in full, and the county for comparison when they ask for it (`view=county`).
 */
export function metricAccess(scope: Scope, asked?: MetricView): MetricAccess {
  if (seesWholeCounty(scope.role) || asked === "county") {
    return { view: "county", restriction: undefined };
  }
  return { view: "own", restriction: { organisations: scope.orgs } };
}

/** A bound of a metric's period that breaks the whole-months rule. */
export type PeriodBound = "from" | "to";

/**
 * Differencing control (threat model): for roles other than samordnare a metric's period is whole
 * months — `from` the 1st, `to` the last of a month — so that shifting a window by a day cannot
 * isolate one case. Samordnare see their own cases one by one anyway. Returns the bounds that
 * break the rule; an absent bound is unbounded and breaks nothing.
 */
export function brokenMonthBounds(
  scopeRole: Role,
  period: { readonly from?: IsoDate | undefined; readonly to?: IsoDate | undefined },
): PeriodBound[] {
  if (scopeRole === "samordnare") return [];
  const broken: PeriodBound[] = [];
  if (period.from !== undefined && !period.from.endsWith("-01")) broken.push("from");
  if (period.to !== undefined && !addDays(period.to, 1).endsWith("-01")) broken.push("to");
  return broken;
}

/**
 * A period widened to the whole months it touches: for figures read over a period someone else
 * chose to the day (an evaluation session's), so that they meet the rule of `brokenMonthBounds`
 * whoever reads them.
 */
export function wholeMonths(period: { readonly from: IsoDate; readonly to: IsoDate }): {
  from: IsoDate;
  to: IsoDate;
} {
  const from = `${period.from.slice(0, 8)}01` as IsoDate;
  const nextMonth = addDays(`${period.to.slice(0, 8)}28`, 4);
  return { from, to: addDays(`${nextMonth.slice(0, 8)}01`, -1) };
}

/**
 * Who records an event: a samordnare acts for their own organisations; admin, and an import
 * without a limit (the installation loading its source systems' logs, where consent was judged
 * and documented as seed 001 asks), act for every organisation.
 */
export type Recorder = { readonly organisations: readonly string[] } | "everyOrganisation";

/** Why an event may not be recorded; its text is the message `import.error.<reason>`. */
export type SharingRefusal = "consentRequired";

/** A unit's organisation (huvudman); undefined for a unit that does not exist. */
export type OrganisationOf = (unit: string) => string | undefined;

/** Only these bring a unit into a case, and with it the unit's organisation. */
export function bringsUnitIn(type: EventType): boolean {
  return type === "lead" || type === "join";
}

/**
 * The organisations that hold a case's unit-level details in `state`: those of its initiating
 * unit and its lead unit, and those of its participating units unless consent is withdrawn
 * (SPEC "Consent"). The same rule as who sees the case (`visibleTo` in packages/db).
 */
export function organisationsSharing(
  initiatingUnit: string,
  state: CaseState,
  organisationOf: OrganisationOf,
): ReadonlySet<string> {
  const units = [initiatingUnit, state.leadUnit];
  if (state.consent !== "withdrawn") units.push(...state.participatingUnits);
  const organisations = units.map((unit) => (unit === null ? undefined : organisationOf(unit)));
  return new Set(organisations.filter((o) => o !== undefined));
}

/**
 * Whether a `lead` or `join` naming a unit of `unitOrganisation` may be recorded, given the case
 * as of the event. A case's unit-level details cross to another huvudman only while the
 * individual's consent is given (SPEC "Consent"; seed 001: sekretess is lifted by samtycke,
 * which "kan när som helst återkallas"; seed 003: "Samordning får endast ske om personen har
 * lämnat sitt samtycke"). So it may be recorded when the recorder acts for that organisation
 * (nothing leaves their hands), when the organisation already holds the case (nothing new
 * crosses), or when consent as of the event is `given`; not while consent is unset, declined or
 * withdrawn. Other event types bring no one in.
 */
export function sharingRefusal(
  event: { readonly type: EventType; readonly unitOrganisation: string },
  asOfEvent: { readonly consent: ConsentValue | null; readonly sharedWith: ReadonlySet<string> },
  recorder: Recorder,
): SharingRefusal | undefined {
  if (!bringsUnitIn(event.type) || recorder === "everyOrganisation") return undefined;
  if (recorder.organisations.includes(event.unitOrganisation)) return undefined;
  if (asOfEvent.sharedWith.has(event.unitOrganisation)) return undefined;
  return asOfEvent.consent === "given" ? undefined : "consentRequired";
}

/** An event by its columns, as stored or as an imported row has it. */
export interface EventColumns {
  readonly type: EventType;
  /** Epoch milliseconds. */
  readonly occurredAt: number;
  readonly step: number | null;
  readonly unitCode: string | null;
  readonly value: string | null;
}

/**
 * The events of `incoming` that may not be recorded, by their index, with the reason. They are
 * recorded after every event of `recorded`, in the order given (SPEC: a later import's events
 * and an API write come after the old ones), and each is judged against the case as of it: the
 * fold of every event before it in event order, the incoming ones before it included unless
 * refused. A unit that does not exist is left to the unknown-unit check.
 */
export function refusedIncomingEvents(
  initiatingUnit: string,
  recorded: readonly (EventColumns & { readonly seq: number })[],
  incoming: readonly EventColumns[],
  recorder: Recorder,
  organisationOf: OrganisationOf,
): Map<number, SharingRefusal> {
  const lastSeq = recorded.reduce((last, e) => Math.max(last, e.seq), 0);
  const log = [
    ...recorded.map((e) => ({ event: caseEventOf(e, e.seq), index: undefined })),
    ...incoming.map((e, index) => ({ event: caseEventOf(e, lastSeq + 1 + index), index })),
  ].sort((a, b) => compareEvents(a.event, b.event));
  const refused = new Map<number, SharingRefusal>();
  let state = initialCaseState;
  for (const { event, index } of log) {
    const unitOrganisation = "unit" in event ? organisationOf(event.unit) : undefined;
    if (index !== undefined && unitOrganisation !== undefined) {
      const sharedWith = organisationsSharing(initiatingUnit, state, organisationOf);
      const reason = sharingRefusal(
        { type: event.type, unitOrganisation },
        { consent: state.consent, sharedWith },
        recorder,
      );
      // A refused event is not recorded, so the events after it are judged without it.
      if (reason !== undefined) {
        refused.set(index, reason);
        continue;
      }
    }
    state = evolve(state, event);
  }
  return refused;
}

/**
 * An event's columns as the domain's event. The columns passed the interchange row schema (which
 * sets exactly the ones each type carries), so the fallbacks below never apply.
 */
export function caseEventOf(e: EventColumns, seq: number): CaseEvent {
  const base = { occurredAt: e.occurredAt, seq };
  switch (e.type) {
    case "step":
      return { ...base, type: "step", step: e.step ?? 0 };
    case "lead":
    case "join":
    case "leave":
      return { ...base, type: e.type, unit: e.unitCode ?? "" };
    case "consent":
      return { ...base, type: "consent", value: oneOf(consentValues, e.value, "declined") };
    case "sip":
      return { ...base, type: "sip", value: oneOf(sipValues, e.value, "followed_up") };
    case "participation":
      return {
        ...base,
        type: "participation",
        step: e.step ?? 0,
        value: oneOf(participationValues, e.value, "no"),
      };
    case "close":
      return { ...base, type: "close", reason: e.value ?? "" };
    case "reopen":
      return { ...base, type: "reopen" };
    default:
      return assertNever(e.type);
  }
}

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((v) => v === value) ?? fallback;
}
