import { sipProcess } from "@samsyn/domain";
import type { DemoUnit } from "./county";
import {
  declinedReason,
  joinSupport,
  meetingParticipation,
  movedReason,
  notNeededReason,
  type ProcessPlan,
  sipCompletedReason,
} from "./process-plan";
import {
  giveConsent,
  join,
  leave,
  maybeWithdrawConsent,
  openWithLead,
  participatingUnits,
  record,
  type Story,
  setLead,
  within,
} from "./story";
import { profileOf } from "./target-groups";

/**
 * Samordnad planering (seeds 001 and 003): consent first, then kommun and region plan together
 * at a planning meeting with the individual, establish the SIP, carry it out and follow it up —
 * often several follow-ups (step 8 back to 7) before the plan is closed.
 */
export const sipPlan: ProcessPlan = {
  model: sipProcess,
  reopenStep: 1,
  enter(story, step, day, proposed) {
    const duration = step === 2 ? askForConsent(story, day, proposed) : proposed;
    enterStep(story, step, day, duration);
    if (step >= 3) maybeWithdrawConsent(story, day, duration);
    return duration;
  },
  after(story, step) {
    const { random } = story;
    // A SIP "kan bara upprättas med samtycke" (seed 004): without it the plan stops.
    if (story.consent === "withdrawn" && random.chance(0.6))
      return { close: "samtycke återkallat" };
    if (step === 2 && story.consent === "declined") return { close: declinedReason(random) };
    if (step <= 7 && random.chance(0.01)) return { close: movedReason(random) };
    // "Planen ska upprättas om kommunen eller regionen bedömer att den behövs" (seed 001).
    if (step >= 2 && step <= 4 && random.chance(0.05)) return { close: notNeededReason(random) };
    if (step === 8 && story.backSteps < 1 && random.chance(0.25)) {
      story.backSteps++;
      return 7;
    }
    if (step === 9) return { close: sipCompletedReason(random) };
    return step + 1;
  },
};

function enterStep(story: Story, step: number, day: number, duration: number): void {
  switch (step) {
    case 1:
      openSip(story, day);
      return;
    case 3:
      inviteParties(story, day, Math.min(duration, 10));
      return;
    case 5:
      meetingParticipation(story, 5, within(story, day, duration, 2));
      return;
    case 6:
      record(story, within(story, day, duration, 3), "sip", { value: "established" });
      maybeHandOverLead(story, within(story, day, duration, 3));
      return;
    case 8: {
      const meeting = within(story, day, duration, 5);
      meetingParticipation(story, 8, meeting);
      record(story, meeting, "sip", { value: "followed_up" });
      return;
    }
    case 9:
      releaseParties(story, day, duration);
      return;
    default:
      return;
  }
}

/** A school raises the need, but the plan is kommun's and region's: socialtjänsten leads. */
function openSip(story: Story, day: number): void {
  const { demoCase } = story;
  const initiator = demoCase.initiatingUnit;
  const kommunLead = demoCase.unitOf("barn_familj");
  if (initiator.principalType === "skola" && story.lead.code === initiator.code && kommunLead) {
    join(story, day, initiator);
    openWithLead(story, day, kommunLead);
    return;
  }
  openWithLead(story, day, story.lead);
}

/** Step 2; returns the step's duration, longer when consent comes only after motivational work. */
function askForConsent(story: Story, day: number, proposed: number): number {
  const { random } = story;
  const asked = within(story, day, proposed, 5);
  if (random.chance(0.85)) {
    giveConsent(story, asked, "given");
    return proposed;
  }
  giveConsent(story, asked, "declined");
  if (!random.chance(0.35)) return asked - day;
  const later = asked + random.int(14, 90);
  giveConsent(story, later, "given");
  return later - day + random.int(0, 7);
}

/** Step 3: the kallelse goes to the other huvudman and to the parties the målgrupp needs. */
function inviteParties(story: Story, day: number, spread: number): void {
  const { demoCase, random } = story;
  const profile = profileOf(demoCase.targetGroup);
  const [firstRegion, secondRegion] = profile.region(demoCase.ageGroup);
  const kommun = profile.kommun(demoCase.ageGroup)[0];
  const invite = (unit: DemoUnit | undefined) => join(story, day + random.int(0, spread), unit);
  if (story.lead.principalType === "region") {
    invite(kommun === undefined ? undefined : demoCase.unitOf(kommun));
  } else {
    invite(firstRegion === undefined ? undefined : demoCase.unitOf(firstRegion));
  }
  if (secondRegion !== undefined && random.chance(0.35)) invite(demoCase.unitOf(secondRegion));
  joinSupport(story, day, spread, () => true);
}

/** Step 6: the plan names "vem av huvudmännen som ska ha det övergripande ansvaret" (seed 001). */
function maybeHandOverLead(story: Story, day: number): void {
  if (!story.random.chance(0.2)) return;
  const others = participatingUnits(story).filter(
    (unit) =>
      unit.principalType !== story.lead.principalType &&
      (unit.principalType === "kommun" || unit.principalType === "region"),
  );
  if (others.length > 0) setLead(story, day, story.random.pick(others));
}

function releaseParties(story: Story, day: number, duration: number): void {
  for (const unit of participatingUnits(story)) {
    if (unit.code !== story.lead.code && story.random.chance(0.4)) {
      leave(story, within(story, day, duration), unit);
    }
  }
}
