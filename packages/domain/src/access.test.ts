import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  administers,
  bringsUnitIn,
  brokenMonthBounds,
  type EventColumns,
  type MetricView,
  mayRegisterCases,
  metricAccess,
  metricViews,
  organisationsSharing,
  type PeriodBound,
  type Recorder,
  type Role,
  refusedIncomingEvents,
  registersFor,
  roles,
  type Scope,
  seesCaseLevel,
  seesCountyAggregates,
  seesWholeCounty,
  sharingRefusal,
  wholeMonths,
} from "./access";
import {
  type CaseEvent,
  type ConsentValue,
  consentValues,
  type EventType,
  eventTypes,
} from "./case";
import { evolve, initialCaseState } from "./case-state";
import type { IsoDate } from "./codes";

/** Four organisations with a unit or two each; every case below is initiated at `kommun_a`. */
const organisationOf = new Map([
  ["a_soc", "kommun_a"],
  ["a_beroende", "kommun_a"],
  ["b_soc", "kommun_b"],
  ["r_psyk", "region"],
  ["r_beroende", "region"],
  ["p_boende", "privat"],
]);
const units = [...organisationOf.keys()];
const organisations = [...new Set(organisationOf.values())];
const initiatingUnit = "a_soc";
const organisationOfUnit = (unit: string) => organisationOf.get(unit);

const arbRecorder: fc.Arbitrary<Recorder> = fc.oneof(
  { weight: 1, arbitrary: fc.constant("everyOrganisation" as const) },
  {
    weight: 5,
    arbitrary: fc
      .subarray(organisations, { maxLength: 2 })
      .map((orgs) => ({ organisations: orgs })),
  },
);
const arbConsent = fc.constantFrom(null, ...consentValues);
const arbSharedWith = fc.subarray(organisations).map((orgs) => new Set(orgs));

/** A day in March 2024 at one of two times, so that ties in occurredAt are common. */
const arbInstant = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 36_000_000))
  .map(([day, ms]) => Date.UTC(2024, 2, day) + ms);

/** Events by their columns; unit events and consent changes are frequent: the rule turns on them. */
const arbEvent: fc.Arbitrary<EventColumns> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constantFrom("lead" as const, "join" as const, "leave" as const),
      occurredAt: arbInstant,
      step: fc.constant(null),
      unitCode: fc.constantFrom(...units),
      value: fc.constant(null),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant("consent" as const),
      occurredAt: arbInstant,
      step: fc.constant(null),
      unitCode: fc.constant(null),
      value: fc.constantFrom(...consentValues),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("step" as const),
      occurredAt: arbInstant,
      step: fc.integer({ min: 1, max: 9 }),
      unitCode: fc.constant(null),
      value: fc.constant(null),
    }),
  },
);

/** What is stored already: anything, as an import without a limit may bring. */
const arbRecorded = fc
  .array(arbEvent, { maxLength: 8 })
  .map((events) => events.map((e, i) => ({ ...e, seq: i + 1 })));

/** A `lead` or `join` (or, with `types`, any event) put to the rule, with the case as of it. */
function arbAttempt(types: readonly EventType[] = unitBringingTypes) {
  return fc.record({
    type: fc.constantFrom(...types),
    unitOrganisation: fc.constantFrom(...organisations),
    consent: arbConsent,
    sharedWith: arbSharedWith,
    recorder: arbRecorder,
  });
}
const unitBringingTypes = eventTypes.filter(bringsUnitIn);

function refusalOf(attempt: {
  type: EventType;
  unitOrganisation: string;
  consent: ConsentValue | null;
  sharedWith: ReadonlySet<string>;
  recorder: Recorder;
}) {
  const { type, unitOrganisation, consent, sharedWith, recorder } = attempt;
  return sharingRefusal({ type, unitOrganisation }, { consent, sharedWith }, recorder);
}

