import { describe, expect, it } from "vitest";
import type { QuarterFollowUp } from "../../api/forums";
import { actionBody, checkAction, emptyAction } from "./AddAction";
import { effectFigure, effectMarks, marksIn, metText } from "./effect";
import { checkForum } from "./Forums";
import {
  actionOrigin,
  agreementsForUnits,
  daysOverdue,
  defaultFollowUpRange,
  followUpSummary,
  mayWriteMeetings,
  meetingTitle,
  mostOverdueFirst,
  namesOf,
  nextMeeting,
  organisationList,
  quarterName,
  quarterPoints,
  signalFigure,
  signalKey,
  signalKindName,
  signalsOnAgenda,
} from "./forums";
import { anAction, anEffect, aSignal, catalogues } from "./testing";

describe("who may hold a forum's meetings", () => {
  const forum = { members: ["K0182", "REG"] };

  it("is lan, admin and ledning of a member; not ledning of another, nor samordnare", () => {
    expect(mayWriteMeetings({ role: "lan", orgs: [] }, forum)).toBe(true);
    expect(mayWriteMeetings({ role: "admin", orgs: [] }, forum)).toBe(true);
    expect(mayWriteMeetings({ role: "ledning", orgs: ["K0180", "REG"] }, forum)).toBe(true);
    expect(mayWriteMeetings({ role: "ledning", orgs: ["K0180"] }, forum)).toBe(false);
    expect(mayWriteMeetings({ role: "samordnare", orgs: ["K0182"] }, forum)).toBe(false);
  });
});

describe("the next meeting", () => {
  const m = (date: string, status: "planned" | "held" | "justerat" = "planned") => ({
    date,
    status,
  });

  it("is the earliest from today on whose protocol is not yet justerat", () => {
    const meetings = [m("2025-09-01"), m("2025-06-10"), m("2025-06-01", "held"), m("2025-05-01")];
    expect(nextMeeting(meetings, "2025-06-05")).toEqual(m("2025-06-10"));
    expect(nextMeeting(meetings, "2025-06-01")).toEqual(m("2025-06-01", "held"));
    expect(nextMeeting([m("2025-06-10", "justerat")], "2025-06-10")).toBeNull();
    expect(nextMeeting(meetings, "2025-10-01")).toBeNull();
  });

  it("is never one before today, whatever the order given", () => {
    const dates = ["2025-01-01", "2025-03-01", "2025-05-01", "2025-07-01", "2025-09-01"];
    for (const today of dates) {
      for (const order of [dates, [...dates].reverse()]) {
        const next = nextMeeting(
          order.map((d) => m(d)),
          today,
        );
        expect(next?.date).toBe(today);
      }
    }
  });

  it("names a meeting by its title, or by its date without one", () => {
    expect(meetingTitle({ title: "Juni", date: "2025-06-10" })).toBe("Juni");
    expect(meetingTitle({ title: null, date: "2025-06-10" })).toBe("Möte 2025-06-10");
    expect(meetingTitle({ title: "  ", date: "2025-06-10" })).toBe("Möte 2025-06-10");
  });
});

describe("actions followed up", () => {
  it("counts whole days past the due date, none before it", () => {
    expect(daysOverdue("2025-04-30", "2025-06-10")).toBe(41);
    expect(daysOverdue("2025-06-10", "2025-06-10")).toBe(0);
    expect(daysOverdue("2025-07-01", "2025-06-10")).toBe(0);
    // Across the change to summer time the days stay whole.
    expect(daysOverdue("2025-03-29", "2025-03-31")).toBe(2);
  });

  it("lists the most overdue first, then by due date and title", () => {
    const a = (title: string, dueOn: string, days: number) => ({ title, dueOn, daysOverdue: days });
    const sorted = mostOverdueFirst([
      a("Ö", "2025-05-01", 0),
      a("B", "2025-03-01", 40),
      a("A", "2025-03-01", 40),
      a("C", "2025-04-01", 10),
    ]);
    expect(sorted.map((x) => x.title)).toEqual(["A", "B", "C", "Ö"]);
  });

  it("says where an action came from: the meeting it was carried over from, or an evaluation", () => {
    expect(actionOrigin(anAction())).toBe("Överförd från mötet 2025-03-01");
    expect(actionOrigin(anAction({ source: { kind: "evaluation", evaluationId: "ev1" } }))).toBe(
      "Från en utvärdering",
    );
  });
});

