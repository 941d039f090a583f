import {
  addDays,
  defaultProcessModels,
  evaluationThemes,
  monthsBefore,
  recurringImprovementThemes,
} from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import { buildDemoCounty } from "./county";
import { demoEvaluations, RECURRING_DEMO_THEME, SODERTALJE_FORUM } from "./evaluations";
import { demoForums } from "./forums";
import { DEFAULT_DEMO_AS_OF } from "./generate-demo-county";

const asOf = DEFAULT_DEMO_AS_OF;

describe("the demo evaluations", () => {
  const sessions = demoEvaluations(asOf);
  const past = sessions.filter((s) => s.phase === "closed");

  it("span two years up to asOf, the same for the same seed, one open in collect today", () => {
    expect(demoEvaluations(asOf)).toEqual(sessions);
    const days = sessions.map((s) => s.heldOn);
    expect([...days].sort()).toEqual(days);
    expect((days[0] ?? asOf) <= addDays(asOf, -700)).toBe(true);
    const open = sessions.filter((s) => s.phase === "collect");
    expect(open.map((s) => s.heldOn)).toEqual([asOf]);
    for (const session of past) expect(session.heldOn < asOf).toBe(true);
  });

  it("name only the county's organisations, participants of their sessions' organisations", () => {
    const known = new Set(buildDemoCounty().units.map((u) => u.organisationCode));
    for (const session of sessions) {
      for (const o of session.organisations) expect(known.has(o)).toBe(true);
      const subs = session.participants.map((p) => p.sub);
      expect(new Set(subs).size).toBe(subs.length);
      for (const p of session.participants) expect(session.organisations).toContain(p.organisation);
      for (const item of session.items) expect(session.participants[item.by]).toBeDefined();
    }
    expect(new Set(sessions.flatMap((s) => s.organisations))).toEqual(
      new Set(["RS", "K0180", "K0181", "K0126", "K0182", "FK", "AF"]),
    );
  });

  it("cover every theme and every step of both process models, within each session's focus", () => {
    const items = sessions.flatMap((s) => s.items.map((item) => ({ ...item, session: s })));
    expect(new Set(items.map((i) => i.theme))).toEqual(
      new Set(evaluationThemes.map((t) => t.code)),
    );
    for (const model of defaultProcessModels) {
      const steps = new Set(
        items.filter((i) => i.session.process === model.code).map((i) => i.step),
      );
      for (const step of model.steps) expect(steps.has(step.number), model.code).toBe(true);
    }
    for (const { step, session } of items) {
      if (step === null) continue;
      expect(session.process).not.toBeNull();
      if (session.steps.length > 0) expect(session.steps).toContain(step);
    }
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(["worked_well", "improve"]));
  });

  it("raise each theme both as worked well and as an improvement, in Södertälje's sessions too", () => {
    const sodertalje = past.filter((s) => s.organisations.includes("K0181"));
    for (const theme of evaluationThemes) {
      const kinds = new Set(
        sodertalje.flatMap((s) => s.items.filter((i) => i.theme === theme.code).map((i) => i.kind)),
      );
      expect(kinds, theme.code).toEqual(new Set(["worked_well", "improve"]));
    }
  });

  it("are some anonymous, and vote within each participant's votes", () => {
    expect(past.some((s) => s.anonymous)).toBe(true);
    expect(past.some((s) => !s.anonymous)).toBe(true);
    for (const session of past) {
      for (let by = 0; by < session.participants.length; by++) {
        const cast = session.votes.filter((v) => v.by === by).length;
        expect(cast).toBeLessThanOrEqual(session.votesPerParticipant);
      }
      for (const group of session.groups)
        for (const i of group.items) expect(session.items[i]).toBeDefined();
    }
  });

  it("lift improvements to actions of the demo forums, owned by a member, some done", () => {
    const forums = new Map(demoForums(asOf).map((f) => [f.name, f]));
    const lifts = sessions.flatMap((s) => s.lifts.map((lift) => ({ ...lift, session: s })));
    expect(lifts.length).toBeGreaterThan(10);
    for (const { item, forumName, owner, dueOn, doneOn, session } of lifts) {
      expect(session.items[item]?.kind).toBe("improve");
      const forum = forums.get(forumName);
      expect(forum, forumName).toBeDefined();
      expect(forum?.members).toContain(owner);
      expect(session.organisations).toContain(owner);
      expect(dueOn > session.heldOn).toBe(true);
      if (doneOn !== null) expect(doneOn < asOf && doneOn > session.heldOn).toBe(true);
    }
    expect(lifts.some((l) => l.doneOn !== null)).toBe(true);
    expect(lifts.some((l) => l.doneOn === null)).toBe(true);
  });

  it("recur on one theme in ≥3 Södertälje sessions of the last half year", () => {
    const forum = demoForums(asOf).find((f) => f.name === SODERTALJE_FORUM);
    const members = forum?.members ?? [];
    const next = forum?.meetings.find((m) => m.status === "planned")?.date ?? asOf;
    for (const day of [asOf, next]) {
      const facts = sessions
        .filter((s) => s.organisations.some((o) => members.includes(o)) && s.heldOn <= day)
        .filter((s) => s.heldOn >= monthsBefore(day, 6))
        .flatMap((s, i) => {
          const themes = s.items.filter((item) => item.kind === "improve").map((x) => x.theme);
          return [...new Set(themes)].map((theme) => ({
            evaluationId: String(i),
            theme,
            heldOn: s.heldOn,
            items: themes.filter((t) => t === theme).length,
          }));
        });
      const recurring = recurringImprovementThemes(facts, day, 3).map((t) => t.theme);
      expect(recurring).toContain(RECURRING_DEMO_THEME);
    }
  });
});
