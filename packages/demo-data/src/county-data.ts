/**
 * The raw tables of the demo county. Kommunkoder and names come from `stockholmsLan` in the
 * domain; this file adds what only the demo needs: organisation names, populations (SCB 2023,
 * rounded; they weight where cases open) and the catchment areas of Region Stockholm's clinics.
 */
export const kommunOrganisations: Readonly<Record<string, { name: string; population: number }>> = {
  "0114": { name: "Upplands Väsby kommun", population: 48_000 },
  "0115": { name: "Vallentuna kommun", population: 35_000 },
  "0117": { name: "Österåkers kommun", population: 48_000 },
  "0120": { name: "Värmdö kommun", population: 47_000 },
  "0123": { name: "Järfälla kommun", population: 84_000 },
  "0125": { name: "Ekerö kommun", population: 29_000 },
  "0126": { name: "Huddinge kommun", population: 115_000 },
  "0127": { name: "Botkyrka kommun", population: 98_000 },
  "0128": { name: "Salems kommun", population: 17_500 },
  "0136": { name: "Haninge kommun", population: 96_000 },
  "0138": { name: "Tyresö kommun", population: 49_000 },
  "0139": { name: "Upplands-Bro kommun", population: 31_000 },
  "0140": { name: "Nykvarns kommun", population: 12_000 },
  "0160": { name: "Täby kommun", population: 75_000 },
  "0162": { name: "Danderyds kommun", population: 33_000 },
  "0163": { name: "Sollentuna kommun", population: 76_000 },
  "0180": { name: "Stockholms stad", population: 985_000 },
  "0181": { name: "Södertälje kommun", population: 101_000 },
  "0182": { name: "Nacka kommun", population: 108_000 },
  "0183": { name: "Sundbybergs stad", population: 55_000 },
  "0184": { name: "Solna stad", population: 85_000 },
  "0186": { name: "Lidingö stad", population: 48_000 },
  "0187": { name: "Vaxholms stad", population: 12_000 },
  "0188": { name: "Norrtälje kommun", population: 64_000 },
  "0191": { name: "Sigtuna kommun", population: 50_000 },
  "0192": { name: "Nynäshamns kommun", population: 29_000 },
};

export const kommunRoles = [
  "vuxen",
  "beroende",
  "socialpsykiatri",
  "forsorjning",
  "barn_familj",
  "lss",
  "aldre",
] as const;
export type KommunRole = (typeof kommunRoles)[number];

/** Unit name on its own, and the name used beside a stadsdel ("Beroendeenheten Södermalm"). */
export const kommunUnitNames: Readonly<
  Record<KommunRole, { suffix: string; name: string; local: string }>
> = {
  vuxen: { suffix: "VUXEN", name: "Socialtjänsten, vuxenenheten", local: "Vuxenenheten" },
  beroende: { suffix: "BEROENDE", name: "Beroendeenheten", local: "Beroendeenheten" },
  socialpsykiatri: { suffix: "SOCPSYK", name: "Socialpsykiatri", local: "Socialpsykiatrin" },
  forsorjning: { suffix: "FORSORJNING", name: "Försörjningsstöd", local: "Försörjningsstöd" },
  barn_familj: { suffix: "BARNFAMILJ", name: "Barn och familj", local: "Barn och familj" },
  lss: { suffix: "LSS", name: "LSS-handläggning", local: "LSS-handläggning" },
  aldre: {
    suffix: "ALDRE",
    name: "Äldreomsorg, biståndshandläggning",
    local: "Äldreomsorgens biståndshandläggning",
  },
};

/** Stockholms stad runs socialtjänst per stadsdelsområde; a handful keeps the demo readable. */
export const stockholmStadsdelar: readonly { code: string; name: string }[] = [
  { code: "RINKEBYKISTA", name: "Rinkeby-Kista" },
  { code: "HASSELBYVALLINGBY", name: "Hässelby-Vällingby" },
  { code: "NORRMALM", name: "Norrmalm" },
  { code: "SODERMALM", name: "Södermalm" },
  { code: "ENSKEDEARSTAVANTOR", name: "Enskede-Årsta-Vantör" },
  { code: "SKARHOLMEN", name: "Skärholmen" },
];

export const regionRoles = ["psykiatri", "beroendevard", "bup", "habilitering"] as const;
export type RegionAreaRole = (typeof regionRoles)[number];

