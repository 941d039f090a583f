import { describe, expect, it } from "vitest";
import type { Board, BoardItem } from "../../api/evaluations";
import {
  announcement,
  checkEvaluation,
  columnsOf,
  elapsed,
  figure,
  nextPhase,
  phases,
  presenceText,
  stepChoices,
  themeChoices,
  themeName,
} from "./evaluations";
import { sseParser } from "./live";

const item = (id: string, kind: BoardItem["kind"], extra: Partial<BoardItem> = {}): BoardItem => ({
  id,
  kind,
  text: `Lapp ${id}`,
  theme: "kommunikation",
  step: null,
  author: null,
  groupId: null,
  votes: null,
  action: null,
  createdAt: "2026-03-02T09:00:00.000Z",
  ...extra,
});

type Columns = Pick<Board, "items" | "groups" | "phase">;

describe("the board's columns", () => {
  it("puts items in their kind's column and a group's items under the group", () => {
    const board: Columns = {
      phase: "group",
      items: [
        item("a", "worked_well"),
        item("b", "improve", { groupId: "g" }),
        item("c", "improve", { groupId: "g" }),
        item("d", "improve"),
      ],
      groups: [
        {
          id: "g",
          title: "Kallelser",
          kind: "improve",
          items: ["b", "c"],
          votes: null,
          action: null,
        },
      ],
    };
    const columns = columnsOf(board);
    expect(columns.worked_well.map((c) => (c.type === "item" ? c.item.id : c.group.id))).toEqual([
      "a",
    ]);
    expect(columns.improve.map((c) => (c.type === "item" ? c.item.id : c.group.id))).toEqual([
      "g",
      "d",
    ]);
    const group = columns.improve[0];
    expect(group?.type === "group" && group.items.map((i) => i.id)).toEqual(["b", "c"]);
  });

  it("shows every item exactly once, whatever the grouping (every 3-item board)", () => {
    // Each item: kind × (no group, g0, g1) — all 6³ boards of three items.
    const choices = [false, true].flatMap((improve) =>
      [-1, 0, 1].map((g) => [improve, g] as const),
    );
    for (const a of choices)
      for (const b of choices)
        for (const c of choices) {
          const items = [a, b, c].map(([improve, g], i) =>
            item(`i${i}`, improve ? "improve" : "worked_well", {
              groupId: g < 0 ? null : `g${g}`,
            }),
          );
          const groups = [0, 1]
            .map((g) => items.filter((i) => i.groupId === `g${g}`))
            .flatMap((members, g) =>
              members.length === 0
                ? []
                : [
                    {
                      id: `g${g}`,
                      title: `Grupp ${g}`,
                      kind: members.some((i) => i.kind === "improve")
                        ? ("improve" as const)
                        : ("worked_well" as const),
                      items: members.map((i) => i.id),
                      votes: null,
                      action: null,
                    },
                  ],
            );
          const columns = columnsOf({ phase: "vote", items, groups });
          const shown = [...columns.worked_well, ...columns.improve].flatMap((card) =>
            card.type === "item" ? [card.item.id] : card.items.map((i) => i.id),
          );
          expect(shown.sort()).toEqual(["i0", "i1", "i2"]);
        }
  });

  it("orders by votes from discuss on, not before (totals are hidden until then)", () => {
    const items = [item("a", "improve", { votes: 1 }), item("b", "improve", { votes: 4 })];
    const order = (phase: Board["phase"]) =>
      columnsOf({ phase, items, groups: [] }).improve.map((c) =>
        c.type === "item" ? c.item.id : "",
      );
    expect(order("vote")).toEqual(["a", "b"]);
    expect(order("discuss")).toEqual(["b", "a"]);
  });
});

