import { addDays, type IsoDate, type SectionKind } from "@samsyn/domain";
import { monthName, workdayOnOrAfter } from "./calendar";
import { createRandom, type Random } from "./prng";

/**
 * The demo county's ledningsforum and escalations (issue 18): a länsnivå forum and two local
 * ones with a year of meetings, decisions and actions — some done, some overdue, some linked to
 * the demo register's indicators — and escalations at all three levels. Pure and seeded, like
 * the register; `samsyn start` writes it through the forums' and escalations' operations, each on
 * its own day, so that every row is decided and audited as a user's would be.
 */
export interface DemoForum {
  readonly name: string;
  readonly level: "lan" | "lokal";
  readonly members: readonly string[];
  readonly chair: string;
  /** Oldest first; every meeting before asOf is held, all but the last justerat. */
  readonly meetings: readonly DemoMeeting[];
}

export interface DemoMeeting {
  readonly date: IsoDate;
  readonly title: string;
  readonly status: "planned" | "held" | "justerat";
  readonly participants: readonly string[];
  readonly justerare: readonly string[];
  readonly agenda: readonly { readonly title: string; readonly signalKind?: string }[];
  readonly decisions: readonly string[];
  readonly actions: readonly DemoAction[];
}

/** An action's figure: an indicator of the demo register, named by its agreement and name. */
export type DemoActionLink =
  | { readonly kind: "indicator"; readonly agreementTitle: string; readonly indicatorName: string }
  | {
      readonly kind: "metric";
      readonly metric: "stuck";
      readonly params: Readonly<Record<string, unknown>>;
      readonly figure: "count";
    };

export interface DemoAction {
  readonly title: string;
  readonly owner: string;
  readonly dueOn: IsoDate;
  /** Done or cancelled on a day after the meeting; open when null. */
  readonly closed: { readonly status: "done" | "cancelled"; readonly on: IsoDate } | null;
  readonly link: DemoActionLink | null;
}

export interface DemoEscalation {
  readonly about:
    | { readonly kind: "routine"; readonly agreementTitle?: string; readonly section?: SectionKind }
    /** A case of this kommun's, picked by the loader (cases are pseudonymous: no ref here). */
    | { readonly kind: "case"; readonly municipality: string };
  readonly organisations: readonly string[];
  readonly question: string;
  readonly openedOn: IsoDate;
  readonly lifts: readonly { readonly on: IsoDate; readonly note: string }[];
  readonly resolution: { readonly on: IsoDate; readonly text: string } | null;
}

/** The demo county's organisation codes (`county.ts`). */
const REGION = "RS";
const STOCKHOLM = "K0180";
const SODERTALJE = "K0181";
const HUDDINGE = "K0126";
const NACKA = "K0182";
const FK = "FK";
const AF = "AF";

/** The agreement the indicator links name (`register.ts`): its title and indicators. */
const MISSBRUK = "Länsövergripande överenskommelse om missbruk och beroende";
const PSYKISK = "Länsövergripande överenskommelse om psykisk funktionsnedsättning";

const leaders = {
  [REGION]: ["Karin Lund", "Per Ekström"],
  [STOCKHOLM]: ["Maria Holm", "Johan Berg"],
  [SODERTALJE]: ["Anna Sjöberg", "Erik Nyström"],
  [HUDDINGE]: ["Lena Forsberg"],
  [NACKA]: ["Sofia Wallin"],
  [FK]: ["Ahmed Karimi"],
  [AF]: ["Eva Lindqvist"],
} as const satisfies Record<string, readonly string[]>;

const peopleOf = (members: readonly string[]) =>
  members.flatMap((m) => (leaders as Record<string, readonly string[]>)[m] ?? []);

/** What a forum takes up, month by month: the agenda, a decision and the action it sets. */
interface Topic {
  readonly agenda: string;
  readonly signalKind?: string;
  readonly decision: string;
  readonly action: string;
  readonly owner: (members: readonly string[]) => string;
  readonly link?: DemoActionLink;
}

