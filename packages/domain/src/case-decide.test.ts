import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseEventOf, type EventColumns, organisationsSharing, type Recorder } from "./access";
import { compareEvents, consentValues } from "./case";
import type { CaseCommand, NewEvent, OpenCase, RecordEvent } from "./case-commands";
import {
  type CaseDecisionState,
  decide,
  domainErrorCodes,
  type RecordedCase,
  type RecordedEvent,
} from "./case-decide";
import { evolve, initialCaseState } from "./case-state";
import type { IsoDate, MunicipalityCode, ProcessCode, TargetGroupCode, UnitCode } from "./codes";
import { messages } from "./messages";

/** Three organisations; every case below is initiated at `a_soc`. */
const organisationOfUnit = new Map([
  ["a_soc", "kommun_a"],
  ["a_beroende", "kommun_a"],
  ["b_soc", "kommun_b"],
  ["r_psyk", "region"],
]);
const organisationOf = (unit: string) => organisationOfUnit.get(unit);
const units = [...organisationOfUnit.keys(), "finns_inte"];
const organisations = [...new Set(organisationOfUnit.values())];
const kommunA: Recorder = { organisations: ["kommun_a"] };

const aRecordedCase = (events: readonly RecordedEvent[] = []): RecordedCase => ({
  initiatingUnit: "a_soc",
  processSteps: new Set([1, 2, 3]),
  events,
});

const anOpenCase = (initiatingUnit: string, recorder: Recorder = kommunA): OpenCase => ({
  type: "openCase",
  recorder,
  ref: "VK-1",
  process: "p" as ProcessCode,
  targetGroup: "g" as TargetGroupCode,
  ageGroup: "vuxen",
  municipality: "0180" as MunicipalityCode,
  openedOn: "2024-03-01" as IsoDate,
  initiatingUnit: initiatingUnit as UnitCode,
});

const at = (day: number) => Date.UTC(2024, 2, day);
const columns = (e: Partial<EventColumns> & Pick<EventColumns, "type">): EventColumns => ({
  occurredAt: at(1),
  step: null,
  unitCode: null,
  value: null,
  ...e,
});
const aRecordEvent = (event: EventColumns, recorder: Recorder = kommunA): RecordEvent => ({
  type: "recordEvent",
  recorder,
  // The units below are codes as a parsed command has them.
  event: event as NewEvent,
});

describe("decide openCase", () => {
  const state = (recorded?: RecordedCase): CaseDecisionState => ({ recorded, organisationOf });

  it("opens the case at its initiating unit's organisation", () => {
    const command = anOpenCase("a_beroende");
    const { type: _, recorder: __, ...opened } = command;
    expect(decide(command, state())).toEqual({
      ok: true,
      value: [{ type: "caseOpened", case: opened, organisation: "kommun_a" }],
    });
  });

  it("refuses a unit that does not exist, one outside the recorder's organisations, and a taken ref", () => {
    expect(decide(anOpenCase("finns_inte"), state())).toEqual({
      ok: false,
      error: { code: "unknownUnit", field: "initiatingUnit" },
    });
    expect(decide(anOpenCase("r_psyk"), state())).toEqual({
      ok: false,
      error: { code: "unitOutsideScope", field: "initiatingUnit" },
    });
    expect(decide(anOpenCase("a_soc"), state(aRecordedCase()))).toEqual({
      ok: false,
      error: { code: "conflictingCase", field: "ref" },
    });
  });
});

describe("decide recordEvent", () => {
  const state = (recorded: RecordedCase | null = aRecordedCase()): CaseDecisionState => ({
    recorded: recorded ?? undefined,
    organisationOf,
  });

  it("records the event as given", () => {
    const event = columns({ type: "step", step: 2 });
    expect(decide(aRecordEvent(event), state())).toEqual({
      ok: true,
      value: [{ type: "eventRecorded", event }],
    });
  });

  it("refuses an event of no case, of a unit that does not exist, of a step not in the process", () => {
    const step = columns({ type: "step", step: 2 });
    expect(decide(aRecordEvent(step), state(null))).toEqual({
      ok: false,
      error: { code: "unknownCase" },
    });
    expect(
      decide(aRecordEvent(columns({ type: "join", unitCode: "finns_inte" })), state()),
    ).toEqual({ ok: false, error: { code: "unknownUnit", field: "unitCode" } });
    expect(decide(aRecordEvent(columns({ type: "step", step: 4 })), state())).toEqual({
      ok: false,
      error: { code: "stepNotInProcess", field: "step" },
    });
  });

  it("lets another huvudman in only once consent is given as of the event", () => {
    const join = aRecordEvent(columns({ type: "join", unitCode: "r_psyk", occurredAt: at(3) }));
    expect(decide(join, state())).toEqual({
      ok: false,
      error: { code: "consentRequired", field: "unitCode" },
    });
    const given = { ...columns({ type: "consent", value: "given", occurredAt: at(2) }), seq: 1 };
    expect(decide(join, state(aRecordedCase([given]))).ok).toBe(true);
    // Consent given after the event does not reach back to it.
    const later = { ...given, occurredAt: at(4) };
    expect(decide(join, state(aRecordedCase([later]))).ok).toBe(false);
  });
});

// ---- properties -----------------------------------------------------------------------------

