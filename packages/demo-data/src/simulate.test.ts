import { findStep, internSamsjuklighet, type ProcessModel, sipProcess } from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import { dayOf } from "./calendar";
import { type DemoCase, drawCase } from "./case-profile";
import { buildDemoCounty } from "./county";
import { createRandom, deriveSeed } from "./prng";
import { simulateCase } from "./simulate";
import type { DraftEvent } from "./story";

const county = buildDemoCounty();
const asOfDay = dayOf("2025-06-30");

/** Builder: a drawn case with some of its fields fixed. */
function aDemoCase(n: number, overrides: Partial<DemoCase> = {}): DemoCase {
  const drawn = drawCase(createRandom(deriveSeed(99, n)), county, `T-${n}`, asOfDay);
  return { ...drawn, ...overrides };
}

function storyOf(demoCase: DemoCase, n: number): DraftEvent[] {
  return simulateCase(createRandom(deriveSeed(7, n)), demoCase, asOfDay);
}

/** Step transitions the process maps allow: forward by one, or the back-steps of each model. */
function allowedTransition(model: ProcessModel, from: number, to: number, reopened: boolean) {
  if (reopened) return to === (model === internSamsjuklighet ? 2 : 1);
  if (to === from + 1) return true;
  if (model === internSamsjuklighet) return from === 10 && to >= 6 && to <= 9;
  return from === 8 && to === 7;
}

/** Walks a story in event order and lists every rule of the process maps it breaks. */
function violations(demoCase: DemoCase, events: readonly DraftEvent[]): string[] {
  const found: string[] = [];
  const joined = new Set<string>();
  let step: number | null = null;
  let closed = false;
  let reopened = false;
  let consent: string | null = null;
  let sipEstablished = false;
  let previousDay = demoCase.openedDay;
  for (const event of events) {
    const where = `${demoCase.ref} ${event.type}`;
    if (event.day < previousDay) found.push(`${where}: out of order`);
    if (event.day > asOfDay) found.push(`${where}: after asOf`);
    previousDay = event.day;
    if (closed && event.type !== "reopen") found.push(`${where}: after close`);
    switch (event.type) {
      case "step":
        if (event.step === null || findStep(demoCase.process, event.step) === undefined) {
          found.push(`${where}: no such step ${event.step}`);
        } else if (
          step === null
            ? event.step !== 1
            : !allowedTransition(demoCase.process, step, event.step, reopened)
        ) {
          found.push(`${where}: ${step} → ${event.step}`);
        }
        step = event.step;
        reopened = false;
        break;
      case "join":
        if (event.unit === null || joined.has(event.unit)) found.push(`${where}: joined twice`);
        joined.add(event.unit ?? "");
        break;
      case "leave":
        if (event.unit === null || !joined.delete(event.unit)) found.push(`${where}: never joined`);
        break;
      case "consent":
        if (event.value === "withdrawn" && consent !== "given")
          found.push(`${where}: nothing to withdraw`);
        consent = event.value;
        break;
      case "sip":
        if (event.value === "followed_up" && !sipEstablished) found.push(`${where}: no SIP yet`);
        sipEstablished ||= event.value === "established";
        break;
      case "participation":
        if (event.step !== step) found.push(`${where}: not at the current step`);
        break;
      case "close":
        closed = true;
        break;
      case "reopen":
        if (!closed) found.push(`${where}: not closed`);
        closed = false;
        reopened = true;
        break;
      case "lead":
        break;
    }
  }
  if (events[0]?.type !== "step" || events[0].day !== demoCase.openedDay) {
    found.push(`${demoCase.ref}: does not open with step 1 on its opening day`);
  }
  return found;
}

describe("simulateCase", () => {
  it("tells stories that follow the process maps, for 3 000 drawn cases", () => {
    const found: string[] = [];
    for (let n = 1; n <= 3_000; n++) {
      const demoCase = aDemoCase(n);
      found.push(...violations(demoCase, storyOf(demoCase, n)));
    }
    expect(found.slice(0, 20)).toEqual([]);
  });

  it("is the same story for the same random stream", () => {
    const demoCase = aDemoCase(1);
    expect(storyOf(demoCase, 1)).toEqual(storyOf(demoCase, 1));
  });

  it("runs a SIP in parallel with the internal process once the individual consents (seed 004 step 3)", () => {
    let parallel = 0;
    for (let n = 1; n <= 300; n++) {
      const demoCase = aDemoCase(n, {
        process: internSamsjuklighet,
        targetGroup: "samsjuklighet",
        ageGroup: "vuxen",
      });
      const events = storyOf(demoCase, n);
      const consented = events.find((e) => e.type === "consent" && e.value === "given");
      const sip = events.find((e) => e.type === "sip" && e.value === "established");
      const regionJoin = events.find((e) => e.type === "join" && e.unit?.startsWith("RS-"));
      if (sip !== undefined) {
        expect(consented).toBeDefined();
        expect(sip.day).toBeGreaterThan(consented?.day ?? Number.POSITIVE_INFINITY);
        parallel++;
      }
      if (regionJoin !== undefined) expect(consented).toBeDefined();
    }
    expect(parallel).toBeGreaterThan(100);
  });

  it("opens a school-initiated SIP with socialtjänsten as lead", () => {
    const school = county.unitsFor("0126", "elevhalsa")[0];
    if (school === undefined) throw new Error("no school in Huddinge");
    const demoCase = aDemoCase(5, {
      process: sipProcess,
      targetGroup: "barn_unga_psykisk_ohalsa",
      ageGroup: "barn",
      municipality: "0126",
      initiatingUnit: school,
      unitOf: (role) => county.unitsFor("0126", role)[0],
    });
    const lead = storyOf(demoCase, 5).find((e) => e.type === "lead");
    expect(lead?.unit).toBe("K0126-BARNFAMILJ");
  });

  it("lets steps run over their target days sometimes, but not mostly", () => {
    let over = 0;
    let measured = 0;
    for (let n = 1; n <= 1_000; n++) {
      const demoCase = aDemoCase(n, { process: sipProcess });
      const steps = storyOf(demoCase, n).filter((e) => e.type === "step");
      for (let i = 1; i < steps.length; i++) {
        const [from, to] = [steps[i - 1], steps[i]];
        const target =
          from?.step === null ? undefined : findStep(sipProcess, from?.step ?? 0)?.targetDays;
        if (from === undefined || to === undefined || target === undefined) continue;
        measured++;
        if (to.day - from.day > target) over++;
      }
    }
    expect(over / measured).toBeGreaterThan(0.08);
    expect(over / measured).toBeLessThan(0.35);
  });
});
