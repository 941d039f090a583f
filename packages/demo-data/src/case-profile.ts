import { type AgeGroup, internSamsjuklighet, type ProcessModel, sipProcess } from "@samsyn/domain";
import { fiveYearsBefore, nextWorkday } from "./calendar";
import type { DemoCounty, DemoUnit, UnitRole } from "./county";
import { type Random, weightedChoice } from "./prng";
import { ageChoiceOf, drawTargetGroup, profileOf } from "./target-groups";

/** A demo case before its events: who it concerns (by group only), where, and who opened it. */
export interface DemoCase {
  readonly ref: string;
  readonly process: ProcessModel;
  readonly targetGroup: string;
  readonly ageGroup: AgeGroup;
  readonly municipality: string;
  readonly openedDay: number;
  readonly initiatingUnit: DemoUnit;
  /** Picks this case's unit of a role: the same one every time (one stadsdel, one clinic). */
  readonly unitOf: (role: UnitRole) => DemoUnit | undefined;
}

/**
 * The ref is pseudonymous and can never look like a personnummer: the seed and the number are
 * base 36 and a letter stands between them, so no run of digits is longer than seven.
 */
export function caseRef(seed: number, n: number): string {
  return `D-${seed.toString(36).toUpperCase()}-N${n.toString(36).toUpperCase()}`;
}

export function drawCase(
  random: Random,
  county: DemoCounty,
  ref: string,
  asOfDay: number,
): DemoCase {
  const targetGroup = drawTargetGroup(random);
  const ageGroup = ageChoiceOf(targetGroup)(random);
  const municipality = drawMunicipality(county)(random);
  const home = random.int(0, 5_039);
  const unitOf = (role: UnitRole): DemoUnit | undefined => {
    const units = county.unitsFor(municipality, role);
    return units[home % units.length];
  };
  const process = random.chance(profileOf(targetGroup).internShare)
    ? internSamsjuklighet
    : sipProcess;
  const initiatingUnit = drawInitiatingUnit(random, { process, targetGroup, ageGroup, unitOf });
  const openedDay = drawOpenedDay(random, asOfDay);
  return { ref, process, targetGroup, ageGroup, municipality, openedDay, initiatingUnit, unitOf };
}

const municipalityChoices = new WeakMap<DemoCounty, (random: Random) => string>();

/** Where cases open follows where people live: Stockholms stad about 40 % of the county. */
function drawMunicipality(county: DemoCounty): (random: Random) => string {
  let choice = municipalityChoices.get(county);
  if (choice === undefined) {
    choice = weightedChoice(county.municipalities.map((m) => [m.code, m.population] as const));
    municipalityChoices.set(county, choice);
  }
  return choice;
}

/**
 * The internal process starts in socialtjänsten (seed 004 step 1). A SIP can be started by either
 * huvudman, and for children often after the school has raised the need.
 */
function drawInitiatingUnit(
  random: Random,
  c: Pick<DemoCase, "process" | "targetGroup" | "ageGroup" | "unitOf">,
): DemoUnit {
  const profile = profileOf(c.targetGroup);
  const kommun = c.unitOf(random.pick(profile.kommun(c.ageGroup)));
  const x = random.next();
  const candidate =
    c.process.code === internSamsjuklighet.code || x < 0.65
      ? kommun
      : c.ageGroup === "barn" && x < 0.77
        ? c.unitOf("elevhalsa")
        : c.unitOf(random.pick(profile.region(c.ageGroup)));
  const unit = candidate ?? kommun;
  if (unit === undefined) throw new RangeError(`no kommun unit for ${c.targetGroup}`);
  return unit;
}

/**
 * Openings grow over the five years (more units record in Samsyn each year), dip in July and
 * around Christmas, and fall on workdays but for a few.
 */
function drawOpenedDay(random: Random, asOfDay: number): number {
  const first = fiveYearsBefore(asOfDay);
  const span = asOfDay - first + 1;
  for (;;) {
    const day = first + Math.floor(random.next() * span);
    const growth = 0.45 + (1.1 * (day - first)) / span;
    const workday = nextWorkday(day) === day ? 1 : 0.04;
    if (random.next() * 1.55 < growth * seasonFactor(day) * workday) return day;
  }
}

function seasonFactor(day: number): number {
  const date = new Date(day * 86_400_000);
  const month = date.getUTCMonth() + 1;
  if (month === 7) return 0.55;
  if (month === 12 && date.getUTCDate() >= 20) return 0.6;
  return 1;
}
