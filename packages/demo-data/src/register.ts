import {
  type AgreementStatus,
  addDays,
  type DeviationKind,
  defaultTargetGroups,
  type IndicatorFigure,
  type IndicatorKind,
  type IndicatorMetric,
  type IsoDate,
  type SectionKind,
  stockholmsLan,
  type TargetDirection,
} from "@samsyn/domain";
import { createRandom } from "./prng";

/**
 * The demo county's agreement register (issue 17): what a länsgrupp's register looks like a few
 * years into Samsyn. Pure and seeded, like the cases; `samsyn start` writes it through the
 * agreements' operations, so every row is decided, revised and audited as a user's would be.
 */
export interface DemoAgreement {
  readonly title: string;
  readonly level: "lan" | "lokal";
  readonly parties: readonly string[];
  readonly targetGroups: readonly string[];
  readonly municipalities: readonly string[];
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly reviewBy: IsoDate;
  readonly sections: readonly { kind: SectionKind; title: string; text: string }[];
  /** Reached from draft through the allowed transitions. */
  readonly status: AgreementStatus;
  readonly indicators: readonly DemoIndicator[];
  readonly deviations: readonly DemoDeviation[];
}

export interface DemoIndicator {
  readonly name: string;
  readonly kind: IndicatorKind;
  readonly metric: IndicatorMetric;
  readonly params: Readonly<Record<string, unknown>>;
  readonly figure: IndicatorFigure;
  readonly target: { readonly value: number; readonly direction: TargetDirection };
}

export interface DemoDeviation {
  readonly kind: DeviationKind;
  readonly section: SectionKind;
  readonly occurredOn: IsoDate;
  readonly organisations: readonly string[];
  readonly description: string;
  /** Closed with this resolution; open when null. */
  readonly resolution: string | null;
}

/** The demo county's organisation codes (`county.ts`). */
const REGION = "RS";
const kommun = (municipality: string) => `K${municipality}`;

const statutoryGroups = defaultTargetGroups.filter((g) => g.statutory);

/** A målgrupp as a title names it: "missbruk och beroende", not its code. */
function groupName(code: string): string {
  return defaultTargetGroups.find((g) => g.code === code)?.name.sv.toLowerCase() ?? code;
}

const sections = (group: string) => [
  {
    kind: "ansvarsfordelning" as const,
    title: "Ansvarsfördelning",
    text: `Kommunen och regionen ansvarar var för sina insatser för ${group}; den som först möter behovet tar kontakt med den andra huvudmannen.`,
  },
  {
    kind: "sip" as const,
    title: "Samordnad individuell plan",
    text: "Den som först ser behovet kallar till SIP inom fem arbetsdagar. Planen följs upp inom tre månader.",
  },
  {
    kind: "tvister" as const,
    title: "Tvister",
    text: "Oenighet lyfts först till enhetschefer, sedan till verksamhetschefer och sist till ledningsforum.",
  },
  {
    kind: "uppfoljning" as const,
    title: "Uppföljning",
    text: "Överenskommelsen följs upp årligen senast den 30 november med indikatorerna nedan.",
  },
];

/** The twelve whole months before asOf's month: the period every indicator follows. */
function lastTwelveMonths(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const firstOfMonth = `${asOf.slice(0, 7)}-01` as IsoDate;
  const from = `${Number(asOf.slice(0, 4)) - 1}-${asOf.slice(5, 7)}-01` as IsoDate;
  return { from, to: addDays(firstOfMonth, -1) };
}

function indicatorsFor(
  group: string,
  municipalities: readonly string[],
  asOf: IsoDate,
): DemoIndicator[] {
  const period = lastTwelveMonths(asOf);
  const population = { ...period, targetGroup: [group], municipality: [...municipalities] };
  return [
    {
      name: "Ärenden i samverkan",
      kind: "precondition",
      metric: "cases",
      params: { ...population, status: "all" },
      figure: "count",
      target: { value: 20, direction: "at_least" },
    },
    {
      // The internal process's first three steps; a week is a target few kommuner reach.
      name: "Dagar från kontakt till gemensam planering (median)",
      kind: "process",
      metric: "lead-times",
      params: { ...population, process: "intern_samsjuklighet", fromStep: 1, toStep: 3 },
      figure: "median",
      target: { value: 7, direction: "at_most" },
    },
    {
      name: "Upprättade SIP",
      kind: "result",
      metric: "sip",
      params: population,
      figure: "sipEstablished",
      target: { value: 10, direction: "at_least" },
    },
    {
      name: "Ärenden som fastnat",
      kind: "result",
      metric: "stuck",
      params: population,
      figure: "count",
      target: { value: 0, direction: "at_most" },
    },
  ];
}

