import type { AgeGroup } from "@samsyn/domain";
import type { UnitRole } from "./county";
import type { KommunRole } from "./county-data";
import { type Random, type Weighted, weightedChoice } from "./prng";

/**
 * How each målgrupp looks in the demo: how common it is, how old the individuals are, how often
 * the kommun runs it through the internal samsjuklighet process (seed 004 is written for
 * missbruk together with psykisk ohälsa; SIP is for every group, seeds 001 and 003), and which
 * units take part.
 */
interface TargetGroupProfile {
  readonly weight: number;
  readonly ages: Weighted<AgeGroup>;
  readonly internShare: number;
  readonly kommun: (age: AgeGroup) => readonly KommunRole[];
  readonly region: (age: AgeGroup) => readonly UnitRole[];
  /** Other parties, each joining with its own probability. */
  readonly support: (age: AgeGroup) => Chances<UnitRole>;
}

/** Independent chances, one per option (unlike `Weighted`, which draws exactly one). */
export type Chances<T> = readonly (readonly [T, number])[];

const adultSupport: Chances<UnitRole> = [
  ["forsorjning", 0.3],
  ["forsakringskassan", 0.12],
  ["arbetsformedlingen", 0.12],
];
const childSupport: Chances<UnitRole> = [["elevhalsa", 0.6]];

const orChildren =
  <T>(adult: readonly T[], child: readonly T[]) =>
  (age: AgeGroup): readonly T[] =>
    age === "barn" ? child : adult;

export const targetGroupProfiles: Readonly<Record<string, TargetGroupProfile>> = {
  samsjuklighet: {
    weight: 18,
    ages: [
      ["vuxen", 90],
      ["aldre", 6],
      ["barn", 4],
    ],
    internShare: 0.7,
    kommun: orChildren(["beroende", "vuxen", "socialpsykiatri"], ["barn_familj"]),
    region: orChildren(["psykiatri", "beroendevard"], ["bup"]),
    support: (age) =>
      age === "barn"
        ? childSupport
        : [...adultSupport, ["boendestod", 0.2], ["behandlingshem", 0.15]],
  },
  missbruk_beroende: {
    weight: 16,
    ages: [
      ["vuxen", 88],
      ["aldre", 7],
      ["barn", 5],
    ],
    internShare: 0.5,
    kommun: orChildren(["beroende", "vuxen"], ["barn_familj"]),
    region: orChildren(["beroendevard", "primarvard"], ["bup"]),
    support: (age) => (age === "barn" ? childSupport : [...adultSupport, ["behandlingshem", 0.2]]),
  },
  psykisk_funktionsnedsattning: {
    weight: 18,
    ages: [
      ["vuxen", 82],
      ["aldre", 12],
      ["barn", 6],
    ],
    internShare: 0.2,
    kommun: (age) =>
      age === "barn"
        ? ["barn_familj"]
        : age === "aldre"
          ? ["socialpsykiatri", "aldre"]
          : ["socialpsykiatri", "vuxen"],
    region: orChildren(["psykiatri", "primarvard"], ["bup"]),
    support: (age) => (age === "barn" ? childSupport : [...adultSupport, ["boendestod", 0.3]]),
  },
  barn_unga_placerade: {
    weight: 7,
    ages: [
      ["barn", 92],
      ["vuxen", 8],
    ],
    internShare: 0,
    kommun: () => ["barn_familj"],
    region: () => ["bup", "primarvard"],
    support: () => [...childSupport, ["hvb", 0.35], ["familjehem", 0.35]],
  },
  barn_unga_psykisk_ohalsa: {
    weight: 12,
    ages: [
      ["barn", 90],
      ["vuxen", 10],
    ],
    internShare: 0,
    kommun: () => ["barn_familj"],
    region: () => ["bup"],
    support: () => [...childSupport, ["primarvard", 0.15]],
  },
  intellektuell_funktionsnedsattning: {
    weight: 8,
    ages: [
      ["vuxen", 65],
      ["barn", 25],
      ["aldre", 10],
    ],
    internShare: 0,
    kommun: () => ["lss"],
    region: () => ["habilitering", "primarvard"],
    support: (age) =>
      age === "barn"
        ? childSupport
        : [
            ["boendestod", 0.25],
            ["forsakringskassan", 0.1],
          ],
  },
  npf_adhd: {
    weight: 11,
    ages: [
      ["vuxen", 50],
      ["barn", 45],
      ["aldre", 5],
    ],
    internShare: 0,
    kommun: orChildren(["socialpsykiatri", "lss", "vuxen"], ["barn_familj", "lss"]),
    region: orChildren(["psykiatri", "habilitering"], ["bup", "habilitering"]),
    support: (age) => (age === "barn" ? childSupport : adultSupport),
  },
  demens: {
    weight: 10,
    ages: [
      ["aldre", 92],
      ["vuxen", 8],
    ],
    internShare: 0,
    kommun: () => ["aldre"],
    region: () => ["primarvard"],
    support: () => [["boendestod", 0.05]],
  },
};

export function profileOf(targetGroup: string): TargetGroupProfile {
  const profile = targetGroupProfiles[targetGroup];
  if (profile === undefined) throw new RangeError(`no demo profile for ${targetGroup}`);
  return profile;
}

export const drawTargetGroup = weightedChoice(
  Object.entries(targetGroupProfiles).map(([code, p]) => [code, p.weight] as const),
);

const ageChoices = new Map(
  Object.entries(targetGroupProfiles).map(([code, p]) => [code, weightedChoice(p.ages)]),
);

export function ageChoiceOf(targetGroup: string): (random: Random) => AgeGroup {
  const choice = ageChoices.get(targetGroup);
  if (choice === undefined) throw new RangeError(`no demo profile for ${targetGroup}`);
  return choice;
}
