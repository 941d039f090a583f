import type { MessageKey } from "@samsyn/domain/messages";
import type {
  Action,
  ActionStatus,
  AgendaItem,
  FollowUp,
  Forum,
  MeetingStatus,
  MeetingSummary,
  QuarterFollowUp,
  Signal,
  SignalKind,
} from "../../api/forums";
import type { Catalogues } from "../../api/types";
import { formatNumber, formatPercent } from "../../lib/cells";
import { addMonths, firstDayOf } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { dayFigures, daysBetween, organisationName, sectionName } from "../agreements/agreements";

/**
 * The Ledningsforum pages' logic: codes in words, who may write, the next meeting, the forum's
 * open actions, a signal's figure with its unit, and the forms' checks. The components only
 * draw what this says.
 */

/** Who may create a forum (SPEC "Ledningsforum": `POST /forums` is lan's and admin's). */
export const forumCreators: readonly string[] = ["lan", "admin"];

export function forumLevelName(level: Forum["level"]): string {
  return t(`forumsPage.level.${level}`);
}

export function meetingStatusName(status: MeetingStatus): string {
  return t(`forumsPage.meeting_status.${status}`);
}

export function actionStatusName(status: ActionStatus): string {
  return t(`forumsPage.action_status.${status}`);
}

const signalKeys = {
  stuck_cases: "forumsPage.signal.stuck_cases",
  open_escalation: "forumsPage.signal.open_escalation",
  review_due: "forumsPage.signal.review_due",
  indicator_off_target: "forumsPage.signal.indicator_off_target",
  deviation: "forumsPage.signal.deviation",
  improvement_theme: "forumsPage.signal.improvement_theme",
  overdue_action: "forumsPage.signal.overdue_action",
} as const satisfies Record<SignalKind, MessageKey>;

/** A signal's kind in words; one the page does not know yet stays unnamed rather than a code. */
export function signalKindName(kind: string): string {
  return kind in signalKeys ? t(signalKeys[kind as SignalKind]) : "";
}

/** A meeting by its title, or by its date when it has none. */
export function meetingTitle(meeting: Pick<MeetingSummary, "title" | "date">): string {
  return meeting.title === null || meeting.title.trim() === ""
    ? t("forumsPage.meeting.untitled", { date: meeting.date })
    : meeting.title;
}

/** The forum's next meeting: the earliest on or after today whose protocol is not yet justerat. */
export function nextMeeting<M extends Pick<MeetingSummary, "date" | "status">>(
  meetings: readonly M[],
  today: string,
): M | null {
  const coming = meetings
    .filter((m) => m.date >= today && m.status !== "justerat")
    .sort((a, b) => a.date.localeCompare(b.date));
  return coming[0] ?? null;
}

/** The meetings, latest first. */
export function byDateDescending<M extends Pick<MeetingSummary, "date">>(meetings: readonly M[]) {
  return [...meetings].sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Who may hold the forum's meetings (SPEC "Ledningsforum": `ledning` of a member, `lan`,
 * `admin`). The API decides; this only keeps forms from those it would refuse.
 */
export function mayWriteMeetings(
  session: { readonly role: string; readonly orgs: readonly string[] },
  forum: Pick<Forum, "members">,
): boolean {
  if (session.role === "lan" || session.role === "admin") return true;
  return session.role === "ledning" && session.orgs.some((o) => forum.members.includes(o));
}

/** Whole days an action is past its due date on `day`; 0 when not yet due. */
export function daysOverdue(dueOn: string, day: string): number {
  return Math.max(0, daysBetween(dueOn, day));
}

/** Actions most overdue first, then by due date and title. */
export function mostOverdueFirst<
  A extends Pick<Action, "dueOn" | "title"> & { daysOverdue: number },
>(actions: readonly A[]): A[] {
  return [...actions].sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.title.localeCompare(b.title, "sv"),
  );
}

/** Where an action comes from, in words: the meeting it was carried over from, or an evaluation. */
export function actionOrigin(action: Pick<Action, "source">): string {
  return action.source.kind === "meeting"
    ? t("forumsPage.carried_from", { date: action.source.date })
    : t("forumsPage.from_evaluation");
}

/** The anchor of an action's row on the forum's page: signals about the action link there. */
export function actionAnchor(actionId: string): string {
  return `atgard-${actionId}`;
}

/** A signal picked into the agenda is known by its kind and what it is about. */
export function signalKey(signal: { readonly kind: string; readonly ref: string }): string {
  return `${signal.kind}|${signal.ref}`;
}

