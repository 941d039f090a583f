import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { messages } from "../messages";
import type { EscalationCommand, RaiseEscalation } from "./commands";
import {
  decideEscalation,
  type EscalationDecisionState,
  escalationErrorCodes,
  evolveEscalation,
} from "./decide";
import type { EscalationRecord } from "./escalation";

const d = (date: string) => date as IsoDate;
const organisations = new Set(["stockholms_stad", "region_stockholm", "solna_stad"]);
const state: EscalationDecisionState = { escalation: undefined, organisations };

const raiseCommand: RaiseEscalation = {
  type: "raiseEscalation",
  about: { kind: "case", caseId: 7 },
  organisations: ["stockholms_stad", "region_stockholm"],
  question: "Vem är huvudansvarig för samordningen?",
  on: d("2026-03-02"),
};

function raised(command: RaiseEscalation = raiseCommand): EscalationRecord {
  const result = decideEscalation(command, state);
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  const [change] = result.value;
  if (change?.type !== "escalationRaised") throw new Error("nothing raised");
  return change.escalation;
}

/** Decides `command` on `escalation` and applies what was decided. */
function after(escalation: EscalationRecord, command: EscalationCommand) {
  const result = decideEscalation(command, { escalation, organisations });
  if (!result.ok) return { refused: result.error };
  return { escalation: result.value.reduce(evolveEscalation, escalation) };
}

const lift = (on = "2026-03-10"): EscalationCommand => ({
  type: "liftEscalation",
  note: "Enhetscheferna kom inte överens.",
  on: d(on),
});
const resolve = (on = "2026-04-01"): EscalationCommand => ({
  type: "resolveEscalation",
  resolution: "Regionen samordnar.",
  on: d(on),
});

describe("raising an escalation", () => {
  it("opens it at level 1 on the day, its organisations a sorted set, with no lifts", () => {
    expect(
      raised({
        ...raiseCommand,
        organisations: ["stockholms_stad", "region_stockholm", "stockholms_stad"],
      }),
    ).toEqual({
      about: { kind: "case", caseId: 7 },
      organisations: ["region_stockholm", "stockholms_stad"],
      question: "Vem är huvudansvarig för samordningen?",
      level: 1,
      status: "open",
      openedOn: "2026-03-02",
      resolvedOn: null,
      resolution: null,
      lifts: [],
    });
  });

  it("keeps a routine's agreement and section when given, and nothing when not", () => {
    const agreementId = "0b6f2a4e-8f0c-4c57-9d1e-6a1f4f1c2d3e";
    const withBoth = decideEscalation(
      { ...raiseCommand, about: { kind: "routine", agreementId, section: "sip" } },
      { ...state, agreement: { id: agreementId } },
    );
    expect(withBoth.ok && withBoth.value[0]).toMatchObject({
      escalation: { about: { kind: "routine", agreementId, section: "sip" } },
    });
    expect(raised({ ...raiseCommand, about: { kind: "routine" } }).about).toEqual({
      kind: "routine",
    });
  });

  it.each([
    [["stockholms_stad"], "tooFewOrganisations"],
    [["stockholms_stad", "stockholms_stad"], "tooFewOrganisations"],
    [[], "tooFewOrganisations"],
    [["stockholms_stad", "okand_kommun"], "unknownOrganisation"],
  ])("refuses the organisations %j as %s, naming the field", (codes, code) => {
    expect(decideEscalation({ ...raiseCommand, organisations: codes }, state)).toEqual({
      ok: false,
      error: { code, field: "organisations" },
    });
  });

  it("refuses an agreement that does not exist and a section agreements do not have", () => {
    const missing = "0b6f2a4e-8f0c-4c57-9d1e-6a1f4f1c2d3e";
    expect(
      decideEscalation(
        { ...raiseCommand, about: { kind: "routine", agreementId: missing } },
        state,
      ),
    ).toEqual({ ok: false, error: { code: "unknownAgreement", field: "about.agreementId" } });
    expect(
      decideEscalation({ ...raiseCommand, about: { kind: "routine", section: "budget" } }, state),
    ).toEqual({ ok: false, error: { code: "unknownSection", field: "about.section" } });
  });
});

describe("lifting and resolving", () => {
  it("lifts one level at a time, 1 → 2 → 3, each lift with its note and day", () => {
    const first = after(raised(), lift("2026-03-10")).escalation;
    const second = first && after(first, lift("2026-03-20")).escalation;
    expect(second).toMatchObject({
      level: 3,
      status: "open",
      lifts: [
        { level: 2, note: "Enhetscheferna kom inte överens.", liftedOn: "2026-03-10" },
        { level: 3, note: "Enhetscheferna kom inte överens.", liftedOn: "2026-03-20" },
      ],
    });
  });

  it("refuses a lift above level 3 as levelAboveTop", () => {
    const top = { ...raised(), level: 3 as const };
    expect(after(top, lift())).toEqual({ refused: { code: "levelAboveTop", field: "level" } });
  });

  it("resolves at the level reached, on the day, with the resolution", () => {
    const lifted = after(raised(), lift()).escalation;
    expect(lifted && after(lifted, resolve("2026-04-01")).escalation).toMatchObject({
      level: 2,
      status: "resolved",
      resolvedOn: "2026-04-01",
      resolution: "Regionen samordnar.",
    });
  });

  it("neither lifts nor resolves a resolved escalation", () => {
    const done = after(raised(), resolve()).escalation;
    if (done === undefined) throw new Error("not resolved");
    const refused = { refused: { code: "escalationResolved", field: "status" } };
    expect(after(done, lift())).toEqual(refused);
    expect(after(done, resolve())).toEqual(refused);
  });

  it("keeps every escalation within the rules, whatever is asked of it in whatever order", () => {
    const commands = fc.array(fc.constantFrom(lift(), resolve()), { maxLength: 8 });
    fc.assert(
      fc.property(commands, (asked) => {
        let escalation = raised();
        for (const command of asked) {
          const next = after(escalation, command);
          if (next.escalation === undefined) {
            // A refusal is exactly one of the two rules.
            const expected =
              escalation.status === "resolved" ? "escalationResolved" : "levelAboveTop";
            expect(next.refused?.code).toBe(expected);
            continue;
          }
          escalation = next.escalation;
        }
        expect(escalation.level).toBe(1 + escalation.lifts.length);
        expect(escalation.lifts.map((l) => l.level)).toEqual(
          [2, 3].slice(0, escalation.lifts.length),
        );
        expect(escalation.status === "resolved").toBe(escalation.resolvedOn !== null);
      }),
    );
  });
});

describe("the refusals", () => {
  it("have a message in Swedish and English for every code", () => {
    for (const code of escalationErrorCodes) {
      const text = messages[`escalations.error.${code}`];
      expect(text.sv, code).not.toBe("");
      expect(text.en, code).not.toBe("");
    }
  });
});
