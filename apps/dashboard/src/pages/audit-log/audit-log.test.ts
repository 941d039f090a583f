import { describe, expect, it } from "vitest";
import type { Catalogues } from "../../api/types";
import { parseSearch, stringifySearch } from "../../lib/search";
import {
  type AuditRow,
  actionName,
  actionOptions,
  auditFilter,
  auditRowTexts,
  auditSearch,
  describeObject,
  describeSelection,
  formatAuditTime,
  readAuditSelection,
  validateAuditSearch,
} from "./audit-log";

const selectionOf = (query: string) => readAuditSelection(validateAuditSearch(parseSearch(query)));

function row(overrides: Partial<AuditRow>): AuditRow {
  return {
    id: 1,
    at: "2026-12-03T19:40:12.000Z",
    actor: "dev-admin",
    role: "admin",
    action: "audit.read",
    objectType: "audit_log",
    objectId: null,
    outcome: "ok",
    ...overrides,
  };
}

const catalogues = {
  units: [{ code: "K0182-BEROENDE", name: "Beroendeenheten", organisation: "K0182" }],
  organisations: [
    { code: "K0182", name: "Nacka kommun", principalType: "kommun", municipality: "0182" },
  ],
} as unknown as Catalogues;

describe("the audit selection in the URL", () => {
  it("reads the page's own parameters and writes them back the same", () => {
    const search =
      "?actor=lena&action=audit.read&objectType=metric&fromDay=2026-12-01&toDay=2026-12-03&rows=100";
    const selection = selectionOf(search);
    expect(selection).toEqual({
      actor: "lena",
      action: "audit.read",
      objectType: "metric",
      from: "2026-12-01",
      to: "2026-12-03",
      pageSize: 100,
    });
    expect(stringifySearch(auditSearch(selection))).toBe(search);
  });

  it("drops the shared filter bar's parameters, half-typed days and page sizes not offered", () => {
    const selection = selectionOf("from=2026-01&municipality=0181&fromDay=2026-12&rows=7");
    expect(stringifySearch(auditSearch(selection))).toBe("");
    expect(selection.pageSize).toBe(50);
  });

  it("asks the API with its own parameter names, the unset ones left out", () => {
    const selection = selectionOf("actor=lars&toDay=2026-12-03");
    expect(auditFilter(selection)).toEqual({ actor: "lars", to: "2026-12-03" });
  });

  it("says the selection in words, the action by its name", () => {
    expect(describeSelection(selectionOf(""))).toBe("hela loggen");
    expect(describeSelection(selectionOf("actor=lena&action=audit.export"))).toBe(
      "Användare: lena; Händelse: Exporterade granskningsloggen",
    );
  });
});

describe("the log's codes in words", () => {
  it("names actions, and leaves an action it does not know as its code", () => {
    expect(actionName("metric.read")).toBe("Läste ett nyckeltal");
    expect(actionName("something.new")).toBe("something.new");
    expect(actionOptions().map((o) => o.code)).toContain("import.commit");
  });

  it("names the object: a metric by its page, a unit by the catalogue, a case by its id", () => {
    expect(
      describeObject(
        row({ objectType: "metric", objectId: "/api/v1/metrics/lead-times" }),
        undefined,
      ),
    ).toBe("Nyckeltal: Ledtider");
    expect(
      describeObject(row({ objectType: "unit", objectId: "K0182-BEROENDE" }), catalogues),
    ).toBe("Enhet Beroendeenheten, Nacka kommun");
    expect(describeObject(row({ objectType: "case", objectId: "42" }), catalogues)).toBe(
      "Ärende 42",
    );
    expect(describeObject(row({ objectType: "import", objectId: null }), catalogues)).toBe(
      "Import",
    );
  });

  it("shows a row in Swedish: Stockholm time, role and outcome by name", () => {
    expect(formatAuditTime("2026-07-01T10:00:00.000Z")).toBe("2026-07-01 12:00:00");
    expect(auditRowTexts(row({ role: "lan", outcome: "denied" }), catalogues)).toEqual({
      at: "2026-12-03 20:40:12",
      actor: "dev-admin",
      role: "Länsgrupp",
      action: "Läste granskningsloggen",
      object: "Granskningsloggen",
      outcome: "Nekad (saknar behörighet)",
    });
  });
});
