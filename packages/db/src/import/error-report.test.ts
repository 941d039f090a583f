import { ageGroups, defaultProcessModels, stockholmsLan } from "@samsyn/domain";
import { beforeEach, describe, expect, it } from "vitest";
import {
  aCase,
  anEvent,
  aRegionUnit,
  aUnit,
  type InterchangeFiles,
  resetData,
  stepEvents,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "../testing";
import { importDirectory } from "./import-directory";

const secret = "test-installation-secret";
/** Skatteverket's test personnummer: Luhn-valid, so screening must catch it. */
const personnummer = "19121212-1212";

function county(refs: readonly string[] = ["ARENDE-0001"]): InterchangeFiles {
  return {
    units: [aUnit(), aRegionUnit()],
    cases: refs.map((ref) => aCase({ case_ref: ref })),
    events: refs.flatMap((ref) => stepEvents(ref, "2024-03-01", [1, 2])),
  };
}

/**
 * The report a user corrects the files from (issue 14): each error names the rejected value, unless
 * screening reads a personnummer in it, and the valid codes; repeated errors are grouped, and the
 * groups hold every error, not only the first 100.
 */
describe.each(testDatabases())("the import's error report on $name", (target) => {
  const database = useMigratedDatabase(target);
  beforeEach(() => resetData(database().db));

  async function rejected(files: InterchangeFiles, locale: "sv" | "en" = "sv") {
    const report = await importDirectory(database(), {
      dir: await writeInterchange(files),
      secret,
      locale,
    });
    if (report.ok) throw new Error("expected the import to be rejected");
    return report;
  }

  it("names an unknown kommun code, gives a few of the valid ones and says where the rest are", async () => {
    const refs = Array.from({ length: 150 }, (_, i) => `ARENDE-${i + 1}`);
    const report = await rejected({
      ...county(refs),
      cases: refs.map((ref) => aCase({ case_ref: ref, municipality_code: "9999" })),
    });
    expect(report.errorCount).toBe(150);
    // The first 100 as before, each with its value; one group with all 150 lines.
    expect(report.errors).toHaveLength(100);
    expect(report.errors.every((e) => e.value === "9999")).toBe(true);
    expect(report.groups).toHaveLength(1);
    const [group] = report.groups;
    expect(group).toMatchObject({
      file: "cases.csv",
      column: "municipality_code",
      code: "unknownCode",
      value: "9999",
      count: 150,
    });
    expect(group?.lines).toEqual(refs.map((_, i) => i + 2));
    const firstCodes = stockholmsLan
      .map((m) => m.code)
      .sort()
      .slice(0, 5)
      .join(", ");
    expect(group?.reason).toBe(
      `Okänd kod: den finns inte i katalogen. Värdet i filen: ”9999”. Giltiga värden är till exempel ${firstCodes}; alla ${stockholmsLan.length} finns i katalogen (GET /api/v1/catalogues).`,
    );
  });

  it("lists every valid code of a short list, and the steps of the case's process", async () => {
    const report = await rejected(
      {
        ...county(),
        cases: [aCase({ age_group: "tonåring", case_ref: "A-1" }), aCase({ process: "sip" })],
        events: [anEvent({ step: "40" })],
      },
      "en",
    );
    const age = report.groups.find((g) => g.column === "age_group");
    expect(age?.reason).toBe(
      `Unknown code: it is not in the catalogue. The value in the file: “tonåring”. Valid values: ${ageGroups.join(", ")}.`,
    );
    const sip = defaultProcessModels.find((p) => p.code === "sip");
    const steps = sip?.steps.map((s) => s.number).join(", ");
    expect(report.groups.find((g) => g.code === "stepNotInProcess")).toMatchObject({
      file: "events.csv",
      column: "step",
      value: "40",
      lines: [2],
      reason: `The step is not part of the case's process model. The value in the file: “40”. The case's process model sip has the steps ${steps}.`,
    });
  });

  it("names unknown units one group per code, from the checks across files", async () => {
    const join = (line: number, unit: string) =>
      anEvent({ occurred_at: `2024-03-0${line}`, type: "join", step: "", unit_code: unit });
    const report = await rejected({
      ...county(),
      events: [join(2, "okand_a"), join(3, "okand_b"), join(4, "okand_a")],
    });
    expect(report.groups.map((g) => [g.code, g.value, g.lines])).toEqual([
      ["unknownUnit", "okand_a", [2, 4]],
      ["unknownUnit", "okand_b", [3]],
    ]);
    expect(report.errors.map((e) => e.value)).toEqual(["okand_a", "okand_b", "okand_a"]);
  });

  it("never repeats a value that screening reads as a personnummer, however it is written", async () => {
    const written = [
      personnummer,
      "121212-1212",
      "１９１２１２１２－１２１２",
      `enhet ${personnummer}`,
    ];
    const report = await rejected({
      ...county(),
      cases: written.map((value, i) =>
        aCase({ case_ref: `A-${i}`, target_group: value, municipality_code: value }),
      ),
      events: written.map((value) =>
        anEvent({ type: "join", step: "", unit_code: value, case_ref: value }),
      ),
    });
    expect(report.errorCount).toBeGreaterThanOrEqual(written.length * 4);
    expect(report.groups.every((g) => g.code === "identifier" && g.value === undefined)).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/1212|１２/);
  });

  it("keeps every error of a long report in its groups", async () => {
    const refs = Array.from({ length: 400 }, (_, i) => `ARENDE-${i + 1}`);
    const report = await rejected({
      ...county(refs),
      // Two bad dates, each on every other case; and every event of an unknown case.
      cases: refs.map((ref, i) => aCase({ case_ref: ref, opened_on: `2024-02-${30 + (i % 2)}` })),
      events: refs.map((ref) => anEvent({ case_ref: `X-${ref}` })),
    });
    expect(report.errorCount).toBe(800);
    expect(report.errors).toHaveLength(100);
    const listed = report.groups.flatMap((g) => g.lines.map((line) => `${g.file}:${line}`));
    expect(new Set(listed).size).toBe(800);
    expect(report.groups.reduce((n, g) => n + g.count, 0)).toBe(800);
    expect(report.groups.map((g) => [g.file, g.value, g.count])).toEqual([
      ["cases.csv", "2024-02-30", 200],
      ["cases.csv", "2024-02-31", 200],
      ["events.csv", undefined, 400],
    ]);
  });
});
