import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indicatorFigureNames, indicatorMetrics } from "../agreements/commands";
import type { IsoDate, OrganisationCode } from "../codes";
import { messages } from "../messages";
import type { AddAction, CreateForum, ForumCommand } from "./commands";
import { decideForum, type ForumDecisionState, forumErrorCodes } from "./decide";
import { meetingStatuses } from "./forum";

const o = (c: string) => c as OrganisationCode;
const d = (c: string) => c as IsoDate;

const organisations = new Set(["stockholm", "region", "nacka", "fk"]);
const forum = { members: [o("region"), o("stockholm")] };
const meeting = (status: "planned" | "held" | "justerat" = "planned") => ({
  date: d("2026-03-10"),
  status,
  participants: ["Karin Lund"],
  justerare: [],
});
const state = (over: Partial<ForumDecisionState> = {}): ForumDecisionState => ({
  organisations,
  forum,
  meeting: meeting(),
  ...over,
});

const newForum: CreateForum = {
  type: "createForum",
  name: "Ledningsgruppen för samverkan",
  level: "lokal",
  members: [o("stockholm"), o("region"), o("stockholm")],
  chair: o("region"),
};

const anAction: AddAction = {
  type: "addAction",
  title: "Ta fram en gemensam rutin för kallelse till SIP",
  owner: o("region"),
  dueOn: d("2026-05-31"),
  link: null,
};

const refusal = (command: ForumCommand, s: ForumDecisionState) => {
  const decision = decideForum(command, s);
  return decision.ok ? undefined : decision.error;
};

describe("creating a forum", () => {
  it("keeps its members as a sorted set and its chair among them", () => {
    expect(decideForum(newForum, { organisations })).toEqual({
      ok: true,
      value: [
        {
          type: "forumCreated",
          forum: {
            name: newForum.name,
            level: "lokal",
            members: ["region", "stockholm"],
            chair: "region",
          },
        },
      ],
    });
  });

  it("refuses fewer than two distinct members, unknown ones and a chair from outside", () => {
    const s = { organisations };
    expect(refusal({ ...newForum, members: [o("region"), o("region")] }, s)).toEqual({
      code: "tooFewMembers",
      field: "members",
    });
    expect(refusal({ ...newForum, members: [o("region"), o("okand")] }, s)).toEqual({
      code: "unknownOrganisation",
      field: "members",
    });
    expect(refusal({ ...newForum, chair: o("nacka") }, s)).toEqual({
      code: "chairNotMember",
      field: "chair",
    });
  });
});

describe("writing a meeting's protocol", () => {
  it("decides an action on the meeting's date, open, with its link unaltered", () => {
    const link = {
      kind: "metric",
      metric: "stuck",
      params: { process: ["sip"] },
      figure: "count",
    } as const;
    expect(decideForum({ ...anAction, link }, state())).toEqual({
      ok: true,
      value: [
        {
          type: "actionAdded",
          action: {
            title: anAction.title,
            owner: "region",
            decidedOn: "2026-03-10",
            dueOn: "2026-05-31",
            link,
          },
        },
      ],
    });
  });

  it("refuses an owner outside the catalogue or the forum, and a due date before the meeting", () => {
    expect(refusal({ ...anAction, owner: o("okand") }, state())).toEqual({
      code: "unknownOrganisation",
      field: "owner",
    });
    expect(refusal({ ...anAction, owner: o("nacka") }, state())).toEqual({
      code: "ownerNotMember",
      field: "owner",
    });
    expect(refusal({ ...anAction, dueOn: d("2026-03-09") }, state())).toEqual({
      code: "dueBeforeDecided",
      field: "dueOn",
    });
    expect(decideForum({ ...anAction, dueOn: d("2026-03-10") }, state()).ok).toBe(true);
  });

  it("links an indicator that exists, and a metric's figure only when the metric has it", () => {
    const indicator = { kind: "indicator", indicatorId: "5f0c2c8e" } as const;
    expect(refusal({ ...anAction, link: indicator }, state())).toEqual({
      code: "unknownIndicator",
      field: "link.indicatorId",
    });
    expect(decideForum({ ...anAction, link: indicator }, state({ indicatorExists: true })).ok).toBe(
      true,
    );
    const metric = { kind: "metric", metric: "cases", params: {}, figure: "median" } as const;
    expect(refusal({ ...anAction, link: metric }, state())).toEqual({
      code: "figureNotInMetric",
      field: "link.figure",
    });
  });

  it("locks a justerat protocol against every write, and leaves its actions closable", () => {
    const locked = state({ meeting: meeting("justerat"), action: { status: "open" } });
    const writes: ForumCommand[] = [
      { type: "addAgendaItem", title: "Fastnade ärenden", signal: null },
      { type: "recordDecision", text: "Rutinen gäller från 1 april." },
      anAction,
      { type: "changeMeetingStatus", status: "justerat" },
      { type: "changeMeetingStatus", status: "held" },
    ];
    for (const command of writes) {
      expect(refusal(command, locked), command.type).toEqual({ code: "meetingLocked" });
    }
    expect(
      decideForum({ type: "closeAction", status: "done", on: d("2026-06-01") }, locked),
    ).toEqual({ ok: true, value: [{ type: "actionClosed", status: "done", on: "2026-06-01" }] });
  });

  it("takes agenda items and decisions while planned or held", () => {
    for (const status of ["planned", "held"] as const) {
      const s = state({ meeting: meeting(status) });
      expect(decideForum({ type: "recordDecision", text: "Beslut" }, s).ok).toBe(true);
      const signal = { kind: "overdue_action", ref: "a1" } as const;
      expect(decideForum({ type: "addAgendaItem", title: "Försenad", signal }, s)).toEqual({
        ok: true,
        value: [{ type: "agendaItemAdded", item: { title: "Försenad", signal } }],
      });
    }
  });
});