describe("the phases", () => {
  it("move forward one at a time and end at closed", () => {
    expect(phases.map(nextPhase)).toEqual(["group", "vote", "discuss", "closed", null]);
  });

  it("time from when the phase began, never negative", () => {
    const start = "2026-03-02T09:00:00.000Z";
    expect(elapsed(start, Date.parse("2026-03-02T09:04:30.000Z"))).toEqual({
      minutes: 4,
      seconds: 30,
    });
    expect(elapsed(start, Date.parse("2026-03-02T08:59:00.000Z"))).toEqual({
      minutes: 0,
      seconds: 0,
    });
  });
});

describe("what the board says", () => {
  it("names who is present, but only counts them in an anonymous session", () => {
    expect(presenceText({ anonymous: true, count: 3 })).toBe("3 deltagare har tavlan öppen");
    expect(presenceText({ anonymous: false, count: 2, participants: ["anna", "erik"] })).toBe(
      "Har tavlan öppen: anna, erik",
    );
    expect(presenceText(null)).toBe("");
  });

  it("announces a new item with its column, and a phase by its name", () => {
    expect(
      announcement({ event: "item", data: { item: { kind: "improve", text: "Sena kallelser" } } }),
    ).toBe("Ny lapp under Förbättringsområden: Sena kallelser");
    expect(announcement({ event: "phase", data: { phase: "vote" } })).toBe(
      "Utvärderingen är nu i fasen Rösta.",
    );
    expect(announcement({ event: "unknown", data: {} })).toBeNull();
  });

  it("reads a withheld figure as '..', never 0", () => {
    expect(figure(null)).toBe("..");
    expect(figure(undefined)).toBe("..");
    expect(figure(12)).toBe("12");
  });

  it("names themes and steps, not codes", () => {
    expect(themeName("kommunikation")).toBe("Kommunikation");
    expect(themeChoices().map((c) => c.code)).toContain("delaktighet");
    const catalogues = {
      processes: [
        {
          code: "sip",
          name: "SIP",
          steps: [
            { number: 1, name: "Behov uppmärksammat", targetDays: null },
            { number: 2, name: "Dialog och samtycke", targetDays: 14 },
          ],
        },
      ],
    };
    expect(stepChoices(catalogues, { process: "sip", steps: [2] })).toEqual([
      { code: "2", name: "2. Dialog och samtycke" },
    ]);
    expect(stepChoices(catalogues, { process: "sip", steps: [] })).toHaveLength(2);
    expect(stepChoices(catalogues, { process: null, steps: [] })).toEqual([]);
  });
});

describe("the form to start a session", () => {
  const draft = {
    title: "Vår 2026",
    organisations: ["K0180"],
    from: "2026-01-01",
    to: "2026-03-31",
    process: "",
    anonymous: false,
    votesPerParticipant: "3",
  };

  it("passes a complete draft and names each missing or wrong field", () => {
    expect(checkEvaluation(draft)).toEqual({});
    expect(
      Object.keys(
        checkEvaluation({
          ...draft,
          title: " ",
          organisations: [],
          to: "2025-12-31",
          votesPerParticipant: "11",
        }),
      ).sort(),
    ).toEqual(["organisations", "title", "to", "votesPerParticipant"]);
  });
});

describe("the stream's reader", () => {
  it("reads messages split anywhere across chunks, skipping comments", () => {
    const text =
      'event: hello\ndata: {"phase":"collect"}\nretry: 1000\n\n: heartbeat\n\nevent: item\r\ndata: {"item":{}}\r\nid: 41\r\n\r\n';
    // Every way of cutting the text in two or three pieces.
    for (let x = 0; x <= text.length; x++)
      for (let y = x; y <= text.length; y += 7) {
        const parser = sseParser();
        const chunks = [text.slice(0, x), text.slice(x, y), text.slice(y)];
        const messages = chunks.flatMap((chunk) => parser.push(chunk));
        expect(messages).toEqual([
          { event: "hello", data: '{"phase":"collect"}', id: null },
          { event: "item", data: '{"item":{}}', id: "41" },
        ]);
      }
  });
});