describe("a signal's figure", () => {
  it("gives stuck cases with their unit, the median over target and the day read", () => {
    expect(signalFigure(aSignal(), catalogues)).toEqual({
      amount: { withheld: false, text: "14 ärenden" },
      details: ["median 12 dagar över målet", "per 2025-06-10"],
    });
  });

  it("keeps a withheld count withheld, never a number in its place", () => {
    const withheld = aSignal({
      figure: {
        value: null,
        suppressed: true,
        unit: "cases",
        medianDaysOver: null,
        asOf: "2025-06-10",
      },
    });
    expect(signalFigure(withheld, catalogues).amount).toEqual({ withheld: true, unit: "ärenden" });
  });

  it("gives an indicator off target its unit: from the figure, else from the indicator's definition", () => {
    const signal = aSignal({
      kind: "indicator_off_target",
      ref: "i1",
      figure: {
        value: 13.5,
        suppressed: false,
        target: 7,
        direction: "at_most",
        asOf: "2025-06-10",
      },
      link: "/overenskommelser/a1",
    });
    expect(signalFigure(signal, catalogues, new Map([["i1", "days"]]))).toEqual({
      amount: { withheld: false, text: "13,5 dagar" },
      details: ["mål: högst 7 dagar", "per 2025-06-10"],
    });
    // While the definitions load: the number alone, never a wrong unit.
    expect(signalFigure(signal, catalogues).amount).toEqual({ withheld: false, text: "13,5" });
    expect(agreementsForUnits([signal, signal, aSignal()])).toEqual(["a1"]);
    const withUnit = { ...signal, figure: { ...signal.figure, unit: "cases" } };
    expect(signalFigure(withUnit, catalogues).amount).toEqual({
      withheld: false,
      text: "13,5 ärenden",
    });
    expect(agreementsForUnits([withUnit])).toEqual([]);
  });

  it("names an overdue action's owner and a deviation's section, not their codes", () => {
    const overdue = aSignal({
      kind: "overdue_action",
      ref: "a1",
      figure: { daysOverdue: 41, dueOn: "2025-04-30", owner: "REG" },
      link: "/ledningsforum/f1#atgard-a1",
    });
    expect(signalFigure(overdue, catalogues)).toEqual({
      amount: { withheld: false, text: "41 dagar försenad" },
      details: ["sista dag 2025-04-30", "ansvarig: Region Stockholm"],
    });
    const deviation = aSignal({
      kind: "deviation",
      ref: "d1",
      figure: { kind: "tvist", section: "ansvarsfordelning", occurredOn: "2025-06-01" },
    });
    expect(signalFigure(deviation, catalogues)).toEqual({
      amount: { withheld: false, text: "Tvist" },
      details: ["avsnitt Ansvarsfördelning", "inträffade 2025-06-01"],
    });
  });

  it("says a review's days left or late, and an escalation's level by name", () => {
    const review = (daysLeft: number) =>
      aSignal({
        kind: "review_due",
        figure: { reviewBy: "2025-11-30", daysLeft, status: "active" },
      });
    expect(signalFigure(review(10), catalogues).amount).toEqual({
      withheld: false,
      text: "10 dagar kvar",
    });
    expect(signalFigure(review(-3), catalogues).amount).toEqual({
      withheld: false,
      text: "3 dagar försenad",
    });
    const escalation = aSignal({
      kind: "open_escalation",
      figure: { level: 3, daysOpen: 45, openedOn: "2025-04-26" },
    });
    expect(signalFigure(escalation, catalogues)).toEqual({
      amount: { withheld: false, text: "öppen i 45 dagar" },
      details: ["Nivå 3 – Förvaltningschef eller ledningsforum", "sedan 2025-04-26"],
    });
  });

  it("gives a recurring improvement theme its notes (withheld when few) and its sessions", () => {
    const theme = (items: number | null) =>
      aSignal({
        kind: "improvement_theme",
        ref: "kommunikation",
        figure: { sessions: 3, items, since: "2025-01-10" },
        link: "/utvardering/teman?theme=kommunikation",
      });
    expect(signalFigure(theme(7), catalogues)).toEqual({
      amount: { withheld: false, text: "7 förbättringsförslag" },
      details: ["i 3 utvärderingar", "sedan 2025-01-10"],
    });
    expect(signalFigure(theme(null), catalogues).amount).toEqual({
      withheld: true,
      unit: "förbättringsförslag",
    });
  });

  it("names every kind in words, and knows a picked signal by kind and ref", () => {
    expect(signalKindName("stuck_cases")).toBe("Fastnade ärenden");
    expect(signalKindName("improvement_theme")).toBe("Återkommande förbättringsområde");
    expect(signalKindName("something_new")).toBe("");
    const agenda = [
      {
        id: "x",
        meetingId: "m",
        position: 1,
        title: "T",
        signal: { kind: "stuck_cases" as const, ref: "sip:3" },
      },
      { id: "y", meetingId: "m", position: 2, title: "Övrigt", signal: null },
    ];
    expect(signalsOnAgenda(agenda)).toEqual(new Set([signalKey(aSignal())]));
    expect(signalKey({ kind: "stuck_cases", ref: "sip:4" })).not.toBe(signalKey(aSignal()));
  });
});