const topics: readonly Topic[] = [
  {
    agenda: "Ärenden som fastnar i kallelse till SIP",
    signalKind: "stuck_cases",
    decision: "Kallelse till SIP ska gå ut inom fem arbetsdagar från att behovet uppmärksammats.",
    action: "Ta fram gemensam mall och rutin för kallelse till SIP",
    owner: () => REGION,
    link: { kind: "metric", metric: "stuck", params: { process: ["sip"] }, figure: "count" },
  },
  {
    agenda: "Indikatorn Upprättade SIP når inte målet",
    signalKind: "indicator_off_target",
    decision: "Varje kommun utser en SIP-samordnare som följer upp upprättade planer månadsvis.",
    action: "Utse SIP-samordnare i varje kommun",
    owner: (members) => members.find((m) => m.startsWith("K")) ?? REGION,
    link: { kind: "indicator", agreementTitle: MISSBRUK, indicatorName: "Upprättade SIP" },
  },
  {
    agenda: "Årlig översyn av överenskommelsen om psykisk funktionsnedsättning",
    signalKind: "review_due",
    decision: "Översynen genomförs i en arbetsgrupp med representanter för båda huvudmännen.",
    action: "Sammanställa synpunkter inför översynen",
    owner: () => REGION,
  },
  {
    agenda: "Tvist om ansvar för boende under behandling",
    signalKind: "deviation",
    decision: "Regionen bekostar behandlingsdelen och kommunen boendet tills vidare.",
    action: "Skriva in ansvarsfördelningen för boende i överenskommelsen",
    owner: (members) => members.find((m) => m.startsWith("K")) ?? REGION,
  },
  {
    agenda: "Ledtider från kontakt till gemensam planering",
    signalKind: "indicator_off_target",
    decision: "Tjänstemannamöte ska hållas inom en vecka från första kontakt.",
    action: "Införa gemensam bokningsrutin för tjänstemannamöten",
    owner: () => REGION,
    link: {
      kind: "indicator",
      agreementTitle: PSYKISK,
      indicatorName: "Dagar från kontakt till gemensam planering (median)",
    },
  },
  {
    agenda: "Samverkan med Försäkringskassan och Arbetsförmedlingen kring återgång i arbete",
    decision: "Försäkringskassan och Arbetsförmedlingen bjuds in till SIP när arbete är aktuellt.",
    action: "Ta fram kontaktlista till handläggare på Försäkringskassan och Arbetsförmedlingen",
    owner: (members) => (members.includes(FK) ? FK : REGION),
  },
  {
    agenda: "Försenade åtgärder från tidigare möten",
    signalKind: "overdue_action",
    decision: "Ansvariga för försenade åtgärder redovisar orsak och ny tidplan till nästa möte.",
    action: "Redovisa ny tidplan för försenade åtgärder",
    owner: (members) => members[0] ?? REGION,
  },
  {
    agenda: "Kompetensinsats om samsjuklighet för personal i båda huvudmännen",
    decision: "En gemensam utbildningsdag genomförs under hösten.",
    action: "Planera gemensam utbildningsdag om samsjuklighet",
    owner: (members) => members.find((m) => m.startsWith("K")) ?? REGION,
  },
];

/** The three demo forums with a year of monthly meetings up to asOf and the next one planned. */
export function demoForums(asOf: IsoDate, seed = 1): DemoForum[] {
  const random = createRandom(seed);
  const forums = [
    {
      name: "Länsövergripande ledningsforum för samverkan",
      level: "lan" as const,
      members: [REGION, STOCKHOLM, SODERTALJE, HUDDINGE, NACKA, FK, AF],
      chair: REGION,
    },
    {
      name: "Lokalt ledningsforum Södertälje",
      level: "lokal" as const,
      members: [SODERTALJE, REGION, FK],
      chair: SODERTALJE,
    },
    {
      name: "Lokalt ledningsforum Stockholm",
      level: "lokal" as const,
      members: [STOCKHOLM, REGION],
      chair: STOCKHOLM,
    },
  ];
  return forums.map((forum, f) => ({
    ...forum,
    meetings: meetingsOf(forum.members, asOf, f, random),
  }));
}

/** Monthly on a weekday near mid-month, no meeting in July: the last year's, and the next one. */
function meetingsOf(
  members: readonly string[],
  asOf: IsoDate,
  forumIndex: number,
  random: Random,
): DemoMeeting[] {
  const past: IsoDate[] = [];
  let next: IsoDate | undefined;
  for (let back = 12; next === undefined; back--) {
    const date = meetingDay(asOf, back, 8 + forumIndex * 3);
    if (date.slice(5, 7) === "07") continue;
    if (date < asOf) past.push(date);
    else next = date;
  }
  const dates = [...past, next];
  const people = peopleOf(members);
  return dates.map((date, i): DemoMeeting => {
    const isPast = date < asOf;
    const status = !isPast ? "planned" : date === past.at(-1) ? "held" : "justerat";
    const topic = topics[(i + forumIndex * 3) % topics.length] ?? topics[0];
    const second = topics[(i + forumIndex * 3 + 4) % topics.length] ?? topics[1];
    if (topic === undefined || second === undefined) throw new Error("no topics");
    const chosen = isPast ? [topic, second] : [];
    return {
      date,
      title: `Ledningsforum ${monthName(date)}`,
      status,
      participants: isPast ? people : [],
      justerare: status === "justerat" ? people.slice(0, 2) : [],
      agenda: [
        { title: "Uppföljning av åtgärder från tidigare möten" },
        ...[topic, second].map((t) => ({
          title: t.agenda,
          ...(t.signalKind === undefined ? {} : { signalKind: t.signalKind }),
        })),
      ],
      decisions: chosen.map((t) => t.decision),
      actions: chosen.map((t, j) => actionOf(t, members, date, asOf, random, i + j)),
    };
  });
}

