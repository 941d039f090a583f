import { describe, expect, it } from "vitest";
import type { Board, BoardItem } from "../../api/evaluations";
import type { Catalogues } from "../../api/types";
import { themeChoices } from "./evaluations";
import { flowRows, summaryExport, summaryFacts, summaryRows } from "./summary";
import {
  chartRows,
  knownTheme,
  monthChartRows,
  monthRows,
  monthsBetween,
  nothingAboveZero,
  rowWithheld,
  stepCharts,
  stepRows,
  themeApiPeriod,
  themePeriod,
  themeRows,
  themeSubject,
} from "./trends";

const processes = [
  {
    code: "sip",
    name: "SIP",
    steps: [
      { number: 1, name: "Behov uppmärksammat", targetDays: null },
      { number: 3, name: "Kallelse", targetDays: 14 },
    ],
  },
  {
    code: "intern_samsjuklighet",
    name: "Intern samsjuklighet",
    steps: [{ number: 3, name: "Samordnad bedömning", targetDays: 30 }],
  },
];
const catalogues = {
  processes,
  organisations: [
    { code: "K0180", name: "Stockholms stad" },
    { code: "RS", name: "Region Stockholm" },
  ],
} as unknown as Catalogues;

describe("the theme trends' period and theme", () => {
  it("defaults to the 24 months up to the last complete one, never a month being written in", () => {
    expect(themePeriod({}, "2026-12-04")).toEqual({ from: "2024-12", to: "2026-11" });
    // The last day of a month is complete only once it has passed.
    expect(themePeriod({}, "2026-11-30")).toEqual({ from: "2024-11", to: "2026-10" });
  });

  it("keeps a chosen period, ending a future month in today's, and a start after the end ignored", () => {
    expect(themePeriod({ periodFrom: "2026-01", periodTo: "2026-06" }, "2026-12-04")).toEqual({
      from: "2026-01",
      to: "2026-06",
    });
    expect(themePeriod({ periodTo: "2027-05" }, "2026-12-04").to).toBe("2026-12");
    expect(themePeriod({ periodFrom: "2026-09", periodTo: "2026-03" }, "2026-12-04")).toEqual({
      from: "2024-04",
      to: "2026-03",
    });
  });

  it("asks the API for whole months, up to today within today's month", () => {
    expect(themeApiPeriod({ from: "2025-01", to: "2026-11" }, "2026-12-04")).toEqual({
      from: "2025-01-01",
      to: "2026-11-30",
    });
    expect(themeApiPeriod({ from: "2025-01", to: "2026-12" }, "2026-12-04").to).toBe("2026-12-04");
  });

  it("takes a theme from the URL only when the catalogue knows it", () => {
    expect(knownTheme("kommunikation")).toBe("kommunikation");
    expect(knownTheme("<script>")).toBeUndefined();
    expect(knownTheme(undefined)).toBeUndefined();
    expect(themeSubject("kommunikation")).toBe("temat Kommunikation");
    expect(themeSubject(undefined)).toBe("alla teman");
  });

  it("lists every month of the period, both ends included, across a year", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
    expect(monthsBetween("2026-02", "2026-01")).toEqual([]);
  });
});

describe("the theme trends' rows", () => {
  it("names every theme of the catalogue, 0 for one without notes and null for a withheld count", () => {
    const rows = themeRows([
      { theme: "kommunikation", workedWell: 7, improve: null },
      { theme: "tillit", workedWell: 0, improve: 12 },
    ]);
    expect(rows).toHaveLength(themeChoices().length);
    expect(rows.find((r) => r.key === "kommunikation")).toMatchObject({
      label: "Kommunikation",
      workedWell: 7,
      improve: null,
    });
    const untouched = rows.find((r) => r.key !== "kommunikation" && r.key !== "tillit");
    expect(untouched).toMatchObject({ workedWell: 0, improve: 0 });
    // A chart leaves a withheld count out instead of drawing it as zero.
    expect(chartRows(rows).find((r) => r.label === "Kommunikation")).toEqual({
      label: "Kommunikation",
      workedWell: 7,
      improve: null,
    });
  });

  it("fills the months without notes with 0 and keeps only the chosen theme's cells", () => {
    const cells = [
      { theme: "tillit", month: "2026-01", workedWell: 5, improve: null },
      { theme: "kommunikation", month: "2026-01", workedWell: 9, improve: 6 },
      { theme: "tillit", month: "2026-03", workedWell: 0, improve: 8 },
    ];
    const rows = monthRows(cells, ["2026-01", "2026-02", "2026-03"], "tillit", (m) => `m${m}`);
    expect(rows.map((r) => [r.label, r.workedWell, r.improve])).toEqual([
      ["m2026-01", 5, null],
      ["m2026-02", 0, 0],
      ["m2026-03", 0, 8],
    ]);
    expect(monthChartRows(rows)[0]).toEqual({ month: "2026-01", workedWell: 5, improve: null });
    const totals = monthRows(
      [{ month: "2026-02", workedWell: 11, improve: 5 }],
      ["2026-01", "2026-02"],
      undefined,
      (m) => m,
    );
    expect(totals.map((r) => r.workedWell)).toEqual([0, 11]);
    // A chart is drawn while some month has notes; all 0 or withheld, a sentence instead.
    expect(nothingAboveZero(totals)).toBe(false);
    expect(nothingAboveZero(rows)).toBe(false);
    expect(
      nothingAboveZero(
        monthRows(
          [{ theme: "tillit", month: "2026-01", workedWell: null, improve: 0 }],
          ["2026-01", "2026-02"],
          "tillit",
          (m) => m,
        ),
      ),
    ).toBe(true);
  });

  it("names a step by its process and name, telling step 3 of two processes apart, no step last", () => {
    const rows = stepRows(
      [
        { process: null, step: null, workedWell: 6, improve: 5 },
        { process: "sip", step: 3, workedWell: 5, improve: null },
        { process: "intern_samsjuklighet", step: 3, workedWell: 0, improve: 7 },
        { process: "sip", step: 1, workedWell: 8, improve: 0, theme: "tillit" },
      ],
      catalogues,
      undefined,
    );
    expect(rows.map((r) => r.label)).toEqual([
      "Intern samsjuklighet: 3. Samordnad bedömning",
      "SIP: 1. Behov uppmärksammat",
      "SIP: 3. Kallelse",
      "Inget särskilt processteg",
    ]);
    expect(rows.find((r) => r.label === "SIP: 3. Kallelse")?.improve).toBeNull();
    // One chart per process, each bar a step by its name alone: short enough not to be cut.
    expect(stepCharts(rows).map((c) => [c.heading, c.rows.map((r) => r.label)])).toEqual([
      ["Intern samsjuklighet", ["3. Samordnad bedömning"]],
      ["SIP", ["1. Behov uppmärksammat", "3. Kallelse"]],
      ["Inget särskilt processteg", ["Inget särskilt processteg"]],
    ]);
    expect(rows.map(rowWithheld)).toEqual([false, false, true, false]);
    const chosen = stepRows(
      [
        { theme: "tillit", process: "sip", step: 1, workedWell: 8, improve: 0 },
        { theme: "kommunikation", process: "sip", step: 1, workedWell: 5, improve: 5 },
      ],
      catalogues,
      "tillit",
    );
    expect(chosen.map((r) => r.workedWell)).toEqual([8]);
  });
});

