import { addDays, evaluationThemes, type IsoDate } from "@samsyn/domain";
import { monthName, workdayOnOrAfter } from "./calendar";
import { createRandom } from "./prng";

/**
 * The demo county's utvärderingar (issue 19): two years of "vad fungerade bra" sessions across
 * its organisations, over every theme and every step of both process models, run to `closed`,
 * some anonymous, and one open in `collect` today. Some improvements become actions of the demo
 * forums (`forums.ts`), some of them done. Södertälje keeps raising communication as an
 * improvement, so its forum's next suggested agenda carries an `improvement_theme` signal.
 * Pure and seeded; `samsyn start` writes it through the evaluations' operations.
 */
export interface DemoEvaluation {
  readonly title: string;
  readonly organisations: readonly string[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly process: string | null;
  readonly steps: readonly number[];
  readonly anonymous: boolean;
  readonly votesPerParticipant: number;
  /** The day the session is held (created, items written, phases moved). */
  readonly heldOn: IsoDate;
  /** Past sessions are run to closed; the one held today is still collecting. */
  readonly phase: "collect" | "closed";
  readonly participants: readonly DemoParticipant[];
  readonly items: readonly DemoEvaluationItem[];
  /** Groups of items, by index into `items`. */
  readonly groups: readonly { readonly title: string; readonly items: readonly number[] }[];
  /** Votes for items, by participant and item index. */
  readonly votes: readonly { readonly by: number; readonly item: number }[];
  readonly lifts: readonly DemoLift[];
}

/** A participant: a user of one of the session's organisations (`sub` of their token). */
export interface DemoParticipant {
  readonly sub: string;
  readonly organisation: string;
}

export interface DemoEvaluationItem {
  readonly kind: "worked_well" | "improve";
  readonly text: string;
  readonly theme: string;
  readonly step: number | null;
  /** Index into `participants`. */
  readonly by: number;
}

/** An improvement (by item index) lifted to a demo forum's action, named by the forum's name. */
export interface DemoLift {
  readonly item: number;
  readonly forumName: string;
  readonly owner: string;
  readonly dueOn: IsoDate;
  /** The day the action was done; open when null. */
  readonly doneOn: IsoDate | null;
}

/** The theme Södertälje raises again and again: the signal the demo shows on the agenda. */
export const RECURRING_DEMO_THEME = "kommunikation";
export const SODERTALJE_FORUM = "Lokalt ledningsforum Södertälje";
const STOCKHOLM_FORUM = "Lokalt ledningsforum Stockholm";
const LAN_FORUM = "Länsövergripande ledningsforum för samverkan";

/** Every other session is Södertälje's; the rest rotate over the county's other partners. */
const sodertaljeSets = [
  ["K0181", "RS"],
  ["K0181", "RS", "FK"],
] as const;
const otherSets = [
  ["K0180", "RS"],
  ["K0126", "RS"],
  ["K0182", "K0180", "RS"],
  ["AF", "FK", "RS"],
] as const;

/** Both process models' steps, a few in focus per session, so that every step comes up. */
const focus: readonly { readonly process: string | null; readonly steps: readonly number[] }[] = [
  { process: "intern_samsjuklighet", steps: [1, 2, 3] },
  { process: "sip", steps: [1, 2, 3] },
  { process: "intern_samsjuklighet", steps: [4, 5, 6] },
  { process: "sip", steps: [4, 5] },
  { process: null, steps: [] },
  { process: "intern_samsjuklighet", steps: [7, 8] },
  { process: "sip", steps: [6, 7] },
  { process: "intern_samsjuklighet", steps: [9, 10, 11] },
  { process: "sip", steps: [8, 9] },
];

/** What people write, per theme: what worked well and what to improve. */
const notes: Readonly<Record<string, { readonly good: string[]; readonly improve: string[] }>> = {
  gemensam_kunskap: {
    good: [
      "Den gemensamma utbildningsdagen gav en samsyn om samsjuklighet",
      "Vi lärde oss mycket av varandras arbetssätt på arbetsplatsträffen",
    ],
    improve: [
      "Nyanställda får ingen introduktion i hur samverkan går till",
      "Kunskapen om varandras uppdrag sitter hos ett fåtal personer",
    ],
  },
  evidensbaserad_praktik: {
    good: [
      "Bedömningsinstrumenten användes av båda huvudmännen",
      "Behandlingen följde de nationella riktlinjerna",
    ],
    improve: [
      "Vi följer inte upp om insatserna ger effekt",
      "Olika bedömningsinstrument gör resultaten svåra att jämföra",
    ],
  },
  gemensamma_begrepp: {
    good: [
      "Vi enades om vad som menas med samordningsansvar",
      "Begreppslistan i överenskommelsen hjälpte i mötena",
    ],
    improve: [
      "Vi menar olika saker med uppföljning",
      "Begreppet samsjuklighet tolkas olika av kommun och region",
    ],
  },
  gemensamma_system: {
    good: [
      "Den gemensamma kalendern för SIP-möten fungerade bra",
      "Digitala möten gjorde det lättare att samla alla parter",
    ],
    improve: [
      "Planer skickas fortfarande på papper mellan verksamheterna",
      "Vi saknar ett gemensamt ställe att spara planen",
    ],
  },
  tillit: {
    good: [
      "Det var lätt att lyfta svåra frågor med samverkanspartnerna",
      "Vi litade på att den andra parten gjorde sin del",
    ],
    improve: [
      "Frågor om kostnadsansvar skapar misstro i mötena",
      "Det finns en oro för att lämna över ansvar till den andra parten",
    ],
  },
  planer: {
    good: [
      "Planerna blev tydliga med vem som gör vad och när",
      "Den enskildes mål stod först i planen",
    ],
    improve: [
      "Planerna uppdateras inte när situationen ändras",
      "Det är oklart vem som ansvarar för att planen följs",
    ],
  },
  kommunikation: {
    good: [
      "Snabba svar från kontaktpersonerna hos regionen",
      "Korta avstämningar per telefon mellan mötena fungerade bra",
    ],
    improve: [
      "Kallelser och besked kommer för sent till alla parter",
      "Vi vet inte vem vi ska kontakta när handläggaren är borta",
    ],
  },
  avtal: {
    good: [
      "Överenskommelsen gav stöd när ansvaret var oklart",
      "Rutinen för tvister löste en oenighet snabbt",
    ],
    improve: [
      "Få i verksamheten känner till vad överenskommelsen säger",
      "Överenskommelsen säger inget om boende under behandling",
    ],
  },
  delaktighet: {
    good: [
      "Den enskilde och anhöriga var med och formade planen",
      "Mötena hölls där den enskilde kände sig trygg",
    ],
    improve: [
      "Den enskilde fick inte planen i en form som gick att förstå",
      "Anhöriga bjuds sällan in trots att den enskilde vill det",
    ],
  },
  ovrigt: {
    good: [
      "Bra lokaler och god tid för mötena",
      "Chefernas stöd gjorde det möjligt att prioritera samverkan",
    ],
    improve: [
      "Mötestiderna krockar med annan verksamhet",
      "Personalomsättningen gör att vi börjar om gång på gång",
    ],
  },
};

/** One session every four weeks for two years before asOf, and the one open today. */
const SESSIONS = 26;
const SPACING_DAYS = 28;
const FIRST_OFFSET_DAYS = 14;

export function demoEvaluations(asOf: IsoDate, seed = 1): DemoEvaluation[] {
  const random = createRandom(seed + 200);
  const themes = evaluationThemes.map((t) => t.code);
  const sessions: DemoEvaluation[] = [];
  for (let j = SESSIONS - 1; j >= 0; j--) {
    const heldOn = workdayOnOrAfter(addDays(asOf, -(FIRST_OFFSET_DAYS + SPACING_DAYS * j)));
    const sodertalje = j % 2 === 0;
    const organisations = sodertalje
      ? (sodertaljeSets[(j / 2) % sodertaljeSets.length] ?? sodertaljeSets[0])
      : (otherSets[((j - 1) / 2) % otherSets.length] ?? otherSets[0]);
    const { process, steps } = focus[j % focus.length] ?? { process: null, steps: [] };
    const participants = participantsOf(organisations, 3 + random.int(0, 3), j);
    const items: DemoEvaluationItem[] = [];
    const count = 6 + random.int(0, 2);
    for (let n = 0; n < count; n++) {
      const theme = themes[(j * 7 + n) % themes.length] ?? "ovrigt";
      // Alternating with the session pair too: otherwise a theme would be only praised or only
      // criticised in the sessions of every other month (Södertälje's), which no team writes.
      const kind = (n + Math.floor(j / 2)) % 2 === 0 ? "worked_well" : "improve";
      const texts = notes[theme] ?? { good: [], improve: [] };
      const pool = kind === "worked_well" ? texts.good : texts.improve;
      items.push({
        kind,
        text: pool[(j + n) % pool.length] ?? "Övrigt",
        theme,
        step: steps.length === 0 ? null : (steps[n % steps.length] ?? null),
        by: n % participants.length,
      });
    }
    // Communication recurs in Södertälje's sessions of the last half year: the agenda signal.
    if (sodertalje && FIRST_OFFSET_DAYS + SPACING_DAYS * j <= 180) {
      items.push({
        kind: "improve",
        text: "Besked om ändrade insatser når inte alla parter i tid",
        theme: RECURRING_DEMO_THEME,
        step: steps[0] ?? null,
        by: 0,
      });
    }
    const improvements = items.flatMap((item, i) => (item.kind === "improve" ? [i] : []));
    const [first = 0, second = 0, ...rest] = improvements;
    const votesPerParticipant = 3;
    const votes = participants.flatMap((_, by) =>
      [0, 1, 2].map((v) => ({ by, item: improvements[(by + v) % improvements.length] ?? first })),
    );
    sessions.push({
      title: `${subjectOf(process)}, ${monthName(heldOn)}`,
      organisations,
      from: addDays(heldOn, -91),
      to: addDays(heldOn, -1),
      process,
      steps,
      anonymous: j % 5 === 2,
      votesPerParticipant,
      heldOn,
      phase: "closed",
      participants,
      items,
      groups: [{ title: titleOf(items[first]?.theme ?? "ovrigt"), items: [first, second] }],
      votes,
      // Södertälje's and every other partner's session lift an improvement outside the group.
      lifts:
        sodertalje || j % 4 === 1 ? [liftOf(organisations, rest[0] ?? first, heldOn, asOf, j)] : [],
    });
  }
  sessions.push(openSession(asOf));
  return sessions;
}

/** Today's session, still collecting: a few notes so far. */
function openSession(asOf: IsoDate): DemoEvaluation {
  const organisations = ["K0181", "RS"];
  const participants = participantsOf(organisations, 4, SESSIONS);
  return {
    title: `${subjectOf("sip")}, ${monthName(asOf)}`,
    organisations,
    from: addDays(asOf, -91),
    to: addDays(asOf, -1),
    process: "sip",
    steps: [],
    anonymous: false,
    votesPerParticipant: 3,
    heldOn: asOf,
    phase: "collect",
    participants,
    items: [
      {
        kind: "worked_well",
        text: "Alla parter kom till planeringsmötet",
        theme: "planer",
        step: 5,
        by: 0,
      },
      {
        kind: "improve",
        text: "Kallelser och besked kommer för sent till alla parter",
        theme: RECURRING_DEMO_THEME,
        step: 3,
        by: 1,
      },
      {
        kind: "worked_well",
        text: "Den enskilde fick ta del av planen i förväg",
        theme: "delaktighet",
        step: null,
        by: 2,
      },
    ],
    groups: [],
    votes: [],
    lifts: [],
  };
}

function liftOf(
  organisations: readonly string[],
  item: number,
  heldOn: IsoDate,
  asOf: IsoDate,
  j: number,
): DemoLift {
  const forumName = organisations.includes("K0181")
    ? SODERTALJE_FORUM
    : organisations.includes("K0180") && organisations.length === 2
      ? STOCKHOLM_FORUM
      : LAN_FORUM;
  const owner = organisations.find((o) => o.startsWith("K")) ?? "RS";
  const doneOn = addDays(heldOn, 45 + (j % 4) * 10);
  return {
    item,
    forumName,
    owner,
    dueOn: addDays(heldOn, 60),
    // The older ones mostly done; every third, and the recent ones, still open.
    doneOn: doneOn < asOf && j % 3 !== 1 ? doneOn : null,
  };
}

/** Participants from every organisation in turn; the first (a samordnare) runs the session. */
function participantsOf(organisations: readonly string[], count: number, j: number) {
  return Array.from({ length: count }, (_, i): DemoParticipant => {
    const organisation = organisations[i % organisations.length] ?? "RS";
    return { sub: `demo-${organisation.toLowerCase()}-${(i + j) % 6}`, organisation };
  });
}

/** What a session looks back on: its process, or the samverkan as a whole. */
function subjectOf(process: string | null): string {
  if (process === "sip") return "Utvärdering av SIP-arbetet";
  if (process === "intern_samsjuklighet") return "Utvärdering av samverkan kring samsjuklighet";
  return "Utvärdering av vår samverkan";
}

function titleOf(theme: string): string {
  return evaluationThemes.find((t) => t.code === theme)?.name.sv ?? theme;
}
