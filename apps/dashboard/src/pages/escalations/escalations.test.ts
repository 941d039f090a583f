import { describe, expect, it } from "vitest";
import type { EscalationCell } from "../../api/escalations";
import { anEscalation } from "../forums/testing";
import {
  aboutText,
  boardColumns,
  checkRaise,
  defaultMetricMonths,
  emptyRaise,
  isWithheld,
  levelName,
  mayAct,
  metricPeriod,
  metricRows,
  raiseBody,
  raiseKind,
  resolvedList,
} from "./escalations";

describe("the board", () => {
  it("puts each open escalation in its level's column, the longest open first", () => {
    const columns = boardColumns([
      anEscalation({ id: "a", level: 1, ageDays: 3 }),
      anEscalation({ id: "b", level: 2, ageDays: 9 }),
      anEscalation({ id: "c", level: 1, ageDays: 30 }),
      anEscalation({ id: "d", level: 3, status: "resolved", resolvedOn: "2025-06-01" }),
    ]);
    expect(columns.map((c) => [c.level, c.escalations.map((e) => e.id)])).toEqual([
      [1, ["c", "a"]],
      [2, ["b"]],
      [3, []],
    ]);
  });

  it("shows every escalation once, open in a column or resolved below", () => {
    const all = [1, 2, 3].flatMap((level) => [
      anEscalation({ id: `o${level}`, level }),
      anEscalation({ id: `r${level}`, level, status: "resolved", resolvedOn: `2025-0${level}-01` }),
    ]);
    const shown = [
      ...boardColumns(all).flatMap((c) => c.escalations.map((e) => e.id)),
      ...resolvedList(all).map((e) => e.id),
    ];
    expect(shown.sort()).toEqual(all.map((e) => e.id).sort());
    expect(resolvedList(all).map((e) => e.id)).toEqual(["r3", "r2", "r1"]);
  });

  it("names the levels as SPEC does", () => {
    expect([1, 2, 3].map(levelName)).toEqual([
      "Nivå 1 – Enhetschef",
      "Nivå 2 – Verksamhetschef",
      "Nivå 3 – Förvaltningschef eller ledningsforum",
    ]);
  });

  it("says what it is about: a case by number, a routine by its agreement's title and section", () => {
    const titles = new Map([["ag1", "Missbruk i Nacka"]]);
    expect(aboutText(anEscalation({ about: { kind: "case", caseId: 42 } }), titles)).toBe(
      "Gäller ärende 42",
    );
    expect(
      aboutText(
        anEscalation({ about: { kind: "routine", agreementId: "ag1", section: "sip" } }),
        titles,
      ),
    ).toBe("Gäller rutinen i ”Missbruk i Nacka”, avsnitt SIP");
    expect(aboutText(anEscalation({ about: { kind: "routine" } }), titles)).toBe("Gäller en rutin");
  });
});

describe("who raises, lifts and resolves", () => {
  it("lets samordnare raise about a case, the leaders about a routine", () => {
    expect(raiseKind("samordnare")).toBe("case");
    expect(["ledning", "lan", "admin"].map(raiseKind)).toEqual(["routine", "routine", "routine"]);
    expect(raiseKind("anonymous")).toBeNull();
  });

  it("offers lift and resolve to lan, admin, ledning involved, samordnare on a case; never once resolved", () => {
    const routine = anEscalation();
    expect(mayAct({ role: "lan", orgs: [] }, routine)).toBe(true);
    expect(mayAct({ role: "ledning", orgs: ["REG"] }, routine)).toBe(true);
    expect(mayAct({ role: "ledning", orgs: ["K0180"] }, routine)).toBe(false);
    expect(mayAct({ role: "samordnare", orgs: ["REG"] }, routine)).toBe(false);
    const aboutCase = anEscalation({ about: { kind: "case", caseId: 7 } });
    expect(mayAct({ role: "samordnare", orgs: ["REG"] }, aboutCase)).toBe(true);
    expect(mayAct({ role: "admin", orgs: [] }, { ...routine, status: "resolved" })).toBe(false);
  });
});

describe("the raise form", () => {
  it("checks what the API would refuse before sending, by the API's paths", () => {
    expect(Object.keys(checkRaise(emptyRaise, "case")).sort()).toEqual([
      "about.caseId",
      "organisations",
      "question",
    ]);
    expect(checkRaise({ ...emptyRaise, caseId: "12a" }, "case")).toHaveProperty("about.caseId");
    expect(Object.keys(checkRaise(emptyRaise, "routine"))).not.toContain("about.caseId");
    expect(
      checkRaise({ ...emptyRaise, organisations: ["REG", "REG"], question: "Vem?" }, "routine"),
    ).toHaveProperty("organisations");
  });

  it("sends a case by its number, a routine with only what was chosen", () => {
    const draft = { ...emptyRaise, organisations: ["REG", "K0182", "REG"], question: " Vem? " };
    expect(raiseBody({ ...draft, caseId: " 42 " }, "case")).toEqual({
      about: { kind: "case", caseId: 42 },
      organisations: ["REG", "K0182"],
      question: "Vem?",
    });
    expect(raiseBody({ ...draft, section: "sip" }, "routine")).toEqual({
      about: { kind: "routine", section: "sip" },
      organisations: ["REG", "K0182"],
      question: "Vem?",
    });
  });
});

describe("the metric", () => {
  const cell = (changes: Partial<EscalationCell>): EscalationCell => ({
    open: 6,
    resolved: 8,
    medianDaysToResolution: 12,
    suppressed: false,
    withheld: [],
    ...changes,
  });

  it("has a row for every level, the empty ones at zero, then the total", () => {
    const rows = metricRows([cell({ level: 2 })], cell({}));
    expect(rows.map((r) => [r.label, r.cell.open])).toEqual([
      ["Nivå 1 – Enhetschef", 0],
      ["Nivå 2 – Verksamhetschef", 6],
      ["Nivå 3 – Förvaltningschef eller ledningsforum", 0],
      ["Totalt", 6],
    ]);
    expect(rows.map((r) => r.shortLabel)).toEqual([
      "1 Enhetschef",
      "2 Verksamhetschef",
      "3 Förvaltningschef eller ledningsforum",
      "Totalt",
    ]);
  });

  it("tells a withheld number from a median there is none of", () => {
    const withheld = cell({
      open: null,
      medianDaysToResolution: null,
      suppressed: true,
      withheld: ["open", "medianDaysToResolution"],
    });
    expect(isWithheld(withheld, "open")).toBe(true);
    expect(isWithheld(withheld, "resolved")).toBe(false);
    expect(isWithheld(withheld, "medianDaysToResolution")).toBe(true);
    // Nothing resolved: no median to give, and none withheld.
    expect(
      isWithheld(cell({ resolved: 0, medianDaysToResolution: null }), "medianDaysToResolution"),
    ).toBe(false);
  });

  it("asks for whole months: the first day of the first to the last day of the last", () => {
    expect(defaultMetricMonths("2026-03-17")).toEqual({ from: "2025-04", to: "2026-03" });
    expect(metricPeriod({ from: "2025-04", to: "2026-02" })).toEqual({
      from: "2025-04-01",
      to: "2026-02-28",
    });
  });
});