/** The signals the agenda already holds. */
export function signalsOnAgenda(agenda: readonly AgendaItem[]): Set<string> {
  return new Set(agenda.flatMap((item) => (item.signal === null ? [] : [signalKey(item.signal)])));
}

/** A figure as the page shows it: a number with its unit, or withheld (".."). */
export type Amount =
  | { readonly withheld: true; readonly unit: string }
  | { readonly withheld: false; readonly text: string };

export interface SignalFigure {
  /** The signal's number, when it has one. */
  readonly amount: Amount | null;
  /** What else the figure says, in words ("per 2025-06-30", "ansvarig: Nacka kommun"). */
  readonly details: readonly string[];
}

type Figure = Signal["figure"];

const num = (figure: Figure, key: string): number | null => {
  const value = figure[key];
  return typeof value === "number" ? value : null;
};
const str = (figure: Figure, key: string): string | null => {
  const value = figure[key];
  return typeof value === "string" ? value : null;
};

function unitName(unit: string | null | undefined): string {
  if (unit === "days") return t("forumsPage.unit.days");
  return unit === "cases" ? t("forumsPage.unit.cases") : "";
}

/** The unit of an indicator's figure: days for a statistic, cases for a count. */
export function figureUnit(figure: string): "days" | "cases" {
  return dayFigures.includes(figure) ? "days" : "cases";
}

/**
 * The agreements whose indicators the agenda must read for their units: an off-target
 * indicator's figure holds its value, and says its unit only when the API sends `unit`.
 */
export function agreementsForUnits(signals: readonly Signal[]): string[] {
  const ids = signals
    .filter((s) => s.kind === "indicator_off_target" && str(s.figure, "unit") === null)
    .map((s) => /^\/overenskommelser\/([^/?#]+)/.exec(s.link)?.[1])
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** A count or a statistic with its unit, or withheld: never a number in place of a withheld one. */
export function amountOf(value: number | null, suppressed: boolean, unit: string): Amount {
  if (suppressed || value === null) return { withheld: true, unit };
  const text = formatNumber(value);
  return {
    withheld: false,
    text: unit === "" ? text : t("forumsPage.figure.count", { value: text, unit }),
  };
}

function targetText(figure: Figure, unit: string): string | null {
  const target = num(figure, "target");
  const direction = str(figure, "direction");
  if (target === null || (direction !== "at_least" && direction !== "at_most")) return null;
  const value = formatNumber(target);
  return t("forumsPage.figure.target", {
    target: t(`forumsPage.figure.${direction}`, {
      value: unit === "" ? value : t("forumsPage.figure.count", { value, unit }),
    }),
  });
}

/**
 * A signal's figure in words (packages/domain/src/agenda/signals.ts says what each kind holds):
 * its number with the unit, then the rest. Codes are named (an owner by its organisation's
 * name, a section by its kind's), and a withheld count stays "..".
 */
export function signalFigure(
  signal: Signal,
  catalogues: Catalogues,
  /** The unit of each indicator by its id, for an off-target one whose figure does not say it. */
  indicatorUnits: ReadonlyMap<string, "days" | "cases"> = new Map(),
): SignalFigure {
  const f = signal.figure;
  const asOf = str(f, "asOf");
  const asOfText = asOf === null ? [] : [t("forumsPage.figure.as_of", { date: asOf })];
  switch (signal.kind) {
    case "stuck_cases": {
      const median = num(f, "medianDaysOver");
      return {
        amount: amountOf(num(f, "value"), f.suppressed === true, unitName(str(f, "unit"))),
        details: [
          ...(median === null
            ? []
            : [t("forumsPage.figure.median_over", { days: formatNumber(median) })]),
          ...asOfText,
        ],
      };
    }
    case "indicator_off_target": {
      const unit = unitName(str(f, "unit") ?? indicatorUnits.get(signal.ref));
      const target = targetText(f, unit);
      return {
        amount: amountOf(num(f, "value"), f.suppressed === true, unit),
        details: [...(target === null ? [] : [target]), ...asOfText],
      };
    }
    case "open_escalation": {
      const days = num(f, "daysOpen");
      const level = num(f, "level");
      const openedOn = str(f, "openedOn");
      return {
        amount:
          days === null
            ? null
            : {
                withheld: false,
                text: t("forumsPage.figure.days_open", { days: formatNumber(days) }),
              },
        details: [
          ...(level === 1 || level === 2 || level === 3
            ? [t(`escalationsPage.level.${level}`)]
            : []),
          ...(openedOn === null ? [] : [t("forumsPage.figure.opened_on", { date: openedOn })]),
        ],
      };
    }
    case "review_due": {
      const daysLeft = num(f, "daysLeft");
      const reviewBy = str(f, "reviewBy");
      return {
        amount:
          daysLeft === null
            ? null
            : {
                withheld: false,
                text:
                  daysLeft < 0
                    ? t("forumsPage.figure.days_late", { days: formatNumber(-daysLeft) })
                    : t("forumsPage.figure.days_left", { days: formatNumber(daysLeft) }),
              },
        details: reviewBy === null ? [] : [t("forumsPage.figure.review_by", { date: reviewBy })],
      };
    }
    case "deviation": {
      const kind = str(f, "kind");
      const section = str(f, "section");
      const occurredOn = str(f, "occurredOn");
      return {
        amount:
          kind === "avvikelse" || kind === "tvist"
            ? { withheld: false, text: t(`agreements.deviation_kind.${kind}`) }
            : null,
        details: [
          ...(section === null
            ? []
            : [t("forumsPage.figure.section", { section: sectionName(section as never) })]),
          ...(occurredOn === null ? [] : [t("forumsPage.figure.occurred", { date: occurredOn })]),
        ],
      };
    }
    case "overdue_action": {
      const days = num(f, "daysOverdue");
      const dueOn = str(f, "dueOn");
      const owner = str(f, "owner");
      return {
        amount:
          days === null
            ? null
            : {
                withheld: false,
                text: t("forumsPage.figure.days_late", { days: formatNumber(days) }),
              },
        details: [
          ...(dueOn === null ? [] : [t("forumsPage.figure.due_on", { date: dueOn })]),
          ...(owner === null
            ? []
            : [t("forumsPage.figure.owner", { owner: organisationName(catalogues, owner) })]),
        ],
      };
    }
    case "improvement_theme": {
      // Sessions are meetings, published as they are; items are people's notes, null when withheld.
      const sessions = num(f, "sessions");
      const since = str(f, "since");
      return {
        amount: amountOf(num(f, "items"), f.items === null, t("forumsPage.unit.improvements")),
        details: [
          ...(sessions === null
            ? []
            : [t("forumsPage.figure.sessions", { sessions: formatNumber(sessions) })]),
          ...(since === null ? [] : [t("forumsPage.figure.opened_on", { date: since })]),
        ],
      };
    }
    default:
      return unknownSignal(signal.kind);
  }
}

/**
 * A kind added to the API after this page: a compile error here once the types know it, and
 * meanwhile shown by its title alone rather than breaking the agenda.
 */
function unknownSignal(_kind: never): SignalFigure {
  return { amount: null, details: [] };
}

/** Names typed one per line (participants, justerare), each once, blank lines dropped. */
export function namesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ""),
    ),
  ];
}

