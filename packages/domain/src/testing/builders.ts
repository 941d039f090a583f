import type {
  Case,
  CaseEvent,
  ConsentValue,
  EventType,
  ParticipationValue,
  SipValue,
} from "../case";
import type { AgeGroup, IsoDate, PrincipalType } from "../codes";
import type { UnitPrincipal } from "../metrics/query";
import { addDays, parseOccurredAt, stockholmDate } from "../time";

/** A case and its events, as a test (or the demo data) would store them. */
export interface BuiltCase {
  readonly case: Case;
  readonly events: readonly CaseEvent[];
}

/** An event without its time and recorded order: what a builder or a generator decides. */
export type CaseEventBody = CaseEvent extends infer E
  ? E extends CaseEvent
    ? Omit<E, "occurredAt" | "seq">
    : never
  : never;

let refCounter = 0;

/**
 * `aCase().openedOn("2024-03-01").inProcess("sip").withSteps(1, 2, 3).build()`.
 * Events are recorded in call order (their `seq`). An event without an explicit time happens at
 * 00:00 Stockholm on the builder's current date: `openedOn` at first, then wherever `on`,
 * `after` or the last explicitly timed event moved it. Set `openedOn` before adding events.
 */
export function aCase(): CaseBuilder {
  refCounter += 1;
  return new CaseBuilder(`case-${refCounter}`);
}

export class CaseBuilder {
  private value: Case;
  private readonly log: CaseEvent[] = [];
  private cursor: string | undefined;

  constructor(ref: string) {
    this.value = {
      ref,
      process: "intern_samsjuklighet",
      targetGroup: "samsjuklighet",
      ageGroup: "vuxen",
      municipality: "0180",
      openedOn: "2024-01-01" as IsoDate,
      initiatingUnit: "soc-vuxen",
    };
  }

  ref(ref: string): this {
    return this.with({ ref });
  }
  openedOn(date: string): this {
    return this.with({ openedOn: date as IsoDate });
  }
  inProcess(process: string): this {
    return this.with({ process });
  }
  targetGroup(targetGroup: string): this {
    return this.with({ targetGroup });
  }
  ageGroup(ageGroup: AgeGroup): this {
    return this.with({ ageGroup });
  }
  municipality(municipality: string): this {
    return this.with({ municipality });
  }
  initiatingUnit(initiatingUnit: string): this {
    return this.with({ initiatingUnit });
  }

  /** Moves the current date (or instant: any `occurred_at` text) for the events that follow. */
  on(occurredAt: string): this {
    instant(occurredAt);
    this.cursor = occurredAt;
    return this;
  }
  /** Moves the current date forward by whole days (to 00:00 Stockholm of that day). */
  after(days: number): this {
    return this.on(addDays(stockholmDate(instant(this.now())), days));
  }

  step(step: number, at?: string): this {
    return this.add({ type: "step", step }, at);
  }
  /** One `step` event per number, a day apart, the first on the current date. */
  withSteps(...steps: number[]): this {
    steps.forEach((step, i) => {
      if (i > 0) this.after(1);
      this.step(step);
    });
    return this;
  }
  lead(unit: string, at?: string): this {
    return this.add({ type: "lead", unit }, at);
  }
  join(unit: string, at?: string): this {
    return this.add({ type: "join", unit }, at);
  }
  leave(unit: string, at?: string): this {
    return this.add({ type: "leave", unit }, at);
  }
  consent(value: ConsentValue, at?: string): this {
    return this.add({ type: "consent", value }, at);
  }
  sip(value: SipValue, at?: string): this {
    return this.add({ type: "sip", value }, at);
  }
  participation(step: number, value: ParticipationValue, at?: string): this {
    return this.add({ type: "participation", step, value }, at);
  }
  close(reason = "avslutat", at?: string): this {
    return this.add({ type: "close", reason }, at);
  }
  reopen(at?: string): this {
    return this.add({ type: "reopen" }, at);
  }

  /** Event types recorded so far, in recorded order (handy in assertions). */
  types(): EventType[] {
    return this.log.map((e) => e.type);
  }

  build(): BuiltCase {
    return { case: this.value, events: [...this.log] };
  }

  private with(patch: Partial<Case>): this {
    this.value = { ...this.value, ...patch };
    return this;
  }

  private now(): string {
    return this.cursor ?? this.value.openedOn;
  }

  private add(body: CaseEventBody, at?: string): this {
    if (at !== undefined) this.on(at);
    const event = { ...body, occurredAt: instant(this.now()), seq: this.log.length + 1 };
    this.log.push(event as CaseEvent);
    return this;
  }
}

/** Cases and their events keyed by ref: the shape the reference metrics take. */
export function caseLog(built: readonly BuiltCase[]): {
  cases: Case[];
  eventsByCase: Map<string, readonly CaseEvent[]>;
} {
  return {
    cases: built.map((b) => b.case),
    eventsByCase: new Map(built.map((b) => [b.case.ref, b.events])),
  };
}

/** A `UnitPrincipal` from a plain map of unit code to principal type. */
export function unitPrincipals(map: Readonly<Record<string, PrincipalType>>): UnitPrincipal {
  return (unit) => map[unit];
}

function instant(occurredAt: string): number {
  const ms = parseOccurredAt(occurredAt);
  if (ms === undefined) throw new RangeError(`not an occurred_at: ${occurredAt}`);
  return ms;
}