describe("the protocol's names", () => {
  it("takes one name per line, trimmed, each once, blank lines dropped", () => {
    expect(namesOf(" Karin Lund \n\nJohan Berg\r\nKarin Lund\n")).toEqual([
      "Karin Lund",
      "Johan Berg",
    ]);
    expect(namesOf("")).toEqual([]);
  });

  it("lists organisations by name in Swedish order", () => {
    expect(organisationList(catalogues, ["REG", "K0182", "K0180"])).toBe(
      "Nacka kommun, Region Stockholm, Stockholms stad",
    );
  });
});

describe("the follow-up per quarter", () => {
  const quarter = (q: string, changes: Partial<QuarterFollowUp> = {}): QuarterFollowUp => ({
    quarter: q,
    from: "2025-01-01",
    to: "2025-03-31",
    created: 3,
    done: 2,
    overdue: 1,
    due: 2,
    doneOnTime: 1,
    completionRate: 0.5,
    medianDaysToDone: 20,
    ...changes,
  });

  it("names quarters in words", () => {
    expect(quarterName("2026-Q1")).toBe("Kvartal 1 2026");
    expect(quarterName("2026-Q5")).toBe("2026-Q5");
  });

  it("reads by default this quarter and the three before it, up to today", () => {
    expect(defaultFollowUpRange("2026-05-17")).toEqual({ from: "2025-07-01", to: "2026-05-17" });
    expect(defaultFollowUpRange("2026-01-01")).toEqual({ from: "2025-04-01", to: "2026-01-01" });
    expect(defaultFollowUpRange("2026-12-31")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("charts only quarters that have the figure: none is no zero and no withheld value", () => {
    const points = quarterPoints(
      [
        quarter("2025-Q1"),
        quarter("2025-Q2", { completionRate: null }),
        quarter("2025-Q3", { completionRate: 1 }),
      ],
      (q) => (q.completionRate === null ? null : q.completionRate * 100),
    );
    expect(points).toEqual([
      { label: "Kvartal 1 2025", value: 50 },
      { label: "Kvartal 3 2025", value: 100 },
    ]);
  });

  it("says the whole period, the share and the median only when there is one", () => {
    expect(followUpSummary(quarter("total"))).toBe(
      "Hela perioden: 3 åtgärder beslutade, 2 klara och 1 försenade. Av de 2 som skulle vara klara blev 50\u00a0% klara i tid. Från beslut till klar tog det i median 20 dagar.",
    );
    expect(
      followUpSummary(quarter("total", { due: 0, completionRate: null, medianDaysToDone: null })),
    ).toBe(
      "Hela perioden: 3 åtgärder beslutade, 2 klara och 1 försenade. Ingen åtgärd skulle vara klar under perioden.",
    );
  });
});

describe("the forum and action forms", () => {
  it("checks a forum before sending: a name, two members, a chair among them", () => {
    expect(
      Object.keys(checkForum({ name: " ", level: "lan", members: ["REG"], chair: "K0182" })),
    ).toEqual(["name", "members", "chair"]);
    expect(
      checkForum({ name: "Forum", level: "lan", members: ["REG", "K0182"], chair: "REG" }),
    ).toEqual({});
  });

  it("checks an action: a title, an owner among the members, a date, an indicator once an agreement is chosen", () => {
    const members = ["K0182", "REG"];
    expect(Object.keys(checkAction(emptyAction, members))).toEqual(["title", "owner", "dueOn"]);
    const draft = { ...emptyAction, title: "Mall", owner: "REG", dueOn: "2025-07-01" };
    expect(checkAction(draft, members)).toEqual({});
    expect(checkAction({ ...draft, owner: "K0180" }, members)).toHaveProperty("owner");
    expect(checkAction({ ...draft, dueOn: "2025-02-30" }, members)).toHaveProperty("dueOn");
    expect(checkAction({ ...draft, agreementId: "a1" }, members)).toHaveProperty("link");
  });

  it("sends an indicator link only when one is chosen", () => {
    const draft = { ...emptyAction, title: " Mall ", owner: "REG", dueOn: "2025-07-01" };
    expect(actionBody(draft)).toEqual({ title: "Mall", owner: "REG", dueOn: "2025-07-01" });
    expect(actionBody({ ...draft, agreementId: "a1", indicatorId: "i1" })).toEqual({
      title: "Mall",
      owner: "REG",
      dueOn: "2025-07-01",
      link: { kind: "indicator", indicatorId: "i1" },
    });
  });
});

describe("did it work", () => {
  it("names an indicator by its name, a metric's figure in words, each with its unit", () => {
    expect(effectFigure(anEffect(), "indicator")).toEqual({
      name: "SIP upprättad",
      unit: "ärenden",
    });
    expect(effectFigure(anEffect({ name: "median", figure: "median" }), "metric")).toEqual({
      name: "Median ledtid",
      unit: "dagar",
    });
  });

  it("marks the months of the decision and of the day it was done", () => {
    const marks = effectMarks(anEffect());
    expect(marks).toEqual([
      { month: "2025-03", label: "Beslut 2025-03-01" },
      { month: "2025-05", label: "Klar 2025-05-20" },
    ]);
    expect(marksIn("2025-05", marks)).toBe("Klar 2025-05-20");
    expect(marksIn("2025-04", marks)).toBe("");
    expect(effectMarks(anEffect({ done: null }))).toHaveLength(1);
  });

  it("never judges a withheld value against the target", () => {
    expect(metText({ value: null, suppressed: true, met: null }, true)).toBe("Okänt");
    expect(metText({ value: 12, suppressed: false, met: true }, true)).toBe("Nås");
    expect(metText({ value: 8, suppressed: false, met: false }, true)).toBe("Nås inte");
    expect(metText({ value: 8, suppressed: false, met: null }, false)).toBe("Inget mål");
  });
});
