import { describe, expect, it } from "vitest";
import { ImportErrors, maxErrorGroups, maxReportedErrors, validCodes } from "./errors";

/** Skatteverket's test personnummer: Luhn-valid, so screening must catch it. */
const personnummer = "19121212-1212";

describe("ImportErrors", () => {
  it("groups errors of the same file, column, code and value, with every line in order", () => {
    const errors = new ImportErrors();
    const bad = { file: "cases", column: "municipality_code", code: "unknownCode" } as const;
    for (const line of [9, 2, 5]) errors.add({ ...bad, line, value: "9999" });
    errors.add({ ...bad, line: 3, value: "0000" });
    // Same value, another column: another group.
    errors.add({ ...bad, line: 4, column: "age_group", value: "9999" });
    errors.add({ file: "units", line: 7, column: "unit_code", code: "badCode", value: "a b" });

    expect(errors.count).toBe(6);
    expect(errors.groups().map((g) => [g.file, g.column, g.value, g.count, g.lines])).toEqual([
      ["units.csv", "unit_code", "a b", 1, [7]],
      ["cases.csv", "municipality_code", "9999", 3, [2, 5, 9]],
      ["cases.csv", "municipality_code", "0000", 1, [3]],
      ["cases.csv", "age_group", "9999", 1, [4]],
    ]);
  });

  it("names the value in the reason, and the valid codes, all of them when they are few", () => {
    const errors = new ImportErrors();
    errors.add({
      file: "cases",
      line: 2,
      column: "age_group",
      code: "unknownCode",
      value: "tonåring",
      allowed: ["barn", "vuxen", "aldre"],
    });
    const [group] = errors.groups();
    expect(group?.value).toBe("tonåring");
    expect(group?.reason).toBe(
      "Okänd kod: den finns inte i katalogen. Värdet i filen: ”tonåring”. Giltiga värden: barn, vuxen, aldre.",
    );
  });

  it("gives a few of many valid codes, how many there are and where to find them, in English too", () => {
    const many = Array.from({ length: 290 }, (_, i) => String(1000 + i));
    expect(validCodes(many, "sv")).toBe(
      "Giltiga värden är till exempel 1000, 1001, 1002, 1003, 1004; alla 290 finns i katalogen (GET /api/v1/catalogues).",
    );
    expect(validCodes(many, "en")).toBe(
      "Valid values include 1000, 1001, 1002, 1003, 1004; all 290 are in the catalogue (GET /api/v1/catalogues).",
    );
  });

  it("names a step's process and its steps", () => {
    const errors = new ImportErrors("en");
    errors.addLines(
      {
        file: "events",
        line: null,
        column: "step",
        code: "stepNotInProcess",
        value: "9",
        process: "sip",
        allowed: ["1", "2", "3"],
      },
      [4, 6],
    );
    expect(errors.groups()).toEqual([
      {
        file: "events.csv",
        column: "step",
        code: "stepNotInProcess",
        value: "9",
        count: 2,
        lines: [4, 6],
        reason:
          "The step is not part of the case's process model. The value in the file: “9”. The case's process model sip has the steps 1, 2, 3.",
      },
    ]);
  });

  it("never keeps a value that screening reads as a personnummer, whatever the error", () => {
    const errors = new ImportErrors();
    const written = [
      personnummer,
      `ref ${personnummer}`,
      "１９１２１２１２-１２１２",
      "191212\u200b121212",
    ];
    for (const [i, value] of written.entries()) {
      errors.add({ file: "events", line: i + 2, column: "unit_code", code: "unknownUnit", value });
    }
    // An identifier error drops even a value that would pass (the column held one elsewhere).
    errors.add({ file: "cases", line: 2, column: "case_ref", code: "identifier", value: "X" });
    const report = JSON.stringify({ groups: errors.groups(), errors: errors.list() });
    expect(report).not.toMatch(/1212|１２/);
    expect(errors.groups().every((g) => g.value === undefined)).toBe(true);
    // The unknown units without their value are one group: they cannot be told apart.
    expect(errors.groups().find((g) => g.code === "unknownUnit")?.count).toBe(4);
  });

  it("cuts a long value as error messages do", () => {
    const errors = new ImportErrors();
    errors.add({
      file: "events",
      line: 2,
      column: "value",
      code: "tooLong",
      value: "x".repeat(600),
    });
    expect(errors.groups()[0]?.value).toBe(`${"x".repeat(63)}…`);
  });

  it("lists only the first errors in file order, but keeps every line in the groups", () => {
    const errors = new ImportErrors();
    const lines = Array.from({ length: 250 }, (_, i) => i + 2);
    errors.addLines({ file: "events", line: null, column: "case_ref", code: "unknownCase" }, lines);
    errors.add({ file: "units", line: 5, column: "unit_code", code: "required" });
    const list = errors.list();
    expect(list).toHaveLength(maxReportedErrors);
    expect(list[0]).toMatchObject({ file: "units.csv", line: 5 });
    expect(list[1]).toMatchObject({ file: "events.csv", line: 2 });
    expect(errors.count).toBe(251);
    expect(errors.groups().reduce((n, g) => n + g.lines.length, 0)).toBe(251);
  });

  it("keeps a bounded number of groups: further values join one group without a value", () => {
    const errors = new ImportErrors();
    const n = maxErrorGroups + 5;
    for (let i = 0; i < n; i++) {
      errors.add({
        file: "cases",
        line: i + 2,
        column: "opened_on",
        code: "badDate",
        value: `d${i}`,
      });
    }
    const groups = errors.groups();
    expect(groups).toHaveLength(maxErrorGroups + 1);
    const rest = groups.find((g) => g.value === undefined);
    expect(rest?.count).toBe(5);
    expect(rest?.reason).not.toMatch(/Värdet/);
    expect(errors.count).toBe(n);
  });
});