const item = (id: string, kind: BoardItem["kind"], extra: Partial<BoardItem> = {}): BoardItem => ({
  id,
  kind,
  text: `Lapp ${id}`,
  theme: "kommunikation",
  step: null,
  author: null,
  groupId: null,
  votes: 0,
  action: null,
  createdAt: "2026-03-02T09:00:00.000Z",
  ...extra,
});

const board = {
  title: "Samverkan kring SIP, våren",
  organisations: ["K0180", "RS"],
  from: "2026-01-01",
  to: "2026-03-31",
  process: "sip",
  steps: [1, 3],
  anonymous: true,
  phase: "closed",
  items: [
    item("a", "worked_well", { votes: 1, theme: "tillit", step: 1 }),
    item("b", "improve", { groupId: "g", votes: 2, step: 3 }),
    item("c", "improve", { groupId: "g", votes: 0 }),
    item("d", "improve", { votes: 4, action: { id: "x", status: "done" } }),
  ],
  groups: [
    {
      id: "g",
      title: "Kallelser",
      kind: "improve",
      items: ["b", "c"],
      votes: 3,
      action: { id: "y", status: "open" },
    },
  ],
  previousActions: [],
} as unknown as Board;

describe("the session's summary", () => {
  it("lists the notes column by column, most votes first, a group's line before its notes", () => {
    const rows = summaryRows(board, catalogues);
    expect(rows.map((r) => [r.kind, r.type, r.note, r.votes])).toEqual([
      ["worked_well", "item", "Lapp a", 1],
      ["improve", "item", "Lapp d", 4],
      ["improve", "group", "Hela gruppen", 3],
      ["improve", "item", "Lapp b", 2],
      ["improve", "item", "Lapp c", 0],
    ]);
    expect(rows[0]).toMatchObject({ theme: "Tillit", step: "1. Behov uppmärksammat", group: null });
    expect(rows[1]?.action).toBe("Åtgärd, klar");
    expect(rows[2]).toMatchObject({ group: "Kallelser", action: "Gruppens åtgärd, pågår" });
    expect(rows[3]).toMatchObject({ group: "Kallelser", step: "3. Kallelse" });
  });

  it("says the session's facts in names, an anonymous one as storing no author", () => {
    const facts = Object.fromEntries(
      summaryFacts(board, catalogues).map((f) => [f.label, f.value]),
    );
    expect(facts).toEqual({
      Period: "2026-01-01 – 2026-03-31",
      Organisationer: "Stockholms stad, Region Stockholm",
      Processmodell: "SIP",
      "Steg i fokus": "1. Behov uppmärksammat; 3. Kallelse",
      Anonym: "Ja: ingen författare sparas",
    });
  });

  it("exports one table with the column of every line, and no author anywhere", () => {
    const table = summaryExport(summaryRows(board, catalogues));
    expect(table.columns).toHaveLength(7);
    expect(table.rows[0]).toEqual([
      "Vad fungerade bra",
      "Ingen grupp",
      "Lapp a",
      "Tillit",
      "1. Behov uppmärksammat",
      1,
      "Ingen",
    ]);
    expect(table.rows).toHaveLength(5);
    expect(JSON.stringify(table)).not.toContain("author");
  });
});

describe("the flow beside the board", () => {
  it("names both steps, keeps a withheld count withheld and orders by step", () => {
    const rows = flowRows(
      [
        { fromStep: 3, toStep: 4, count: 9, suppressed: false },
        { fromStep: 1, toStep: 3, count: null, suppressed: true },
      ],
      (n) => `${n}. Steg`,
    );
    expect(rows.map((r) => [r.label, r.count])).toEqual([
      ["1. Steg → 3. Steg", null],
      ["3. Steg → 4. Steg", 9],
    ]);
  });
});
