import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ageGroups,
  containsIdentifier,
  defaultProcessModels,
  defaultTargetGroups,
  findStep,
  type IsoDate,
  isRealDate,
  parseOccurredAt,
  principalTypes,
  stockholmDate,
  stockholmsLan,
} from "@samsyn/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoCounty } from "./generate-demo-county";
import { parseCsv } from "./testing/parse-csv";

const CASES = 3_000;
const AS_OF = "2025-06-30";

interface Files {
  readonly units: string[][];
  readonly cases: string[][];
  readonly events: string[][];
  readonly raw: Readonly<Record<"units" | "cases" | "events", string>>;
}

let root: string;
const progress: [number, number][] = [];
let summary: Awaited<ReturnType<typeof generateDemoCounty>>;
let files: Files;

async function generate(dir: string, seed: number, cases = CASES, asOf = AS_OF) {
  return generateDemoCounty({ outDir: join(root, dir), seed, cases, asOf: asOf as IsoDate });
}

async function read(dir: string): Promise<Files> {
  const text = async (name: string) => readFile(join(root, dir, `${name}.csv`), "utf8");
  const raw = {
    units: await text("units"),
    cases: await text("cases"),
    events: await text("events"),
  };
  return {
    units: parseCsv(raw.units),
    cases: parseCsv(raw.cases),
    events: parseCsv(raw.events),
    raw,
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "samsyn-demo-test-"));
  summary = await generateDemoCounty({
    outDir: join(root, "a"),
    seed: 7,
    cases: CASES,
    onProgress: (done, total) => progress.push([done, total]),
  });
  files = await read("a");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const rowsOf = (table: string[][]) => table.slice(1);