describe("changing a meeting's status", () => {
  it("goes planned → held → justerat, keeping lists that are not given", () => {
    const held = decideForum(
      { type: "changeMeetingStatus", status: "held", justerare: ["Per Ekström"] },
      state(),
    );
    expect(held).toEqual({
      ok: true,
      value: [
        {
          type: "meetingStatusChanged",
          status: "held",
          participants: ["Karin Lund"],
          justerare: ["Per Ekström"],
        },
      ],
    });
    const justerat = decideForum(
      { type: "changeMeetingStatus", status: "justerat" },
      state({ meeting: meeting("held") }),
    );
    expect(justerat.ok && justerat.value[0]).toMatchObject({ status: "justerat" });
  });

  it("refuses skipping a step or repeating one", () => {
    expect(refusal({ type: "changeMeetingStatus", status: "justerat" }, state())).toEqual({
      code: "statusTransition",
      field: "status",
    });
    expect(
      refusal({ type: "changeMeetingStatus", status: "held" }, state({ meeting: meeting("held") })),
    ).toEqual({ code: "statusTransition", field: "status" });
  });
});

describe("closing an action", () => {
  it("closes an open action on the day given, and refuses closing it again", () => {
    const close = { type: "closeAction", status: "cancelled", on: d("2026-04-02") } as const;
    expect(decideForum(close, state({ action: { status: "open" } }))).toEqual({
      ok: true,
      value: [{ type: "actionClosed", status: "cancelled", on: "2026-04-02" }],
    });
    for (const status of ["done", "cancelled"] as const) {
      expect(refusal(close, state({ action: { status } }))).toEqual({
        code: "actionClosed",
        field: "status",
      });
    }
  });
});

const arbCode = fc.constantFrom("stockholm", "region", "nacka", "fk", "okand").map(o);
const arbDate = fc
  .integer({ min: 0, max: 400 })
  .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10) as IsoDate);
const arbLink = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant("indicator" as const), indicatorId: fc.uuid() }),
    fc.record({
      kind: fc.constant("metric" as const),
      metric: fc.constantFrom(...indicatorMetrics),
      params: fc.constant({}),
      figure: fc.constantFrom(...indicatorFigureNames),
    }),
  ),
);
const arbCommand: fc.Arbitrary<ForumCommand> = fc.oneof(
  fc.record({
    type: fc.constant("createForum" as const),
    name: fc.string(),
    level: fc.constantFrom("lan" as const, "lokal" as const),
    members: fc.array(arbCode, { maxLength: 4 }),
    chair: arbCode,
  }),
  fc.record({ type: fc.constant("planMeeting" as const), date: arbDate, title: fc.constant(null) }),
  fc.record({ type: fc.constant("recordDecision" as const), text: fc.string() }),
  fc.record({
    type: fc.constant("addAction" as const),
    title: fc.string(),
    owner: arbCode,
    dueOn: arbDate,
    link: arbLink,
  }),
  fc.record({
    type: fc.constant("changeMeetingStatus" as const),
    status: fc.constantFrom("held" as const, "justerat" as const),
  }),
  fc.record({
    type: fc.constant("closeAction" as const),
    status: fc.constantFrom("done" as const, "cancelled" as const),
    on: arbDate,
  }),
);
const arbState: fc.Arbitrary<ForumDecisionState> = fc.record({
  organisations: fc.constant(organisations),
  forum: fc.constant(forum),
  meeting: fc.record({
    date: arbDate,
    status: fc.constantFrom(...meetingStatuses),
    participants: fc.constant([]),
    justerare: fc.constant([]),
  }),
  action: fc.record({ status: fc.constantFrom("open" as const, "done" as const) }),
  indicatorExists: fc.boolean(),
});

describe("decideForum, as properties", () => {
  it("refuses only with a code of the union, each with its message in both locales", () => {
    fc.assert(
      fc.property(arbCommand, arbState, (command, s) => {
        const decision = decideForum(command, s);
        if (decision.ok) return;
        expect(forumErrorCodes).toContain(decision.error.code);
        const message = messages[`forums.error.${decision.error.code}`];
        expect(message.sv).not.toBe("");
        expect(message.en).not.toBe("");
      }),
    );
  });

  it("writes nothing to a justerat protocol but the closing of an action", () => {
    fc.assert(
      fc.property(arbCommand, arbState, (command, s) => {
        const decision = decideForum(command, s);
        if (!decision.ok || s.meeting?.status !== "justerat") return;
        const kinds = decision.value.map((change) => change.type);
        expect(["forumCreated", "meetingPlanned", "actionClosed"]).toEqual(
          expect.arrayContaining(kinds),
        );
      }),
    );
  });
});
