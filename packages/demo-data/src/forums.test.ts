import { describe, expect, it } from "vitest";
import { buildDemoCounty } from "./county";
import { demoEscalations, demoForums } from "./forums";
import { DEFAULT_DEMO_AS_OF } from "./generate-demo-county";
import { demoRegister } from "./register";

const asOf = DEFAULT_DEMO_AS_OF;

describe("the demo forums", () => {
  const forums = demoForums(asOf);

  it("are a länsnivå forum and two local ones, the same for the same seed", () => {
    expect(forums.map((f) => f.level)).toEqual(["lan", "lokal", "lokal"]);
    expect(demoForums(asOf)).toEqual(forums);
    for (const forum of forums) expect(forum.members).toContain(forum.chair);
  });

  it("name only organisations of the demo county", () => {
    const known = new Set(buildDemoCounty().units.map((u) => u.organisationCode));
    for (const forum of forums) {
      for (const member of forum.members) expect(known.has(member)).toBe(true);
      for (const meeting of forum.meetings)
        for (const action of meeting.actions) expect(forum.members).toContain(action.owner);
    }
    for (const escalation of demoEscalations(asOf))
      for (const organisation of escalation.organisations)
        expect(known.has(organisation)).toBe(true);
  });

  it("hold a year of meetings: justerat, the last one held, the next one planned", () => {
    for (const { meetings } of forums) {
      expect(meetings.length).toBeGreaterThanOrEqual(12);
      const statuses = meetings.map((m) => m.status);
      expect(statuses.at(-1)).toBe("planned");
      expect(statuses.at(-2)).toBe("held");
      expect(new Set(statuses.slice(0, -2))).toEqual(new Set(["justerat"]));
      const dates = meetings.map((m) => m.date);
      expect([...dates].sort()).toEqual(dates);
      expect(String(dates.at(-1)) > asOf).toBe(true);
      expect(String(dates.at(-2)) < asOf).toBe(true);
      for (const m of meetings.filter((m) => m.status === "justerat"))
        expect(m.justerare.length).toBeGreaterThan(0);
    }
  });

  it("have actions done, cancelled, open and overdue, some linked to the register's indicators", () => {
    const actions = forums.flatMap((f) => f.meetings.flatMap((m) => m.actions));
    expect(actions.some((a) => a.closed?.status === "done")).toBe(true);
    expect(actions.some((a) => a.closed?.status === "cancelled")).toBe(true);
    expect(actions.some((a) => a.closed === null && a.dueOn < asOf)).toBe(true);
    const register = demoRegister(asOf);
    const linked = actions.flatMap((a) => (a.link?.kind === "indicator" ? [a.link] : []));
    expect(linked.length).toBeGreaterThan(0);
    for (const link of linked) {
      const agreement = register.find((r) => r.title === link.agreementTitle);
      expect(agreement?.indicators.map((i) => i.name)).toContain(link.indicatorName);
    }
    for (const forum of forums)
      for (const meeting of forum.meetings)
        for (const action of meeting.actions)
          if (action.closed !== null) {
            expect(action.closed.on > meeting.date).toBe(true);
            expect(action.closed.on < asOf).toBe(true);
          }
  });
});

describe("the demo escalations", () => {
  const escalations = demoEscalations(asOf);

  it("reach all three levels, some resolved and some open at each level they stop at", () => {
    const levels = escalations.map((e) => 1 + e.lifts.length);
    expect(new Set(levels)).toEqual(new Set([1, 2, 3]));
    expect(escalations.some((e) => e.resolution === null && e.lifts.length === 2)).toBe(true);
    expect(escalations.some((e) => e.resolution !== null && e.lifts.length === 0)).toBe(true);
    expect(escalations.some((e) => e.about.kind === "case")).toBe(true);
  });

  it("happen in order, before asOf", () => {
    for (const e of escalations) {
      const days = [e.openedOn, ...e.lifts.map((l) => l.on)];
      if (e.resolution !== null) days.push(e.resolution.on);
      expect([...days].sort()).toEqual(days);
      expect(String(days.at(-1)) < asOf).toBe(true);
      expect(e.organisations.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("name agreements of the demo register", () => {
    const titles = demoRegister(asOf).map((a) => a.title);
    for (const { about } of escalations)
      if (about.kind === "routine" && about.agreementTitle !== undefined)
        expect(titles).toContain(about.agreementTitle);
  });
});
