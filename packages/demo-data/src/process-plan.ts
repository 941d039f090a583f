import { findStep, type ProcessModel } from "@samsyn/domain";
import type { UnitRole } from "./county";
import { type Random, weightedChoice } from "./prng";
import { join, record, type Story } from "./story";
import { profileOf } from "./target-groups";

/** What happens in each step of a process model, and where the case goes next. */
export interface ProcessPlan {
  readonly model: ProcessModel;
  /** The step a reopened case starts again from. */
  readonly reopenStep: number;
  /**
   * Records the events of `step`, entered on `day` and expected to last `proposed` days; returns
   * the days it really lasts (a plan may shorten or lengthen it).
   */
  enter(story: Story, step: number, day: number, proposed: number): number;
  /** The next step, or the reason the case closes after `step`. */
  after(story: Story, step: number): number | { readonly close: string };
}

/**
 * Days in a step: log-normal around the step's target (median a little over half of it), so
 * about one in five steps runs over target; now and then a step stalls for a multiple of that —
 * the stuck cases the forum should see.
 */
export function stepDuration(random: Random, model: ProcessModel, step: number): number {
  const target = findStep(model, step)?.targetDays ?? 30;
  const stalled = random.chance(0.03) ? random.int(3, 8) : 1;
  return Math.round(random.logNormal(target * 0.55, 0.65) * stalled);
}

export const completedReason = weightedChoice([
  ["insatser avslutade", 55],
  ["mål uppnått", 25],
  ["behov tillgodosett inom ordinarie verksamhet", 20],
]);

export const sipCompletedReason = weightedChoice([
  ["planen avslutad, målen uppnådda", 40],
  ["insatser avslutade", 40],
  ["behov tillgodosett inom ordinarie verksamhet", 20],
]);

export const declinedReason = weightedChoice([
  ["avböjt fortsatt kontakt", 90],
  ['avböjt fortsatt kontakt, "vill klara sig själv"', 10],
]);

export const notNeededReason = weightedChoice([
  ["behov av samordning finns inte längre", 60],
  ["insatser beviljades inte", 40],
]);

export const movedReason = weightedChoice([
  ["flyttat", 60],
  ["flyttat till annan kommun, ärendet överlämnat", 40],
]);

/** Each supporting party of the målgrupp joins with its own chance. */
export function joinSupport(
  story: Story,
  day: number,
  duration: number,
  accept: (role: UnitRole) => boolean,
): void {
  const { demoCase, random } = story;
  for (const [role, chance] of profileOf(demoCase.targetGroup).support(demoCase.ageGroup)) {
    if (accept(role) && random.chance(chance)) {
      join(story, day + random.int(0, duration), demoCase.unitOf(role));
    }
  }
}

export function meetingParticipation(story: Story, step: number, day: number): void {
  record(story, day, "participation", {
    step,
    value: story.random.chance(0.82) ? "yes" : "no",
  });
}