describe("generateDemoCounty: format", () => {
  it("writes the exact headers of the interchange format", () => {
    expect(files.units[0]).toEqual([
      "unit_code",
      "unit_name",
      "organisation_code",
      "organisation_name",
      "principal_type",
      "municipality_code",
    ]);
    expect(files.cases[0]).toEqual([
      "case_ref",
      "process",
      "target_group",
      "age_group",
      "municipality_code",
      "opened_on",
      "initiating_unit",
    ]);
    expect(files.events[0]).toEqual([
      "case_ref",
      "occurred_at",
      "type",
      "step",
      "unit_code",
      "value",
    ]);
  });

  it("reports what it wrote and its progress", () => {
    expect(summary).toEqual({
      units: rowsOf(files.units).length,
      cases: CASES,
      events: rowsOf(files.events).length,
    });
    expect(progress.at(-1)).toEqual([CASES, CASES]);
  });

  it("writes units with known principal types, kommun codes only for kommun and skola", () => {
    const kommuner = new Set(stockholmsLan.map((m) => m.code));
    for (const row of rowsOf(files.units)) {
      expect(row).toHaveLength(6);
      const [, name, , organisationName, principalType, municipality] = row;
      expect(name).not.toBe("");
      expect(organisationName).not.toBe("");
      expect(principalTypes).toContain(principalType);
      if (principalType === "kommun" || principalType === "skola")
        expect(kommuner.has(municipality ?? "")).toBe(true);
      else expect(municipality).toBe("");
    }
  });

  it("writes cases whose codes exist in the catalogues, opened within five years up to asOf", () => {
    const units = new Set(rowsOf(files.units).map((r) => r[0]));
    const processes = new Set(defaultProcessModels.map((p) => p.code));
    const targetGroups = new Set(defaultTargetGroups.map((g) => g.code));
    const kommuner = new Set(stockholmsLan.map((m) => m.code));
    for (const row of rowsOf(files.cases)) {
      expect(row).toHaveLength(7);
      const [, process, targetGroup, ageGroup, municipality, openedOn, initiatingUnit] = row;
      expect(processes.has(process ?? "")).toBe(true);
      expect(targetGroups.has(targetGroup ?? "")).toBe(true);
      expect(ageGroups).toContain(ageGroup);
      expect(kommuner.has(municipality ?? "")).toBe(true);
      expect(isRealDate(openedOn ?? "")).toBe(true);
      expect(openedOn && openedOn >= "2020-07-01" && openedOn <= AS_OF).toBe(true);
      expect(units.has(initiatingUnit ?? "")).toBe(true);
    }
    const refs = rowsOf(files.cases).map((r) => r[0]);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it("writes events of known cases, types, steps and units, in event order, between openedOn and asOf", () => {
    const units = new Set(rowsOf(files.units).map((r) => r[0] ?? ""));
    const cases = new Map(
      rowsOf(files.cases).map((r) => [r[0], { process: r[1], openedOn: r[5] ?? "" }]),
    );
    const lastInstant = new Map<string, number>();
    const endOfAsOf = parseOccurredAt("2025-07-01") ?? 0;
    const problems: string[] = [];
    for (const [line, row] of rowsOf(files.events).entries()) {
      const [ref = "", occurredAt = "", type = "", step = "", unit = "", value = ""] = row;
      const owner = cases.get(ref);
      const model = defaultProcessModels.find((p) => p.code === owner?.process);
      const instant = parseOccurredAt(occurredAt);
      const problem =
        row.length !== 6
          ? "column count"
          : owner === undefined || model === undefined
            ? "unknown case"
            : instant === undefined
              ? "bad occurred_at"
              : instant >= endOfAsOf
                ? "after asOf"
                : occurredAt.slice(0, 10) !== stockholmDate(instant)
                  ? "date is not the Stockholm date"
                  : occurredAt.slice(0, 10) < owner.openedOn
                    ? "before openedOn"
                    : instant < (lastInstant.get(ref) ?? 0)
                      ? "out of event order"
                      : columnProblem(
                          type,
                          { step, unit, value },
                          (n) => findStep(model, n) !== undefined,
                          units,
                        );
      if (problem !== undefined) problems.push(`line ${line + 2}: ${problem}`);
      if (instant !== undefined) lastInstant.set(ref, instant);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("never writes anything that looks like a personnummer", () => {
    const flagged = [files.units, files.cases, files.events]
      .flatMap((table) => table.flat())
      .filter((field) => containsIdentifier(field));
    expect(flagged).toEqual([]);
    expect(/\d{10}/.test(files.raw.cases + files.raw.events)).toBe(false);
  });
});

const valueRules: Readonly<Record<string, readonly string[] | "text" | "none">> = {
  step: "none",
  lead: "none",
  join: "none",
  leave: "none",
  reopen: "none",
  consent: ["given", "declined", "withdrawn"],
  sip: ["established", "followed_up"],
  participation: ["yes", "no"],
  close: "text",
};

/** SPEC: `step` for step and participation, `unit_code` for lead/join/leave, `value` per type. */
function columnProblem(
  type: string,
  columns: { step: string; unit: string; value: string },
  stepExists: (n: number) => boolean,
  units: ReadonlySet<string>,
): string | undefined {
  const { step, unit, value } = columns;
  const rule = valueRules[type];
  if (rule === undefined) return `unknown type ${type}`;
  const hasStep = type === "step" || type === "participation";
  const hasUnit = type === "lead" || type === "join" || type === "leave";
  if ((step !== "") !== hasStep || (hasStep && !stepExists(Number(step)))) return `step of ${type}`;
  if ((unit !== "") !== hasUnit || (hasUnit && !units.has(unit))) return `unit of ${type}`;
  const valueOk =
    rule === "none" ? value === "" : rule === "text" ? value !== "" : rule.includes(value);
  return valueOk ? undefined : `value of ${type}`;
}

describe("generateDemoCounty: determinism", () => {
  it("writes the same bytes for the same seed, other bytes for another seed", async () => {
    await generate("same", 7);
    await generate("other", 8);
    const same = await read("same");
    const other = await read("other");
    expect(same.raw).toEqual(files.raw);
    expect(other.raw.units).toBe(files.raw.units);
    expect(other.raw.cases).not.toBe(files.raw.cases);
    expect(other.raw.events).not.toBe(files.raw.events);
  });

  it("makes a smaller run the prefix of a larger one", async () => {
    await generate("small", 7, 500);
    const small = await read("small");
    expect(files.raw.cases.startsWith(small.raw.cases)).toBe(true);
    expect(files.raw.events.startsWith(small.raw.events)).toBe(true);
  });

  it("writes nothing after an earlier asOf", async () => {
    await generate("early", 7, 300, "2023-01-31");
    const early = await read("early");
    const end = parseOccurredAt("2023-02-01") ?? 0;
    for (const row of rowsOf(early.events)) expect(parseOccurredAt(row[1] ?? "")).toBeLessThan(end);
    for (const row of rowsOf(early.cases)) expect((row[5] ?? "") <= "2023-01-31").toBe(true);
  });

  it("refuses options it cannot honour, in Swedish", async () => {
    const outDir = join(root, "refused");
    await expect(generateDemoCounty({ outDir, seed: -1 })).rejects.toThrow(/Fröet/);
    await expect(generateDemoCounty({ outDir, cases: 1.5 })).rejects.toThrow(/Antalet ärenden/);
    await expect(generateDemoCounty({ outDir, asOf: "2025-02-30" as IsoDate })).rejects.toThrow(
      /datum/,
    );
  });
});

describe("generateDemoCounty: a realistic county", () => {
  const count = <T>(items: readonly T[], key: (item: T) => string | undefined) => {
    const counts = new Map<string | undefined, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
  };

  it("spreads cases over all kommuner by population, both processes and every målgrupp", () => {
    const cases = rowsOf(files.cases);
    const byKommun = count(cases, (r) => r[4]);
    expect(byKommun.size).toBe(26);
    const stockholm = byKommun.get("0180") ?? 0;
    expect(Math.max(...byKommun.values())).toBe(stockholm);
    expect(stockholm / cases.length).toBeGreaterThan(0.3);
    expect(count(cases, (r) => r[1]).size).toBe(2);
    expect(count(cases, (r) => r[2]).size).toBe(defaultTargetGroups.length);
  });

  it("keeps målgrupper to plausible ages and processes", () => {
    const cases = rowsOf(files.cases);
    const share = (rows: string[][], test: (r: string[]) => boolean) =>
      rows.filter(test).length / rows.length;
    const barnGroups = cases.filter((r) => r[2]?.startsWith("barn_unga"));
    expect(share(barnGroups, (r) => r[3] === "barn")).toBeGreaterThan(0.8);
    expect(
      share(
        cases.filter((r) => r[2] === "demens"),
        (r) => r[3] === "aldre",
      ),
    ).toBeGreaterThan(0.8);
    const intern = cases.filter((r) => r[1] === "intern_samsjuklighet");
    expect(
      share(intern, (r) => r[2] === "samsjuklighet" || r[2] === "missbruk_beroende"),
    ).toBeGreaterThan(0.7);
  });

  it("has back-steps from 10, withdrawn consent, reopenings, lead changes and open cases", () => {
    const events = rowsOf(files.events);
    const stepsByCase = new Map<string, number[]>();
    for (const [ref = "", , type, step] of events) {
      if (type === "step") stepsByCase.set(ref, [...(stepsByCase.get(ref) ?? []), Number(step)]);
    }
    const backSteps = [...stepsByCase.values()].filter((steps) =>
      steps.some((s, i) => s === 10 && (steps[i + 1] ?? 0) >= 6 && (steps[i + 1] ?? 0) <= 9),
    );
    expect(backSteps.length).toBeGreaterThan(10);
    const byType = count(events, (r) => (r[2] === "consent" ? `consent:${r[5]}` : r[2]));
    expect(byType.get("consent:withdrawn")).toBeGreaterThan(10);
    expect(byType.get("consent:declined")).toBeGreaterThan(10);
    expect(byType.get("reopen")).toBeGreaterThan(10);
    expect(byType.get("participation")).toBeGreaterThan(CASES);
    const leadsPerCase = count(
      events.filter((r) => r[2] === "lead"),
      (r) => r[0],
    );
    expect([...leadsPerCase.values()].filter((n) => n > 1).length).toBeGreaterThan(50);
    const open = openCases(events);
    expect(open / CASES).toBeGreaterThan(0.1);
    expect(open / CASES).toBeLessThan(0.6);
  });

  it("mixes dates with timestamps and lets lead units sometimes be in the region", () => {
    const events = rowsOf(files.events);
    const timestamps = events.filter((r) => (r[1] ?? "").includes("T")).length / events.length;
    expect(timestamps).toBeGreaterThan(0.05);
    expect(timestamps).toBeLessThan(0.5);
    const leads = events.filter((r) => r[2] === "lead");
    const regionLeads = leads.filter((r) => r[4]?.startsWith("RS-")).length / leads.length;
    expect(regionLeads).toBeGreaterThan(0.05);
    expect(regionLeads).toBeLessThan(0.5);
    const perCase = events.length / CASES;
    expect(perCase).toBeGreaterThan(8);
    expect(perCase).toBeLessThan(20);
  });
});

/** Cases whose last close/reopen is not a close: still open as of asOf. */
function openCases(events: string[][]): number {
  const closed = new Map<string, boolean>();
  for (const [ref = "", , type] of events) {
    if (!closed.has(ref)) closed.set(ref, false);
    if (type === "close") closed.set(ref, true);
    if (type === "reopen") closed.set(ref, false);
  }
  return [...closed.values()].filter((c) => !c).length;
}
