import { internSamsjuklighet } from "@samsyn/domain";
import type { DemoCase } from "./case-profile";
import { internPlan } from "./intern-plan";
import type { Random } from "./prng";
import { type ProcessPlan, stepDuration } from "./process-plan";
import { sipPlan } from "./sip-plan";
import { closeCase, type DraftEvent, flushAgenda, newStory, record, type Story } from "./story";

/**
 * Tells one case's story from its opening to asOf: steps with their durations, the events of
 * each step, closure, sometimes a reopening. Returns the events up to asOf in event order.
 */
export function simulateCase(random: Random, demoCase: DemoCase, asOfDay: number): DraftEvent[] {
  const story = newStory(random, demoCase);
  const plan = demoCase.process.code === internSamsjuklighet.code ? internPlan : sipPlan;
  const closedOn = runEpisode(story, plan, 1, demoCase.openedDay, asOfDay);
  if (closedOn !== null && closedOn <= asOfDay && random.chance(0.06)) {
    const reopenedOn = closedOn + random.int(30, 365);
    record(story, reopenedOn, "reopen");
    story.backSteps = 0;
    runEpisode(story, plan, plan.reopenStep, reopenedOn, asOfDay);
  }
  flushAgenda(story, Number.POSITIVE_INFINITY);
  return upTo(inEventOrder(story.events), asOfDay);
}

/**
 * Runs the case from `firstStep` until it closes (returns the close day) or stays open as of
 * asOf (returns null). A few cases are simply no longer recorded after some step: they stay
 * open in that step for years, as abandoned records do in real case systems.
 */
function runEpisode(
  story: Story,
  plan: ProcessPlan,
  firstStep: number,
  startDay: number,
  asOfDay: number,
): number | null {
  const { random } = story;
  const lastStep = plan.model.steps.length;
  const abandonedAt = random.chance(0.04) ? random.int(2, lastStep - 1) : 0;
  let step = firstStep;
  let day = startDay;
  // Guard: back-steps are bounded, so no real story has more than a few dozen steps.
  for (let guard = 0; guard < 64 && day <= asOfDay; guard++) {
    record(story, day, "step", { step });
    const duration = plan.enter(story, step, day, stepDuration(random, plan.model, step));
    if (step === abandonedAt) return null;
    const next = plan.after(story, step);
    day += duration;
    if (typeof next !== "number") return closeCase(story, day, next.close);
    step = next;
  }
  return null;
}

/** Stable sort by day: events of the same day keep the order they were recorded in. */
function inEventOrder(events: DraftEvent[]): DraftEvent[] {
  return events.sort((a, b) => a.day - b.day);
}

function upTo(events: DraftEvent[], asOfDay: number): DraftEvent[] {
  const end = events.findIndex((event) => event.day > asOfDay);
  return end === -1 ? events : events.slice(0, end);
}