export { isDate } from "./search";

/** "2026-Q1" in words ("Kvartal 1 2026"); anything else as it is. */
export function quarterName(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m === null ? quarter : t("forumsPage.quarter", { quarter: m[2] ?? "", year: m[1] ?? "" });
}

/**
 * The follow-up's default period: the current quarter and the three before it, up to today, so
 * that a year's trend is in view and the current quarter is read as far as it has come.
 */
export function defaultFollowUpRange(today: string): { from: string; to: string } {
  const month = Number(today.slice(5, 7));
  const quarterStart = `${today.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, "0")}`;
  return { from: firstDayOf(addMonths(quarterStart, -9)), to: today };
}

/** A quarter's figure as a chart's bar, the quarters without one left out. */
export function quarterPoints(
  quarters: readonly QuarterFollowUp[],
  value: (quarter: QuarterFollowUp) => number | null,
): { label: string; value: number }[] {
  return quarters.flatMap((q) => {
    const v = value(q);
    return v === null ? [] : [{ label: quarterName(q.quarter), value: v }];
  });
}

/** The whole period in words; the share and the median only when there is one. */
export function followUpSummary(total: FollowUp["total"]): string {
  return [
    t("forumsPage.followup.total", {
      created: formatNumber(total.created),
      done: formatNumber(total.done),
      overdue: formatNumber(total.overdue),
    }),
    total.completionRate === null
      ? t("forumsPage.followup.total_no_rate")
      : t("forumsPage.followup.total_rate", {
          rate: formatPercent(total.completionRate),
          due: formatNumber(total.due),
        }),
    ...(total.medianDaysToDone === null
      ? []
      : [t("forumsPage.followup.total_days", { days: formatNumber(total.medianDaysToDone) })]),
  ].join(" ");
}

/** An organisation list by name, in Swedish order. */
export function organisationList(catalogues: Catalogues, codes: readonly string[]): string {
  return codes
    .map((c) => organisationName(catalogues, c))
    .sort((a, b) => a.localeCompare(b, "sv"))
    .join(", ");
}
