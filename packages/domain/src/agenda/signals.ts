import type { IndicatorFigure, IndicatorTarget } from "../agreements/commands";
import type { IndicatorReading } from "../agreements/indicators";
import { evaluationThemes } from "../catalogues";
import type { IsoDate } from "../codes";
import type { RecurringTheme } from "../evaluations/recurring";
import { type MessageKey, t } from "../messages";
import { addDays, daysBetween } from "../time";

/**
 * The suggested agenda of a meeting (SPEC "Ledningsforum", suggested-agenda): what happened
 * among the forum's member organisations since the previous meeting that leaders may want to
 * act on, each with its figure and the page behind it. Pure: the operation loads the facts (the
 * figures already published through the one metric publisher), this decides what fires.
 */
export const signalKinds = [
  "stuck_cases",
  "open_escalation",
  "review_due",
  "indicator_off_target",
  "deviation",
  "improvement_theme",
  "overdue_action",
] as const;
export type SignalKind = (typeof signalKinds)[number];

/** The management level a forum acts at (SPEC "Eskalering": 3 = förvaltningschef/ledningsforum). */
export const FORUM_ESCALATION_LEVEL = 3;

/** How far ahead a review counts as due: one month is what a forum meeting monthly can act on. */
export const REVIEW_DUE_WITHIN_DAYS = 31;

/** Without a previous meeting, "since" reaches back one quarter. */
export const FIRST_MEETING_LOOKBACK_DAYS = 91;

/** A published count: null and suppressed when withheld, as every metric answers it. */
export interface PublishedCount {
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** What the operation loaded for the forum's member organisations. */
export interface AgendaFacts {
  readonly forumId: string;
  readonly meetingDate: IsoDate;
  /** The date of the forum's previous meeting, if any. */
  readonly previousMeetingDate: IsoDate | null;
  /** The day the figures are read as of: the meeting's date, or today for a future meeting. */
  readonly asOf: IsoDate;
  /** The stuck metric's published cells by process and step (cells of 0 are left out). */
  readonly stuck: readonly {
    readonly process: string;
    readonly step: number;
    readonly stepName: string;
    /** The process's name: step numbers and names repeat between the process models. */
    readonly processName: string;
    readonly count: PublishedCount;
    readonly medianDaysOver: number | null;
  }[];
  /** Open escalations involving a member. */
  readonly escalations: readonly {
    readonly id: string;
    readonly level: number;
    readonly openedOn: IsoDate;
  }[];
  /** Agreements with a member among their parties. */
  readonly agreements: readonly {
    readonly id: string;
    readonly title: string;
    readonly status: string;
    readonly reviewBy: IsoDate;
  }[];
  /** Those agreements' indicators with their current reading as of `asOf`. */
  readonly indicators: readonly {
    readonly id: string;
    readonly agreementId: string;
    readonly name: string;
    readonly figure: IndicatorFigure;
    readonly target: IndicatorTarget;
    readonly current: IndicatorReading;
  }[];
  /** Deviations logged on those agreements. */
  readonly deviations: readonly {
    readonly id: string;
    readonly agreementId: string;
    readonly agreementTitle: string;
    readonly kind: "avvikelse" | "tvist";
    readonly section: string;
    readonly occurredOn: IsoDate;
    readonly status: "open" | "closed";
  }[];
  /** The forum's actions. */
  readonly actions: readonly {
    readonly id: string;
    readonly title: string;
    readonly owner: string;
    readonly dueOn: IsoDate;
    readonly status: "open" | "done" | "cancelled";
    readonly closedOn: IsoDate | null;
  }[];
  /**
   * Themes raised as improvements in at least 3 sessions within 6 months among the members'
   * evaluations (`recurringImprovementThemes`); absent where nobody loaded them.
   */
  readonly improvementThemes?: readonly RecurringTheme[];
}

export interface Signal {
  readonly kind: SignalKind;
  /** What the signal is about (an id, or `process:step`): picked into the agenda with it. */
  readonly ref: string;
  readonly title: string;
  readonly figure: Readonly<Record<string, string | number | boolean | null>>;
  /** The dashboard page behind it. */
  readonly link: string;
}

export interface SuggestedAgenda {
  readonly since: IsoDate;
  readonly signals: readonly Signal[];
}

/** The signals of a meeting, in the order of `signalKinds`, the most pressing first in each. */
export function suggestAgenda(facts: AgendaFacts, locale: "sv" | "en" = "sv"): SuggestedAgenda {
  const since =
    facts.previousMeetingDate ?? addDays(facts.meetingDate, -FIRST_MEETING_LOOKBACK_DAYS);
  const say = (key: MessageKey, params: Record<string, string | number>) => t(key, params, locale);
  const signals: Signal[] = [
    ...stuckCases(facts, say),
    ...openEscalations(facts, say),
    ...reviewsDue(facts, say),
    ...indicatorsOffTarget(facts, say),
    ...newDeviations(facts, since, say),
    ...improvementThemes(facts, say, locale),
    ...overdueActions(facts, say),
  ];
  return { since, signals };
}

type Say = (key: MessageKey, params: Record<string, string | number>) => string;

/** A step with stuck cases: published above zero, or withheld (1..k−1, but not none). */
function stuckCases(facts: AgendaFacts, say: Say): Signal[] {
  return facts.stuck
    .filter((cell) => cell.count.suppressed || (cell.count.value ?? 0) > 0)
    .sort((a, b) => (b.count.value ?? 0) - (a.count.value ?? 0))
    .map((cell) => ({
      kind: "stuck_cases",
      ref: `${cell.process}:${cell.step}`,
      title: say("agenda.signal.stuck_cases", {
        step: cell.step,
        name: cell.stepName,
        process: cell.processName,
      }),
      figure: {
        value: cell.count.value,
        suppressed: cell.count.suppressed,
        unit: "cases",
        medianDaysOver: cell.medianDaysOver,
        asOf: facts.asOf,
      },
      link: `/fastnade?process=${encodeURIComponent(cell.process)}`,
    }));
}

/** Escalations lifted to the forum's level and still open: the forum is where they end. */
function openEscalations(facts: AgendaFacts, say: Say): Signal[] {
  return facts.escalations
    .filter((e) => e.level >= FORUM_ESCALATION_LEVEL)
    .sort((a, b) => a.openedOn.localeCompare(b.openedOn))
    .map((e) => {
      const daysOpen = daysBetween(e.openedOn, facts.asOf);
      return {
        kind: "open_escalation",
        ref: e.id,
        title: say("agenda.signal.open_escalation", { days: daysOpen }),
        figure: { level: e.level, daysOpen, openedOn: e.openedOn },
        link: `/eskaleringar/${e.id}`,
      };
    });
}

/** An agreement in force whose yearly review is overdue or falls due within a month. */
function reviewsDue(facts: AgendaFacts, say: Say): Signal[] {
  const horizon = addDays(facts.meetingDate, REVIEW_DUE_WITHIN_DAYS);
  return facts.agreements
    .filter((a) => (a.status === "active" || a.status === "under_review") && a.reviewBy <= horizon)
    .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy))
    .map((a) => {
      const daysLeft = daysBetween(facts.meetingDate, a.reviewBy);
      return {
        kind: "review_due",
        ref: a.id,
        title: say(daysLeft < 0 ? "agenda.signal.review_overdue" : "agenda.signal.review_due", {
          title: a.title,
          date: a.reviewBy,
        }),
        figure: { reviewBy: a.reviewBy, daysLeft, status: a.status },
        link: `/overenskommelser/${a.id}`,
      };
    });
}