describe("sharingRefusal", () => {
  it("never refuses an event other than lead or join", () => {
    const others = eventTypes.filter((type) => !bringsUnitIn(type));
    fc.assert(
      fc.property(arbAttempt(others), (attempt) => {
        expect(refusalOf(attempt)).toBeUndefined();
      }),
    );
  });

  it("always lets a recorder bring in a unit of an organisation they act for", () => {
    fc.assert(
      fc.property(arbAttempt(), (attempt) => {
        const { recorder, unitOrganisation } = attempt;
        fc.pre(
          recorder === "everyOrganisation" || recorder.organisations.includes(unitOrganisation),
        );
        expect(refusalOf(attempt)).toBeUndefined();
      }),
    );
  });

  it("lets an organisation that already holds the case in again, whatever the consent", () => {
    fc.assert(
      fc.property(arbAttempt(), (attempt) => {
        const holding = new Set([...attempt.sharedWith, attempt.unitOrganisation]);
        expect(refusalOf({ ...attempt, sharedWith: holding })).toBeUndefined();
      }),
    );
  });

  it("brings in any other organisation only while consent is given", () => {
    fc.assert(
      fc.property(arbAttempt(), (attempt) => {
        const { recorder, unitOrganisation, sharedWith, consent } = attempt;
        fc.pre(
          recorder !== "everyOrganisation" &&
            !recorder.organisations.includes(unitOrganisation) &&
            !sharedWith.has(unitOrganisation),
        );
        expect(refusalOf(attempt)).toBe(consent === "given" ? undefined : "consentRequired");
      }),
    );
  });
});

describe("organisationsSharing", () => {
  it("is the initiating and lead units' organisations, and participants' unless consent is withdrawn", () => {
    const joined = [
      { type: "lead", unit: "r_psyk" },
      { type: "join", unit: "b_soc" },
      { type: "join", unit: "p_boende" },
      { type: "leave", unit: "p_boende" },
    ] as const;
    const state = joined
      .map((e, i) => ({ ...e, occurredAt: i, seq: i + 1 }))
      .reduce(evolve, initialCaseState);
    expect(organisationsSharing(initiatingUnit, state, organisationOfUnit)).toEqual(
      new Set(["kommun_a", "region", "kommun_b"]),
    );
    const withdrawn = evolve(state, { type: "consent", value: "withdrawn", occurredAt: 9, seq: 9 });
    expect(organisationsSharing(initiatingUnit, withdrawn, organisationOfUnit)).toEqual(
      new Set(["kommun_a", "region"]),
    );
  });
});

describe("refusedIncomingEvents", () => {
  /** The API's way: one event at a time, each recorded last, a refused one not recorded. */
  function appendOneByOne(
    recorded: readonly (EventColumns & { seq: number })[],
    incoming: readonly EventColumns[],
    recorder: Recorder,
  ) {
    const log = [...recorded];
    const refused: number[] = [];
    incoming.forEach((event, index) => {
      const verdict = refusedIncomingEvents(
        initiatingUnit,
        log,
        [event],
        recorder,
        organisationOfUnit,
      );
      if (verdict.size > 0) refused.push(index);
      else log.push({ ...event, seq: log.length + 1 });
    });
    return { log, refused };
  }

  it("judges events given at once as the API judges them one by one in event order", () => {
    fc.assert(
      fc.property(
        arbRecorded,
        fc.array(arbEvent, { maxLength: 8 }),
        arbRecorder,
        (recorded, incoming, recorder) => {
          // The import records its rows after the old events in file order; the API records each
          // write last. Given in event order, the two orders are the same.
          const inEventOrder = incoming
            .map((event, line) => ({ event, line }))
            .sort((a, b) => a.event.occurredAt - b.event.occurredAt || a.line - b.line)
            .map(({ event }) => event);
          const atOnce = refusedIncomingEvents(
            initiatingUnit,
            recorded,
            inEventOrder,
            recorder,
            organisationOfUnit,
          );
          expect([...atOnce.keys()].sort((a, b) => a - b)).toEqual(
            appendOneByOne(recorded, inEventOrder, recorder).refused,
          );
        },
      ),
    );
  });

  it("lets no lead or join bring in a new organisation while consent is not given", () => {
    fc.assert(
      fc.property(
        arbRecorded,
        fc.array(arbEvent, { maxLength: 10 }),
        fc.subarray(organisations, { maxLength: 2 }),
        (recorded, incoming, own) => {
          const { log } = appendOneByOne(recorded, incoming, { organisations: own });
          // Each written event against the log as it was when it was written (a later, backdated
          // event may change the past; what was shared then was shared then).
          for (let i = recorded.length; i < log.length; i++) {
            const written = log[i];
            if (written === undefined || !bringsUnitIn(written.type)) continue;
            const before = log
              .slice(0, i)
              .filter((e) => e.occurredAt <= written.occurredAt)
              .sort((a, b) => a.occurredAt - b.occurredAt || a.seq - b.seq)
              .map(caseEvent)
              .reduce(evolve, initialCaseState);
            if (before.consent === "given") continue;
            const sharedBefore = organisationsSharing(initiatingUnit, before, organisationOfUnit);
            const after = evolve(before, caseEvent(written));
            for (const org of organisationsSharing(initiatingUnit, after, organisationOfUnit)) {
              expect(sharedBefore.has(org) || own.includes(org)).toBe(true);
            }
          }
        },
      ),
    );
  });

  it("judges each incoming event as of itself: consent given earlier, or later in the same rows", () => {
    const at = (day: number) => Date.UTC(2024, 2, day);
    const consent = (day: number, value: "given" | "withdrawn"): EventColumns => ({
      type: "consent",
      occurredAt: at(day),
      step: null,
      unitCode: null,
      value,
    });
    const join = (day: number, unitCode: string): EventColumns => ({
      type: "join",
      occurredAt: at(day),
      step: null,
      unitCode,
      value: null,
    });
    const samordnareA = { organisations: ["kommun_a"] };
    const judge = (incoming: EventColumns[], recorded: EventColumns[] = []) => [
      ...refusedIncomingEvents(
        initiatingUnit,
        recorded.map((e, i) => ({ ...e, seq: i + 1 })),
        incoming,
        samordnareA,
        organisationOfUnit,
      ),
    ];
    // A row below the join, dated before it, counts: event order, not file order.
    expect(judge([join(5, "r_psyk"), consent(2, "given")])).toEqual([]);
    // Consent given after the join comes too late for it.
    expect(judge([join(2, "r_psyk"), consent(5, "given")])).toEqual([[0, "consentRequired"]]);
    // Withdrawn before: the region may not come in, the kommun's own unit may.
    expect(
      judge(
        [join(5, "r_psyk"), join(5, "a_beroende")],
        [consent(1, "given"), consent(3, "withdrawn")],
      ),
    ).toEqual([[0, "consentRequired"]]);
    // Every refused row is named, not only the first: the refused ones are not recorded.
    expect(judge([join(5, "r_psyk"), join(6, "r_psyk")])).toEqual([
      [0, "consentRequired"],
      [1, "consentRequired"],
    ]);
    // A unit that does not exist is the unknown-unit check's to report.
    expect(judge([join(5, "finns_inte")])).toEqual([]);
  });
});