const arbRecorder: fc.Arbitrary<Recorder> = fc.oneof(
  { weight: 1, arbitrary: fc.constant("everyOrganisation" as const) },
  {
    weight: 5,
    arbitrary: fc.subarray(organisations, { maxLength: 2 }).map((o) => ({ organisations: o })),
  },
);

/** Events by their columns; unit events and consent are frequent: the rules turn on them. */
const arbEvent: fc.Arbitrary<EventColumns> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constantFrom("lead" as const, "join" as const, "leave" as const),
      occurredAt: fc.integer({ min: 1, max: 6 }).map(at),
      step: fc.constant(null),
      unitCode: fc.constantFrom(...units),
      value: fc.constant(null),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant("consent" as const),
      occurredAt: fc.integer({ min: 1, max: 6 }).map(at),
      step: fc.constant(null),
      unitCode: fc.constant(null),
      value: fc.constantFrom(...consentValues),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("step" as const),
      occurredAt: fc.integer({ min: 1, max: 6 }).map(at),
      step: fc.integer({ min: 1, max: 5 }),
      unitCode: fc.constant(null),
      value: fc.constant(null),
    }),
  },
);

/** A stored case: any events of known units, as an import without a limit may bring. */
const arbRecordedCase: fc.Arbitrary<RecordedCase> = fc
  .array(
    arbEvent.filter((e) => e.unitCode === null || organisationOf(e.unitCode) !== undefined),
    { maxLength: 8 },
  )
  .map((events) => aRecordedCase(events.map((e, i) => ({ ...e, seq: i + 1 }))));

const arbState: fc.Arbitrary<CaseDecisionState> = fc
  .option(arbRecordedCase, { nil: undefined })
  .map((recorded) => ({ recorded, organisationOf }));

const arbCommand: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc.tuple(fc.constantFrom(...units), arbRecorder).map(([unit, r]) => anOpenCase(unit, r)),
  fc.tuple(arbEvent, arbRecorder).map(([event, r]) => aRecordEvent(event, r)),
);

describe("decide, as properties", () => {
  it("refuses only with a code of the union, each with its message in both locales", () => {
    fc.assert(
      fc.property(arbCommand, arbState, (command, state) => {
        const decision = decide(command, state);
        if (decision.ok) return;
        expect(domainErrorCodes).toContain(decision.error.code);
        const message = messages[`import.error.${decision.error.code}`];
        expect(message.sv).not.toBe("");
        expect(message.en).not.toBe("");
      }),
    );
  });

  it("records only what evolve folds into the case after every recorded event", () => {
    fc.assert(
      fc.property(arbRecordedCase, arbEvent, arbRecorder, (recorded, event, recorder) => {
        const decision = decide(aRecordEvent(event, recorder), { recorded, organisationOf });
        if (!decision.ok) return;
        expect(decision.value).toEqual([{ type: "eventRecorded", event }]);
        const seq = recorded.events.length + 1;
        const log = [...recorded.events.map((e) => caseEventOf(e, e.seq)), caseEventOf(event, seq)];
        const after = log.sort(compareEvents).reduce(evolve, initialCaseState);
        // The new event is in the fold: the last step entered, or the unit named, is there.
        if (event.type === "step") {
          expect(after.stepEntries.filter((s) => s.step === event.step).length).toBe(
            recorded.events.filter((e) => e.type === "step" && e.step === event.step).length + 1,
          );
        }
        if (event.type === "join" && event.unitCode !== null) {
          expect(after.unitsThatTookPart.has(event.unitCode)).toBe(true);
        }
      }),
    );
  });

  it("brings a huvudman in exactly when the recorder acts for it, it shares the case, or consent is given", () => {
    fc.assert(
      fc.property(arbRecordedCase, arbEvent, arbRecorder, (recorded, event, recorder) => {
        const organisation = organisationOf(event.unitCode ?? "");
        if ((event.type !== "lead" && event.type !== "join") || organisation === undefined) return;
        const decision = decide(aRecordEvent(event, recorder), { recorded, organisationOf });
        // The case as of the event: every recorded event before it in event order.
        const incoming = caseEventOf(event, recorded.events.length + 1);
        const before = recorded.events
          .map((e) => caseEventOf(e, e.seq))
          .filter((e) => compareEvents(e, incoming) < 0)
          .sort(compareEvents)
          .reduce(evolve, initialCaseState);
        const allowed =
          recorder === "everyOrganisation" ||
          recorder.organisations.includes(organisation) ||
          organisationsSharing(recorded.initiatingUnit, before, organisationOf).has(organisation) ||
          before.consent === "given";
        expect(decision.ok).toBe(allowed);
        if (!decision.ok)
          expect(decision.error).toEqual({ code: "consentRequired", field: "unitCode" });
      }),
    );
  });

  it("opens a case only at a unit of the recorder's organisations, and only once", () => {
    fc.assert(
      fc.property(arbCommand, arbState, (command, state) => {
        const decision = decide(command, state);
        if (!decision.ok || command.type !== "openCase") return;
        const organisation = organisationOf(command.initiatingUnit);
        expect(state.recorded).toBeUndefined();
        expect(decision.value).toEqual([
          expect.objectContaining({ type: "caseOpened", organisation }),
        ]);
        expect(
          command.recorder === "everyOrganisation" ||
            (organisation !== undefined && command.recorder.organisations.includes(organisation)),
        ).toBe(true);
      }),
    );
  });
});
