import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { t } from "../messages";
import type { EvaluationCommand } from "./commands";
import {
  type BoardTarget,
  decideEvaluation,
  type EvaluationDecisionState,
  evaluationErrorCodes,
} from "./decide";
import {
  type EvaluationPhase,
  type EvaluationRecord,
  evaluationPhases,
  nextPhase,
} from "./evaluation";

const d = (s: string) => s as IsoDate;
const session = (over: Partial<EvaluationRecord> = {}): EvaluationRecord => ({
  title: "Vår samverkan våren 2026",
  organisations: ["stockholms_stad"] as unknown as EvaluationRecord["organisations"],
  from: d("2026-01-01"),
  to: d("2026-03-31"),
  process: "sip",
  steps: [2, 3],
  anonymous: false,
  votesPerParticipant: 3,
  phase: "collect",
  ...over,
});
const stateOf = (evaluation: EvaluationRecord, more: Partial<EvaluationDecisionState> = {}) => ({
  evaluation,
  ...more,
});
const createState: EvaluationDecisionState = {
  evaluation: undefined,
  organisations: new Set(["stockholms_stad", "region_stockholm"]),
  processes: new Map([["sip", [1, 2, 3, 4]]]),
};
const create = {
  type: "createEvaluation",
  title: "Vår samverkan",
  organisations: ["stockholms_stad", "region_stockholm", "stockholms_stad"],
  from: d("2026-01-01"),
  to: d("2026-03-31"),
  process: "sip",
  steps: [3, 2],
  anonymous: true,
  votesPerParticipant: 3,
} as const;
const errorOf = (command: EvaluationCommand, state: EvaluationDecisionState) => {
  const decision = decideEvaluation(command, state);
  return decision.ok ? undefined : decision.error;
};

describe("creating a session", () => {
  it("opens in collect with sorted organisations and steps", () => {
    const decision = decideEvaluation(create, createState);
    expect(decision).toEqual({
      ok: true,
      value: [
        {
          type: "evaluationCreated",
          evaluation: {
            title: "Vår samverkan",
            organisations: ["region_stockholm", "stockholms_stad"],
            from: "2026-01-01",
            to: "2026-03-31",
            process: "sip",
            steps: [2, 3],
            anonymous: true,
            votesPerParticipant: 3,
            phase: "collect",
          },
        },
      ],
    });
  });

  it.each([
    [{ organisations: ["okand"] }, "unknownOrganisation", "organisations"],
    [{ organisations: [] }, "noOrganisation", "organisations"],
    [{ to: d("2025-12-31") }, "periodReversed", "to"],
    [{ process: "okand" }, "unknownProcess", "process"],
    [{ steps: [9] }, "stepNotInProcess", "steps"],
    [{ process: undefined }, "stepsWithoutProcess", "steps"],
    [{ votesPerParticipant: 0 }, "votesOutOfRange", "votesPerParticipant"],
    [{ votesPerParticipant: 11 }, "votesOutOfRange", "votesPerParticipant"],
  ])("refuses %j as %s naming %s", (change, code, field) => {
    const command = { ...create, ...change } as EvaluationCommand;
    if ("process" in change && change.process === undefined)
      delete (command as { process?: string }).process;
    expect(errorOf(command, createState)).toEqual({ code, field });
  });
});

describe("phases", () => {
  it("move forward one phase at a time, and any other move is refused", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...evaluationPhases),
        fc.constantFrom(...evaluationPhases),
        (from, to) => {
          const decision = decideEvaluation(
            { type: "changePhase", phase: to },
            stateOf(session({ phase: from })),
          );
          const forward = evaluationPhases.indexOf(to) === evaluationPhases.indexOf(from) + 1;
          expect(decision.ok).toBe(forward);
          if (!decision.ok)
            expect(decision.error).toEqual({ code: "phaseNotNext", field: "phase" });
        },
      ),
    );
  });

  it("end at closed", () => {
    const order: EvaluationPhase[] = [];
    for (let p: EvaluationPhase | undefined = "collect"; p !== undefined; p = nextPhase(p))
      order.push(p);
    expect(order).toEqual(["collect", "group", "vote", "discuss", "closed"]);
  });
});

describe("items", () => {
  const add = {
    type: "addItem",
    kind: "improve",
    text: "Kallelserna kom sent",
    theme: "kommunikation",
    step: 3,
    author: "sam",
  } as const;

  it("carry their author in an open session", () => {
    const decision = decideEvaluation(add, stateOf(session()));
    expect(decision.ok && decision.value[0]).toMatchObject({
      type: "itemAdded",
      item: { author: "sam", step: 3 },
    });
  });

  it("never carry an author in an anonymous session, whoever writes whatever", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom("worked_well", "improve" as const),
        (author, text, kind) => {
          const decision = decideEvaluation(
            { ...add, author, text, kind },
            stateOf(session({ anonymous: true })),
          );
          expect(decision.ok).toBe(true);
          if (decision.ok)
            expect(JSON.stringify(decision.value)).not.toContain(
              `"author":${JSON.stringify(author)}`,
            );
          if (decision.ok) expect(decision.value[0]).toMatchObject({ item: { author: null } });
        },
      ),
    );
  });

  it.each([
    [{ theme: "okant" }, {}, "unknownTheme", "theme"],
    [{ step: 4 }, {}, "stepNotInProcess", "step"],
    [{}, { process: null, steps: [] }, "stepNotInProcess", "step"],
    [{}, { phase: "group" }, "wrongPhase", "phase"],
  ] as const)("refuse %j in %j as %s", (change, over, code, field) => {
    expect(errorOf({ ...add, ...change }, stateOf(session(over)))).toEqual({ code, field });
  });

  it("take any step of the process when none is in focus", () => {
    const state = { ...stateOf(session({ steps: [] })), processSteps: [1, 2, 3, 4] };
    expect(decideEvaluation({ ...add, step: 4 }, state).ok).toBe(true);
  });
});

