import { internSamsjuklighet } from "@samsyn/domain";
import { weightedChoice } from "./prng";
import {
  completedReason,
  declinedReason,
  joinSupport,
  meetingParticipation,
  movedReason,
  notNeededReason,
  type ProcessPlan,
} from "./process-plan";
import {
  giveConsent,
  join,
  leave,
  maybeWithdrawConsent,
  openWithLead,
  participatingUnits,
  type Story,
  schedule,
  scheduleJoin,
  setLead,
  within,
} from "./story";
import { profileOf } from "./target-groups";

/**
 * Processkarta för intern samverkan vid samsjuklighetsärenden (seed 004): socialtjänstens units
 * work the case together; region joins through a SIP run in parallel once the individual
 * consents (step 3); step 10 either closes or returns the case to an earlier step.
 */
export const internPlan: ProcessPlan = {
  model: internSamsjuklighet,
  reopenStep: 2,
  enter(story, step, day, proposed) {
    // "Förslagsvis kan steg 2, 3 och 4 ske i anslutning till varandra" (seed 004).
    const duration = (step === 2 || step === 3) && story.random.chance(0.2) ? 0 : proposed;
    enterStep(story, step, day, duration);
    if (step >= 4) maybeWithdrawConsent(story, day, duration);
    return duration;
  },
  after(story, step) {
    const { random } = story;
    if (step <= 9 && random.chance(0.012)) return { close: movedReason(random) };
    if (step === 3 && story.consent === "declined" && random.chance(0.35)) {
      return { close: declinedReason(random) };
    }
    // An utredning can end in avslag: no insatser to coordinate.
    if (step === 5 && random.chance(0.1)) return { close: notNeededReason(random) };
    if (step === 10) return afterStep10(story);
    if (step === 11) return { close: completedReason(random) };
    return step + 1;
  },
};

function enterStep(story: Story, step: number, day: number, duration: number): void {
  const { demoCase } = story;
  switch (step) {
    case 1:
      openWithLead(story, day, demoCase.initiatingUnit);
      return;
    case 2:
      joinKommunColleague(story, within(story, day, duration, 5));
      joinSupport(story, day, Math.min(duration, 5), (role) => role === "forsorjning");
      return;
    case 3:
      meetAndAskForConsent(story, within(story, day, duration, 3));
      return;
    case 6:
      maybeChangeLead(story, within(story, day, duration, 5));
      return;
    case 7:
      meetingParticipation(story, 7, within(story, day, duration, 5));
      return;
    case 8:
      joinSupport(story, day, Math.min(duration, 30), (role) => role !== "forsorjning");
      return;
    case 9:
      if (story.random.chance(0.4))
        meetingParticipation(story, 9, within(story, day, duration, 10));
      releaseProviders(story, day, duration);
      return;
    default:
      return;
  }
}

/** Step 2: the initiating unit contacts the other units of socialtjänsten that the case needs. */
function joinKommunColleague(story: Story, day: number): void {
  const { demoCase, random } = story;
  const roles = profileOf(demoCase.targetGroup)
    .kommun(demoCase.ageGroup)
    .filter((role) => role !== story.lead.role);
  if (roles.length > 0) join(story, day, demoCase.unitOf(random.pick(roles)));
}

/**
 * Step 3: the joint meeting with the individual, where SIP is offered; with consent a parallel
 * SIP process starts, without it motivational work, which sometimes ends in consent later.
 */
function meetAndAskForConsent(story: Story, day: number): void {
  const { random } = story;
  meetingParticipation(story, 3, day);
  if (story.consent === "given") return;
  if (random.chance(0.7)) {
    giveConsent(story, day, "given");
    startParallelSip(story, day);
    return;
  }
  giveConsent(story, day, "declined");
  if (random.chance(0.4)) {
    const later = day + random.int(20, 120);
    schedule(story, later, "consent", { value: "given" });
    story.consent = "given";
    story.consentSince = later;
    startParallelSip(story, later);
  }
}

/** The SIP on its own clock: region joins, the plan is established, then followed up. */
function startParallelSip(story: Story, from: number): void {
  if (story.sipStarted) return;
  story.sipStarted = true;
  const { demoCase, random } = story;
  const [first, second] = profileOf(demoCase.targetGroup).region(demoCase.ageGroup);
  for (const role of random.chance(0.3) && second !== undefined ? [first, second] : [first]) {
    scheduleJoin(
      story,
      from + random.int(2, 20),
      role === undefined ? undefined : demoCase.unitOf(role),
    );
  }
  const established = from + random.int(21, 60);
  schedule(story, established, "sip", { value: "established" });
  const followUp = established + random.int(90, 200);
  schedule(story, followUp, "sip", { value: "followed_up" });
  if (random.chance(0.3)) {
    schedule(story, followUp + random.int(120, 240), "sip", { value: "followed_up" });
  }
}

/** Step 6: "Utse vem som är huvudansvarig för ärendet på socialtjänsten" (seed 004). */
function maybeChangeLead(story: Story, day: number): void {
  if (!story.random.chance(0.25)) return;
  const others = participatingUnits(story).filter(
    (unit) => unit.principalType === "kommun" && unit.code !== story.lead.code,
  );
  if (others.length > 0) setLead(story, day, story.random.pick(others));
}

/** When the follow-up shows the insatser are done, providers and agencies step out. */
function releaseProviders(story: Story, day: number, duration: number): void {
  for (const unit of participatingUnits(story)) {
    const external = unit.principalType !== "kommun" && unit.principalType !== "region";
    if (external && story.random.chance(0.5)) leave(story, within(story, day, duration), unit);
  }
}

const backStepTarget = weightedChoice([
  [6, 30],
  [7, 15],
  [8, 35],
  [9, 20],
]);

/** Step 10: "Avsluta … alternativt vid behov återgå till tidigare steg i processkartan". */
function afterStep10(story: Story): number | { close: string } {
  const { random } = story;
  if (story.backSteps < 2 && random.chance(0.18)) {
    story.backSteps++;
    return backStepTarget(random);
  }
  return random.chance(0.65) ? 11 : { close: completedReason(random) };
}
