import type { AgeGroup, PrincipalType } from "./codes";

/** A label in both locales; Swedish is the product's language, English the second. */
export interface Label {
  readonly sv: string;
  readonly en: string;
}

export interface TargetGroup {
  readonly code: string;
  readonly name: Label;
  /** Kommun and region must have an agreement for a statutory group (seed 000). */
  readonly statutory: boolean;
}

export const defaultTargetGroups: readonly TargetGroup[] = [
  {
    code: "psykisk_funktionsnedsattning",
    name: { sv: "Psykisk funktionsnedsättning", en: "Psychiatric disability" },
    statutory: true,
  },
  {
    code: "missbruk_beroende",
    name: { sv: "Missbruk och beroende", en: "Substance misuse and addiction" },
    statutory: true,
  },
  {
    code: "samsjuklighet",
    name: { sv: "Samsjuklighet", en: "Co-occurring disorders" },
    statutory: false,
  },
  {
    code: "barn_unga_placerade",
    name: {
      sv: "Barn och unga som vårdas utanför det egna hemmet",
      en: "Children and young people in out-of-home care",
    },
    statutory: true,
  },
  {
    code: "barn_unga_psykisk_ohalsa",
    name: {
      sv: "Barn och unga med psykisk ohälsa",
      en: "Children and young people with mental ill-health",
    },
    statutory: false,
  },
  {
    code: "intellektuell_funktionsnedsattning",
    name: { sv: "Intellektuell funktionsnedsättning", en: "Intellectual disability" },
    statutory: false,
  },
  {
    code: "npf_adhd",
    name: { sv: "NPF och adhd", en: "Neurodevelopmental disorders and ADHD" },
    statutory: false,
  },
  { code: "demens", name: { sv: "Demens", en: "Dementia" }, statutory: false },
];

export const principalTypeLabels: Readonly<Record<PrincipalType, Label>> = {
  kommun: { sv: "Kommun", en: "Municipality" },
  region: { sv: "Region", en: "Region" },
  skola: { sv: "Skola", en: "School" },
  forsakringskassan: { sv: "Försäkringskassan", en: "Swedish Social Insurance Agency" },
  arbetsformedlingen: { sv: "Arbetsförmedlingen", en: "Swedish Public Employment Service" },
  privat: { sv: "Privat utförare", en: "Private provider" },
};

export const ageGroupLabels: Readonly<Record<AgeGroup, Label>> = {
  barn: { sv: "Barn 0–17 år", en: "Children 0–17" },
  vuxen: { sv: "Vuxna 18–64 år", en: "Adults 18–64" },
  aldre: { sv: "Äldre 65 år och äldre", en: "Older people 65+" },
};

/** Themes of "vad fungerade bra" (seed 002: styrning, struktur, samsyn), plus participation. */
export const evaluationThemes: readonly { readonly code: string; readonly name: Label }[] = [
  { code: "gemensam_kunskap", name: { sv: "Gemensam kunskap", en: "Shared knowledge" } },
  {
    code: "evidensbaserad_praktik",
    name: { sv: "Evidensbaserad praktik", en: "Evidence-based practice" },
  },
  { code: "gemensamma_begrepp", name: { sv: "Gemensamma begrepp", en: "Shared concepts" } },
  { code: "gemensamma_system", name: { sv: "Gemensamma system", en: "Shared systems" } },
  { code: "tillit", name: { sv: "Tillit", en: "Trust" } },
  { code: "planer", name: { sv: "Planer", en: "Plans" } },
  { code: "kommunikation", name: { sv: "Kommunikation", en: "Communication" } },
  { code: "avtal", name: { sv: "Avtal och överenskommelser", en: "Agreements" } },
  {
    code: "delaktighet",
    name: { sv: "Den enskildes delaktighet", en: "The individual's participation" },
  },
  { code: "ovrigt", name: { sv: "Övrigt", en: "Other" } },
];

export interface Municipality {
  /** SCB kommunkod, four digits. */
  readonly code: string;
  readonly name: string;
  /** SCB länskod, two digits. */
  readonly countyCode: string;
}

/** The 26 kommuner of Stockholms län (SCB). Other counties are added as catalogue data. */
export const stockholmsLan: readonly Municipality[] = [
  ["0114", "Upplands Väsby"],
  ["0115", "Vallentuna"],
  ["0117", "Österåker"],
  ["0120", "Värmdö"],
  ["0123", "Järfälla"],
  ["0125", "Ekerö"],
  ["0126", "Huddinge"],
  ["0127", "Botkyrka"],
  ["0128", "Salem"],
  ["0136", "Haninge"],
  ["0138", "Tyresö"],
  ["0139", "Upplands-Bro"],
  ["0140", "Nykvarn"],
  ["0160", "Täby"],
  ["0162", "Danderyd"],
  ["0163", "Sollentuna"],
  ["0180", "Stockholm"],
  ["0181", "Södertälje"],
  ["0182", "Nacka"],
  ["0183", "Sundbyberg"],
  ["0184", "Solna"],
  ["0186", "Lidingö"],
  ["0187", "Vaxholm"],
  ["0188", "Norrtälje"],
  ["0191", "Sigtuna"],
  ["0192", "Nynäshamn"],
].map(([code, name]) => ({ code: code as string, name: name as string, countyCode: "01" }));