describe("groups and votes", () => {
  const targets = new Map<string, BoardTarget>([
    ["i1", { kind: "item", itemKind: "improve" }],
    ["i2", { kind: "item", itemKind: "worked_well" }],
    ["g1", { kind: "group", itemKind: "improve" }],
  ]);

  it("group the session's items only, in phase group", () => {
    const state = stateOf(session({ phase: "group" }), { targets });
    expect(
      decideEvaluation(
        { type: "createGroup", title: "Kallelser", items: ["i2", "i1", "i1"] },
        state,
      ),
    ).toEqual({
      ok: true,
      value: [{ type: "groupCreated", title: "Kallelser", items: ["i1", "i2"] }],
    });
    expect(errorOf({ type: "createGroup", title: "x", items: ["g1"] }, state)).toEqual({
      code: "unknownItem",
      field: "items",
    });
    expect(errorOf({ type: "createGroup", title: "x", items: [] }, state)).toEqual({
      code: "noItems",
      field: "items",
    });
    expect(errorOf({ type: "moveToGroup", groupId: "g1", items: ["i3"] }, state)).toEqual({
      code: "unknownItem",
      field: "items",
    });
    expect(
      errorOf(
        { type: "createGroup", title: "x", items: ["i1"] },
        stateOf(session({ phase: "vote" }), { targets }),
      ),
    ).toEqual({ code: "wrongPhase", field: "phase" });
  });

  it("count votes up to votesPerParticipant and no further", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 12 }),
        (limit, cast) => {
          const state = stateOf(session({ phase: "vote", votesPerParticipant: limit }), {
            targets,
            votesCast: cast,
          });
          const decision = decideEvaluation({ type: "castVote", target: "g1" }, state);
          expect(decision.ok).toBe(cast < limit);
          if (!decision.ok) expect(decision.error.code).toBe("voteLimitReached");
        },
      ),
    );
  });

  it("refuse a target outside the session and a vote outside phase vote", () => {
    const state = stateOf(session({ phase: "vote" }), { targets, votesCast: 0 });
    expect(errorOf({ type: "castVote", target: "x" }, state)).toEqual({
      code: "unknownTarget",
      field: "target",
    });
    expect(
      errorOf(
        { type: "castVote", target: "i1" },
        stateOf(session({ phase: "discuss" }), { targets }),
      ),
    ).toEqual({ code: "wrongPhase", field: "phase" });
  });
});

describe("lifting to a forum", () => {
  const targets = new Map<string, BoardTarget>([
    ["i1", { kind: "item", itemKind: "improve" }],
    ["i2", { kind: "item", itemKind: "worked_well" }],
  ]);
  const lift = {
    type: "liftToForum",
    target: "i1",
    owner: "stockholms_stad",
    dueOn: d("2026-09-30"),
    on: d("2026-06-01"),
  } as const;
  const state = stateOf(session({ phase: "discuss" }), {
    targets,
    forumMembers: ["region_stockholm", "stockholms_stad"],
  });

  it("lifts an improvement, decided today", () => {
    expect(decideEvaluation(lift, state)).toEqual({
      ok: true,
      value: [
        {
          type: "liftedToForum",
          target: "i1",
          targetKind: "item",
          owner: "stockholms_stad",
          dueOn: "2026-09-30",
          decidedOn: "2026-06-01",
        },
      ],
    });
  });

  it("refuses what worked well, an unknown item and an owner outside the forum", () => {
    expect(errorOf({ ...lift, target: "i2" }, state)).toEqual({
      code: "notAnImprovement",
      field: "itemId",
    });
    expect(errorOf({ ...lift, target: "i9" }, state)).toEqual({
      code: "unknownItem",
      field: "itemId",
    });
    expect(errorOf({ ...lift, owner: "nacka_kommun" }, state)).toEqual({
      code: "ownerNotMember",
      field: "owner",
    });
  });
});

it("every refusal has a message in both locales", () => {
  for (const code of evaluationErrorCodes) {
    expect(t(`evaluations.error.${code}`, {}, "sv")).not.toContain("evaluations.error");
    expect(t(`evaluations.error.${code}`, {}, "en")).not.toContain("evaluations.error");
  }
});