/** The generated columns (unit events, consent, step) as the domain's event. */
function caseEvent(e: EventColumns & { seq: number }): CaseEvent {
  const base = { occurredAt: e.occurredAt, seq: e.seq };
  if (e.type === "lead" || e.type === "join" || e.type === "leave") {
    return { ...base, type: e.type, unit: e.unitCode ?? "" };
  }
  const consent = consentValues.find((v) => v === e.value);
  if (e.type === "consent" && consent !== undefined)
    return { ...base, type: "consent", value: consent };
  return { ...base, type: "step", step: e.step ?? 1 };
}

const arbScope: fc.Arbitrary<Scope> = fc.record({
  sub: fc.string({ minLength: 1 }),
  role: fc.constantFrom<Role>(...roles),
  orgs: fc.uniqueArray(fc.stringMatching(/^[a-z]{2,6}$/), { maxLength: 4 }),
});
const arbAsked = fc.constantFrom<MetricView | undefined>(undefined, ...metricViews);
const arbDate: fc.Arbitrary<IsoDate> = fc
  .date({
    min: new Date("2000-01-01T00:00:00Z"),
    max: new Date("2040-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10) as IsoDate);

/** The last day of the date's month, worked out apart from the rule under test. */
function lastOfMonth(date: IsoDate): string {
  const [year = 0, month = 0] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

describe("the role table (SPEC 'Roles and scope')", () => {
  it("says for each role what it sees and may change", () => {
    const table = roles.map((r) => ({
      role: r,
      caseLevel: seesCaseLevel(r),
      wholeCounty: seesWholeCounty(r),
      countyAggregates: seesCountyAggregates(r),
      registersCases: mayRegisterCases(r),
      administers: administers(r),
    }));
    expect(table).toEqual([
      {
        role: "admin",
        caseLevel: true,
        wholeCounty: true,
        countyAggregates: true,
        registersCases: true,
        administers: true,
      },
      {
        role: "lan",
        caseLevel: false,
        wholeCounty: true,
        countyAggregates: true,
        registersCases: false,
        administers: false,
      },
      {
        role: "ledning",
        caseLevel: false,
        wholeCounty: false,
        countyAggregates: true,
        registersCases: false,
        administers: false,
      },
      {
        role: "samordnare",
        caseLevel: true,
        wholeCounty: false,
        countyAggregates: false,
        registersCases: true,
        administers: false,
      },
    ]);
  });

  it("lets whoever registers cases see them, and acts only for the caller's organisations", () => {
    fc.assert(
      fc.property(arbScope, (scope) => {
        const recorder = registersFor(scope);
        expect(recorder !== undefined).toBe(mayRegisterCases(scope.role));
        if (mayRegisterCases(scope.role)) expect(seesCaseLevel(scope.role)).toBe(true);
        if (recorder !== undefined && recorder !== "everyOrganisation") {
          expect(recorder.organisations).toEqual(scope.orgs);
        }
        expect(recorder === "everyOrganisation").toBe(administers(scope.role));
      }),
    );
  });
});

describe("metricAccess: whose cases a metric counts", () => {
  it("gives admin and länsgrupp the county whatever they ask", () => {
    fc.assert(
      fc.property(arbScope, arbAsked, (scope, asked) => {
        fc.pre(seesWholeCounty(scope.role));
        expect(metricAccess(scope, asked)).toEqual({ view: "county", restriction: undefined });
      }),
    );
  });

  it("restricts ledning and samordnare to their own organisations unless they ask for the county", () => {
    fc.assert(
      fc.property(arbScope, fc.constantFrom(undefined, "own" as const), (scope, asked) => {
        fc.pre(scope.role === "ledning" || scope.role === "samordnare");
        expect(metricAccess(scope, asked)).toEqual({
          view: "own",
          restriction: { organisations: scope.orgs },
        });
        expect(metricAccess(scope, "county")).toEqual({ view: "county", restriction: undefined });
      }),
    );
  });

  it("never restricts to an organisation outside the caller's scope, and says which view it gave", () => {
    fc.assert(
      fc.property(arbScope, arbAsked, (scope, asked) => {
        const access = metricAccess(scope, asked);
        expect(access.view === "county").toBe(access.restriction === undefined);
        for (const o of access.restriction?.organisations ?? []) expect(scope.orgs).toContain(o);
      }),
    );
  });
});

describe("brokenMonthBounds: the whole-months rule", () => {
  it("never binds samordnare", () => {
    fc.assert(
      fc.property(arbDate, arbDate, (from, to) => {
        expect(brokenMonthBounds("samordnare", { from, to })).toEqual([]);
      }),
    );
  });

  it("asks every other role for `from` on the 1st and `to` on the last of a month", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>("admin", "lan", "ledning"),
        arbDate,
        arbDate,
        (r, from, to) => {
          const expected: PeriodBound[] = [];
          if (!from.endsWith("-01")) expected.push("from");
          if (to !== lastOfMonth(to)) expected.push("to");
          expect(brokenMonthBounds(r, { from, to })).toEqual(expected);
        },
      ),
    );
  });

  it("accepts whole months and absent bounds for every role", () => {
    fc.assert(
      fc.property(fc.constantFrom(...roles), arbDate, arbDate, (r, a, b) => {
        const from = `${a.slice(0, 8)}01` as IsoDate;
        const to = lastOfMonth(b) as IsoDate;
        expect(brokenMonthBounds(r, { from, to })).toEqual([]);
        expect(brokenMonthBounds(r, {})).toEqual([]);
      }),
    );
  });
});

describe("wholeMonths: a period chosen to the day, widened to its months", () => {
  it("keeps the rule for every role and covers exactly the months the period touches", () => {
    fc.assert(
      fc.property(arbDate, arbDate, fc.constantFrom(...roles), (a, b, r) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const widened = wholeMonths({ from, to });
        expect(brokenMonthBounds(r, widened)).toEqual([]);
        expect(widened.from.slice(0, 7)).toBe(from.slice(0, 7));
        expect(widened.to).toBe(lastOfMonth(to));
      }),
    );
  });

  it("widens 15 January – 10 March 2024 to 1 January – 31 March, and leaves a leap February whole", () => {
    expect(wholeMonths({ from: "2024-01-15" as IsoDate, to: "2024-03-10" as IsoDate })).toEqual({
      from: "2024-01-01",
      to: "2024-03-31",
    });
    expect(wholeMonths({ from: "2024-02-01" as IsoDate, to: "2024-02-29" as IsoDate })).toEqual({
      from: "2024-02-01",
      to: "2024-02-29",
    });
  });
});