/**
 * A länsövergripande agreement per statutory target group, each missing a few kommuner (the
 * coverage gaps SKR's Öppna jämförelser show), in different states of their annual review;
 * local agreements beside them; indicators of every kind and deviations of both kinds.
 */
export function demoRegister(asOf: IsoDate, seed = 1): DemoAgreement[] {
  const random = createRandom(seed);
  const year = Number(asOf.slice(0, 4));
  const allMunicipalities = stockholmsLan.map((m) => m.code);
  const reviewStates: { status: AgreementStatus; reviewBy: IsoDate }[] = [
    // Overdue: last autumn's review never happened.
    { status: "active", reviewBy: `${year - 1}-11-30` as IsoDate },
    { status: "under_review", reviewBy: `${year - 1}-11-30` as IsoDate },
    { status: "active", reviewBy: nextThirtiethOfNovember(asOf) },
  ];
  const county = statutoryGroups.map((group, i): DemoAgreement => {
    const missing = new Set<string>();
    const gaps = random.int(2, 5);
    while (missing.size < gaps) missing.add(random.pick(allMunicipalities));
    const municipalities = allMunicipalities.filter((m) => !missing.has(m));
    const review = reviewStates[i % reviewStates.length] ?? { status: "active", reviewBy: asOf };
    const name = groupName(group.code);
    const sip = addDays(asOf, -random.int(20, 90));
    return {
      title: `Länsövergripande överenskommelse om ${name}`,
      level: "lan",
      parties: [REGION, ...municipalities.map(kommun)],
      targetGroups: [group.code],
      municipalities,
      validFrom: `${year - 2}-01-01` as IsoDate,
      validTo: null,
      reviewBy: review.reviewBy,
      sections: sections(name),
      status: review.status,
      indicators: indicatorsFor(group.code, municipalities, asOf),
      deviations: [
        {
          kind: "avvikelse",
          section: "sip",
          occurredOn: sip,
          organisations: [REGION, kommun(municipalities[0] ?? "0180")],
          description: "Kallelsen till SIP kom först efter tre veckor.",
          resolution: i === 0 ? "Rutinen för kallelse förtydligad på ledningsforum." : null,
        },
        {
          kind: "tvist",
          section: "ansvarsfordelning",
          occurredOn: addDays(sip, -random.int(30, 120)),
          organisations: [REGION, kommun(municipalities[1] ?? "0180")],
          description: "Oenighet om vem som bekostar boende under behandling.",
          resolution: i === 1 ? null : "Regionen bekostar behandlingsdelen, kommunen boendet.",
        },
      ],
    };
  });
  const local = (
    municipality: string,
    group: string,
    status: AgreementStatus,
    reviewBy: IsoDate,
    validTo: IsoDate | null = null,
  ): DemoAgreement => ({
    title: `Lokal överenskommelse om ${groupName(group)}, ${nameOf(municipality)}`,
    level: "lokal",
    parties: [REGION, kommun(municipality)],
    targetGroups: [group],
    municipalities: [municipality],
    validFrom: `${year - 1}-03-01` as IsoDate,
    validTo,
    reviewBy,
    sections: sections(group.replaceAll("_", " ")).slice(0, 2),
    status,
    indicators: [],
    deviations: [],
  });
  return [
    ...county,
    local("0180", "samsjuklighet", "active", nextThirtiethOfNovember(asOf)),
    local("0181", "missbruk_beroende", "active", `${year - 1}-11-30` as IsoDate),
    local("0182", "demens", "draft", nextThirtiethOfNovember(asOf)),
    local(
      "0184",
      "npf_adhd",
      "expired",
      `${year - 1}-11-30` as IsoDate,
      `${year - 1}-12-31` as IsoDate,
    ),
  ];
}

function nextThirtiethOfNovember(asOf: IsoDate): IsoDate {
  const thisYear = `${asOf.slice(0, 4)}-11-30` as IsoDate;
  return asOf <= thisYear ? thisYear : (`${Number(asOf.slice(0, 4)) + 1}-11-30` as IsoDate);
}

function nameOf(municipality: string): string {
  return stockholmsLan.find((m) => m.code === municipality)?.name ?? municipality;
}
