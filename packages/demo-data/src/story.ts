import type { ConsentValue, EventType } from "@samsyn/domain";
import { nextWorkday } from "./calendar";
import type { DemoCase } from "./case-profile";
import type { DemoUnit } from "./county";
import type { Random } from "./prng";

/** An event before it has a time of day: `day` is a day number (see calendar.ts). */
export interface DraftEvent {
  readonly day: number;
  readonly type: EventType;
  readonly step: number | null;
  readonly unit: string | null;
  readonly value: string | null;
}

/**
 * What a case's story knows while it is being told. Events are recorded in the order they happen
 * (`events`); the parallel SIP of the internal process runs on its own clock (`agenda`) and is
 * merged in when the case closes or the story ends.
 */
export interface Story {
  readonly random: Random;
  readonly demoCase: DemoCase;
  readonly events: DraftEvent[];
  agenda: DraftEvent[];
  lead: DemoUnit;
  /** Joined units, by code, with the first day they may leave on. */
  readonly participants: Map<string, { readonly unit: DemoUnit; readonly leaveFrom: number }>;
  consent: ConsentValue | null;
  /** The day from which consent holds (it may be given later than it was asked for). */
  consentSince: number;
  sipStarted: boolean;
  backSteps: number;
}

export function newStory(random: Random, demoCase: DemoCase): Story {
  return {
    random,
    demoCase,
    events: [],
    agenda: [],
    lead: demoCase.initiatingUnit,
    participants: new Map(),
    consent: null,
    consentSince: Number.POSITIVE_INFINITY,
    sipStarted: false,
    backSteps: 0,
  };
}

interface EventFields {
  readonly step?: number;
  readonly unit?: string;
  readonly value?: string;
}

/**
 * Caseworkers record on workdays, so days move past weekends — except the opening day, which
 * is what the case says it is. The move never reorders two events.
 */
export function draft(
  story: Story,
  day: number,
  type: EventType,
  fields: EventFields = {},
): DraftEvent {
  return {
    day: day === story.demoCase.openedDay ? day : nextWorkday(day),
    type,
    step: fields.step ?? null,
    unit: fields.unit ?? null,
    value: fields.value ?? null,
  };
}

export function record(story: Story, day: number, type: EventType, fields: EventFields = {}): void {
  story.events.push(draft(story, day, type, fields));
}

export function schedule(
  story: Story,
  day: number,
  type: EventType,
  fields: EventFields = {},
): void {
  story.agenda.push(draft(story, day, type, fields));
}

/** A day inside the step that starts on `day`: at most `maxOffset` days in, never past its end. */
export function within(story: Story, day: number, duration: number, maxOffset = duration): number {
  return day + story.random.int(0, Math.max(0, Math.min(duration, maxOffset)));
}

export function participatingUnits(story: Story): DemoUnit[] {
  return [...story.participants.values()].map((p) => p.unit);
}

export function join(story: Story, day: number, unit: DemoUnit | undefined): void {
  if (unit === undefined || story.participants.has(unit.code)) return;
  const joining = draft(story, day, "join", { unit: unit.code });
  story.participants.set(unit.code, { unit, leaveFrom: joining.day });
  story.events.push(joining);
}

/**
 * A join on the agenda is merged after the events recorded on its day, so a `leave` recorded
 * the same day would come first: its unit may leave from the next day.
 */
export function scheduleJoin(story: Story, day: number, unit: DemoUnit | undefined): void {
  if (unit === undefined || story.participants.has(unit.code)) return;
  const joining = draft(story, day, "join", { unit: unit.code });
  story.participants.set(unit.code, { unit, leaveFrom: joining.day + 1 });
  story.agenda.push(joining);
}

/** Never before the unit joined: the day moves up to the join when the two would cross. */
export function leave(story: Story, day: number, unit: DemoUnit): void {
  const participant = story.participants.get(unit.code);
  if (participant === undefined) return;
  story.participants.delete(unit.code);
  record(story, Math.max(day, participant.leaveFrom), "leave", { unit: unit.code });
}

/** A unit handed the lead joins first if it had not taken part yet. */
export function setLead(story: Story, day: number, unit: DemoUnit): void {
  join(story, day, unit);
  story.lead = unit;
  record(story, day, "lead", { unit: unit.code });
}

/**
 * The opening lead needs no `join`: a unit named in a `lead` event has taken part (SPEC metric 6,
 * collaboration network), and a join on the opening day would only repeat it. It is not among
 * the joined `participants` either, so it never gets a `leave` without a `join`.
 */
export function openWithLead(story: Story, day: number, unit: DemoUnit): void {
  story.lead = unit;
  record(story, day, "lead", { unit: unit.code });
}

export function giveConsent(story: Story, day: number, value: ConsentValue): void {
  story.consent = value;
  if (value === "given") story.consentSince = day;
  record(story, day, "consent", { value });
}

/**
 * Consent can be withdrawn at any time (seed 001). From then on the other huvudmän stop taking
 * part, and what was planned with them on the SIP's clock does not happen.
 */
export function maybeWithdrawConsent(story: Story, day: number, duration: number): void {
  if (story.consent !== "given" || !story.random.chance(0.015)) return;
  const withdrawnOn = within(story, day, duration);
  if (withdrawnOn <= story.consentSince) return;
  giveConsent(story, withdrawnOn, "withdrawn");
  cancelAgendaAfter(story, draft(story, withdrawnOn, "consent").day);
  const leadPrincipal = story.lead.principalType;
  for (const unit of participatingUnits(story)) {
    if (unit.principalType !== leadPrincipal && unit.code !== story.lead.code) {
      leave(story, within(story, withdrawnOn, day + duration - withdrawnOn, 14), unit);
    }
  }
}

function cancelAgendaAfter(story: Story, day: number): void {
  const kept: DraftEvent[] = [];
  for (const event of story.agenda) {
    if (event.day < day) kept.push(event);
    else if (event.type === "join" && event.unit !== null) story.participants.delete(event.unit);
  }
  story.agenda = kept;
}

/** Closes the case: what was planned for after the close is dropped, the rest is merged in. */
export function closeCase(story: Story, day: number, reason: string): number {
  const closing = draft(story, day, "close", { value: reason });
  flushAgenda(story, closing.day);
  story.events.push(closing);
  return closing.day;
}

export function flushAgenda(story: Story, before: number): void {
  for (const event of story.agenda) {
    if (event.day < before) story.events.push(event);
  }
  story.agenda = [];
}
