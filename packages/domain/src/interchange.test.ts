import { describe, expect, it } from "vitest";
import {
  caseRowSchema,
  catalogueOf,
  defaultInterchangeCatalogue,
  eventRowSchema,
  type RowIssue,
  rowIssues,
  unitRowSchema,
} from "./interchange";
import { startOfStockholmDay } from "./time";

const unitRow = {
  unit_code: "rs_psykiatri",
  unit_name: "Psykiatrisk öppenvård",
  organisation_code: "region_stockholm",
  organisation_name: "Region Stockholm",
  principal_type: "region",
  municipality_code: "",
};

const caseRow = {
  case_ref: "A-1",
  process: "sip",
  target_group: "missbruk_beroende",
  age_group: "barn",
  municipality_code: "0182",
  opened_on: "2024-02-29",
  initiating_unit: "rs_psykiatri",
};

const eventRow = {
  case_ref: "A-1",
  occurred_at: "2024-03-31",
  type: "step",
  step: "2",
  unit_code: "",
  value: "",
};

function issuesOf(result: {
  success: boolean;
  error?: Parameters<typeof rowIssues>[0];
}): RowIssue[] {
  return result.error ? rowIssues(result.error) : [];
}

describe("unit rows", () => {
  const schema = unitRowSchema(defaultInterchangeCatalogue);

  it("parses a region unit without municipality", () => {
    expect(schema.parse(unitRow)).toMatchObject({
      principalType: "region",
      municipalityCode: null,
    });
  });

  it("requires a municipality for kommun and skola", () => {
    const issues = issuesOf(schema.safeParse({ ...unitRow, principal_type: "skola" }));
    expect(issues).toEqual([{ column: "municipality_code", code: "required", params: {} }]);
  });

  it("names the limit of a value that is too long", () => {
    const issues = issuesOf(schema.safeParse({ ...unitRow, unit_name: "x".repeat(201) }));
    expect(issues).toEqual([
      { column: "unit_name", code: "tooLong", params: { max: 200 }, value: "x".repeat(201) },
    ]);
  });

  it("reports every rejected column of a row", () => {
    const issues = issuesOf(
      schema.safeParse({ ...unitRow, unit_code: "a b", principal_type: "kyrka", unit_name: " " }),
    );
    expect(issues.map((i) => [i.column, i.code])).toEqual([
      ["principal_type", "unknownCode"],
      ["unit_code", "badCode"],
      ["unit_name", "required"],
    ]);
  });
});

describe("case rows", () => {
  it("names the kommunkod a 3-digit code lost its leading zero from, and only that", () => {
    const schema = caseRowSchema(defaultInterchangeCatalogue);
    expect(issuesOf(schema.safeParse({ ...caseRow, municipality_code: "182" }))).toEqual([
      {
        column: "municipality_code",
        code: "missingLeadingZero",
        params: { code: "0182" },
        value: "182",
      },
    ]);
    const unknown = issuesOf(schema.safeParse({ ...caseRow, municipality_code: "999" }));
    expect(unknown.map((i) => [i.code, i.value])).toEqual([["unknownCode", "999"]]);
  });

  it("refuses any column holding U+FFFD, the mark of text lost before the file came", () => {
    const schema = caseRowSchema(defaultInterchangeCatalogue);
    const lost = { ...caseRow, case_ref: "A-\uFFFD", target_group: "missbruk_beroende\uFFFD" };
    expect(issuesOf(schema.safeParse(lost)).map((i) => [i.column, i.code])).toEqual([
      ["case_ref", "replacementCharacter"],
      ["target_group", "replacementCharacter"],
    ]);
  });

  it("checks codes against the stored catalogue, not the defaults", () => {
    const edited = catalogueOf([{ code: "lokal_process", steps: [{ number: 1 }] }], [], []);
    const schema = caseRowSchema(edited);
    const issues = issuesOf(schema.safeParse({ ...caseRow, process: "lokal_process" }));
    expect(issues.map((i) => i.column)).toEqual(["target_group", "municipality_code"]);
  });

  it("accepts a leap day and rejects a day that does not exist", () => {
    const schema = caseRowSchema(defaultInterchangeCatalogue);
    expect(schema.parse(caseRow).openedOn).toBe("2024-02-29");
    const issues = issuesOf(schema.safeParse({ ...caseRow, opened_on: "2023-02-29" }));
    expect(issues).toEqual([
      { column: "opened_on", code: "badDate", params: {}, value: "2023-02-29" },
    ]);
  });

  it("rejects a ref holding a personnummer and never carries the value", () => {
    const schema = caseRowSchema(defaultInterchangeCatalogue);
    const result = schema.safeParse({ ...caseRow, case_ref: "x 811218-9876 y" });
    expect(issuesOf(result)).toEqual([{ column: "case_ref", code: "identifier", params: {} }]);
    expect(JSON.stringify(result.error?.issues)).not.toContain("811218");
  });
});

describe("event rows", () => {
  const schema = eventRowSchema();

  it("reads a date-only instant as 00:00 in Stockholm, on the day DST starts too", () => {
    expect(schema.parse(eventRow)).toEqual({
      caseRef: "A-1",
      occurredAt: startOfStockholmDay("2024-03-31"),
      type: "step",
      step: 2,
      unitCode: null,
      value: null,
    });
  });

  it.each([
    [{ type: "lead", step: "", unit_code: "" }, "unit_code", "required"],
    [{ type: "join", step: "1", unit_code: "u" }, "step", "mustBeEmpty"],
    [{ type: "participation", step: "3", value: "kanske" }, "value", "badValue"],
    [{ type: "sip", step: "", value: "" }, "value", "required"],
    [{ type: "reopen", step: "", value: "nu" }, "value", "mustBeEmpty"],
    [{ type: "step", step: "0" }, "step", "badStep"],
    [{ occurred_at: "2024-03-31T24:00" }, "occurred_at", "badTimestamp"],
  ])("rejects %o in %s as %s", (override, column, code) => {
    const issues = issuesOf(schema.safeParse({ ...eventRow, ...override }));
    expect(issues).toContainEqual(expect.objectContaining({ column, code }));
  });

  it("accepts each type with its own columns", () => {
    const rows = [
      { type: "lead", step: "", unit_code: "u1" },
      { type: "consent", step: "", value: "withdrawn" },
      { type: "participation", step: "5", value: "yes" },
      { type: "close", step: "", value: "Flyttat, 3 månader" },
      { type: "reopen", step: "" },
    ];
    for (const row of rows) expect(schema.safeParse({ ...eventRow, ...row }).success).toBe(true);
  });
});