/** An indicator whose current figure is published and misses its target. */
function indicatorsOffTarget(facts: AgendaFacts, say: Say): Signal[] {
  return facts.indicators
    .filter((i) => i.current.met === false)
    .map((i) => ({
      kind: "indicator_off_target",
      ref: i.id,
      title: say("agenda.signal.indicator_off_target", { name: i.name }),
      figure: {
        value: i.current.value,
        suppressed: i.current.suppressed,
        unit: unitOf(i.figure),
        target: i.target.value,
        direction: i.target.direction,
        asOf: facts.asOf,
      },
      link: `/overenskommelser/${i.agreementId}`,
    }));
}

/** What an indicator's figure counts: cases, or days (its medians and percentiles). */
function unitOf(figure: IndicatorFigure): "cases" | "days" {
  return figure === "median" || figure === "p90" || figure.startsWith("medianDays")
    ? "days"
    : "cases";
}

/** A deviation or dispute that occurred since the previous meeting and is still open. */
function newDeviations(facts: AgendaFacts, since: IsoDate, say: Say): Signal[] {
  return facts.deviations
    .filter(
      (d) => d.status === "open" && d.occurredOn >= since && d.occurredOn <= facts.meetingDate,
    )
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))
    .map((d) => ({
      kind: "deviation",
      ref: d.id,
      title: say(`agenda.signal.deviation.${d.kind}`, { title: d.agreementTitle }),
      figure: { kind: d.kind, section: d.section, occurredOn: d.occurredOn },
      link: `/overenskommelser/${d.agreementId}`,
    }));
}

/** An action of the forum still open on the meeting's day and past its due date. */
function overdueActions(facts: AgendaFacts, say: Say): Signal[] {
  return facts.actions
    .filter((a) => {
      const openOnTheDay =
        a.status === "open" || (a.closedOn !== null && a.closedOn >= facts.meetingDate);
      return openOnTheDay && a.dueOn < facts.meetingDate;
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((a) => {
      const daysOverdue = daysBetween(a.dueOn, facts.meetingDate);
      return {
        kind: "overdue_action",
        ref: a.id,
        title: say("agenda.signal.overdue_action", { title: a.title, days: daysOverdue }),
        figure: { daysOverdue, dueOn: a.dueOn, owner: a.owner },
        link: `/ledningsforum/${facts.forumId}#atgard-${a.id}`,
      };
    });
}

/**
 * A theme that recurs as an improvement: sessions are counted as they are (they are meetings,
 * not people); items are people's notes, so they come already under the count rule.
 */
function improvementThemes(facts: AgendaFacts, say: Say, locale: "sv" | "en"): Signal[] {
  return (facts.improvementThemes ?? []).map((theme) => {
    const name = evaluationThemes.find((t) => t.code === theme.theme)?.name[locale] ?? theme.theme;
    return {
      kind: "improvement_theme",
      ref: theme.theme,
      title: say("agenda.signal.improvement_theme", { name, sessions: theme.sessions }),
      figure: { sessions: theme.sessions, items: theme.items, since: theme.since },
      link: `/utvardering/teman?theme=${encodeURIComponent(theme.theme)}`,
    };
  });
}