export const regionUnitNames: Readonly<Record<RegionAreaRole, { prefix: string; name: string }>> = {
  psykiatri: { prefix: "PSYK", name: "Psykiatrisk öppenvård, {area}" },
  beroendevard: { prefix: "BEROENDE", name: "Beroendecentrum Stockholm, mottagning {area}" },
  bup: { prefix: "BUP", name: "BUP-mottagning {area}" },
  habilitering: { prefix: "HAB", name: "Habiliteringscenter {area}" },
};

/** Catchment areas of the specialist clinics; Stockholms stad is split between three. */
export const regionAreas: readonly { code: string; name: string; serves: readonly string[] }[] = [
  {
    code: "NORRA",
    name: "Norra Stockholm",
    serves: ["0180", "0186", "0162", "0160", "0115", "0117", "0187"],
  },
  {
    code: "NORDVAST",
    name: "Nordväst",
    serves: ["0180", "0123", "0139", "0191", "0163", "0114", "0125", "0183", "0184"],
  },
  { code: "SODRA", name: "Södra Stockholm", serves: ["0180", "0182", "0120", "0138"] },
  { code: "SODERTORN", name: "Södertörn", serves: ["0136", "0192", "0126"] },
  { code: "SYDVAST", name: "Sydväst", serves: ["0127", "0128", "0181", "0140", "0126"] },
  { code: "NORRTALJE", name: "Norrtälje", serves: ["0188"] },
];

export const schoolNames: readonly { code: string; name: string }[] = [
  { code: "CENTRAL", name: "Centralskolan" },
  { code: "BJORK", name: "Björkskolan" },
  { code: "EKBACKE", name: "Ekbackeskolan" },
  { code: "LIND", name: "Lindskolan" },
  { code: "SJOVIK", name: "Sjöviksskolan" },
  { code: "TALLBACKA", name: "Tallbackaskolan" },
];

const southWest = ["0126", "0127", "0128", "0136", "0140", "0181", "0192"];

export const agencyUnits: readonly {
  organisation: "FK" | "AF";
  code: string;
  name: string;
  southWest: boolean;
}[] = [
  {
    organisation: "FK",
    code: "FK-LFC-STOCKHOLM",
    name: "Lokalt försäkringscenter Stockholm",
    southWest: false,
  },
  {
    organisation: "FK",
    code: "FK-LFC-SODERTALJE",
    name: "Lokalt försäkringscenter Södertälje",
    southWest: true,
  },
  {
    organisation: "AF",
    code: "AF-STOCKHOLM",
    name: "Arbetsförmedlingen Stockholm",
    southWest: false,
  },
  {
    organisation: "AF",
    code: "AF-SODERTORN",
    name: "Arbetsförmedlingen Södertörn",
    southWest: true,
  },
];

export function isSouthWest(municipality: string): boolean {
  return southWest.includes(municipality);
}

export const privateRoles = ["boendestod", "behandlingshem", "hvb", "familjehem"] as const;
export type PrivateRole = (typeof privateRoles)[number];

/** Invented providers: the demo must not suggest that a real company holds these cases. */
export const privateProviders: readonly {
  code: string;
  name: string;
  units: readonly { suffix: string; name: string; role: PrivateRole }[];
}[] = [
  {
    code: "P-SOLROSEN",
    name: "Solrosens boendestöd AB",
    units: [{ suffix: "BOENDESTOD", name: "Boendestöd", role: "boendestod" }],
  },
  {
    code: "P-VARDAGSSTOD",
    name: "Vardagsstöd i Storstockholm AB",
    units: [{ suffix: "BOENDESTOD", name: "Boendestöd och sysselsättning", role: "boendestod" }],
  },
  {
    code: "P-HAGMARKEN",
    name: "Hagmarkens behandlingshem AB",
    units: [{ suffix: "BEHANDLING", name: "Behandlingshem för vuxna", role: "behandlingshem" }],
  },
  {
    code: "P-KOMPASSEN",
    name: "Kompassen HVB och familjehem AB",
    units: [
      { suffix: "HVB", name: "HVB för ungdomar", role: "hvb" },
      { suffix: "FAMILJEHEM", name: "Konsulentstödd familjehemsvård", role: "familjehem" },
    ],
  },
];