/**
 * Due one to three months after the meeting. Older actions are mostly done — some late, a few
 * cancelled — and the rest open, so that the newest meetings carry overdue ones.
 */
function actionOf(
  topic: Topic,
  members: readonly string[],
  meeting: IsoDate,
  asOf: IsoDate,
  random: Random,
  n: number,
): DemoAction {
  const dueOn = addDays(meeting, random.int(30, 90));
  const daysToDone = random.int(14, 120);
  const doneOn = addDays(meeting, daysToDone);
  const cancelled = n % 9 === 4;
  const closed =
    doneOn < asOf && random.next() < 0.8
      ? { status: cancelled ? ("cancelled" as const) : ("done" as const), on: doneOn }
      : null;
  return {
    title: topic.action,
    owner: members.includes(topic.owner(members)) ? topic.owner(members) : (members[0] ?? REGION),
    dueOn,
    closed,
    link: topic.link ?? null,
  };
}

/** The weekday on or after day `day` of the month `back` months before asOf's. */
function meetingDay(asOf: IsoDate, back: number, day: number): IsoDate {
  const index = Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1 - back;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return workdayOnOrAfter(
    `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate,
  );
}

/**
 * Escalations of the last year at all three levels: most settled by enhetschefer within weeks,
 * some lifted to verksamhetschefer, a few to the ledningsforum — of which some are still open.
 */
export function demoEscalations(asOf: IsoDate, seed = 1): DemoEscalation[] {
  const random = createRandom(seed + 100);
  const questions: readonly {
    question: string;
    organisations: readonly string[];
    about: DemoEscalation["about"];
  }[] = [
    {
      question: "Vem ansvarar för boendestöd under pågående beroendebehandling?",
      organisations: [REGION, SODERTALJE],
      about: { kind: "routine", agreementTitle: MISSBRUK, section: "ansvarsfordelning" },
    },
    {
      question: "Vem kallar till SIP när den enskilde skrivs ut från slutenvården?",
      organisations: [REGION, STOCKHOLM],
      about: { kind: "routine", agreementTitle: PSYKISK, section: "sip" },
    },
    {
      question: "Oenighet om vem som är huvudansvarig för samordningen i ärendet.",
      organisations: [REGION, SODERTALJE],
      about: { kind: "case", municipality: "0181" },
    },
    {
      question: "Vem bekostar placering när behovet är både vård och socialt stöd?",
      organisations: [STOCKHOLM, REGION],
      about: { kind: "case", municipality: "0180" },
    },
    {
      question: "Hur delas ansvaret för stöd i arbetslivsinriktad rehabilitering?",
      organisations: [FK, AF, REGION],
      about: { kind: "routine" },
    },
    {
      question: "Vem ansvarar för uppföljning av SIP när kommunens utförare byts?",
      organisations: [HUDDINGE, REGION],
      about: { kind: "routine", agreementTitle: PSYKISK, section: "uppfoljning" },
    },
  ];
  const escalations: DemoEscalation[] = [];
  for (let i = 0; i < 18; i++) {
    const base = questions[i % questions.length] ?? questions[0];
    if (base === undefined) throw new Error("no questions");
    const openedOn = addDays(asOf, -random.int(10, 360));
    // Level reached: most stop at 1, fewer at 2, some at 3 (the forum's).
    const reached = i % 6 === 5 || i % 6 === 2 ? 3 : i % 3 === 1 ? 2 : 1;
    const lifts: { on: IsoDate; note: string }[] = [];
    let day = openedOn;
    for (let level = 2; level <= reached; level++) {
      day = addDays(day, random.int(5, 30));
      if (day >= asOf) break;
      lifts.push({
        on: day,
        note:
          level === 2
            ? "Enhetscheferna kom inte överens; lyfts till verksamhetscheferna."
            : "Verksamhetscheferna kom inte överens; lyfts till ledningsforum.",
      });
    }
    const resolvedOn = addDays(day, random.int(3, 45));
    // The newest at level 3, and every fourth elsewhere, are still open.
    const open = resolvedOn >= asOf || (reached === 3 && i >= 12) || i % 4 === 3;
    escalations.push({
      ...base,
      openedOn,
      lifts,
      resolution: open
        ? null
        : { on: resolvedOn, text: "Parterna enades om ansvarsfördelningen i ärendet." },
    });
  }
  return escalations.sort((a, b) => a.openedOn.localeCompare(b.openedOn));
}
