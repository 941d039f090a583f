import type { Escalation } from "../../api/escalations";
import type { Action, Effect, Forum, Meeting, Signal } from "../../api/forums";

export { catalogues } from "../agreements/testing";

/**
 * Builders for the Ledningsforum and Eskaleringar tests, over the agreements' test county (Nacka
 * kommun `K0182`, Stockholms stad `K0180`, Region Stockholm `REG`); `changes` set any field.
 */
export function aForum(changes: Partial<Forum> = {}): Forum {
  return {
    id: "f1",
    name: "Ledningsgruppen Nacka",
    level: "lokal",
    members: ["K0182", "REG"],
    chair: "REG",
    ...changes,
  };
}

export function anAction(changes: Partial<Action> = {}): Action {
  return {
    id: "a1",
    forumId: "f1",
    title: "Ta fram gemensam mall för kallelse",
    owner: "REG",
    decidedOn: "2025-03-01",
    dueOn: "2025-04-30",
    status: "open",
    closedOn: null,
    link: null,
    source: { kind: "meeting", meetingId: "m1", date: "2025-03-01" },
    ...changes,
  };
}

export function aMeeting(changes: Partial<Meeting> = {}): Meeting {
  return {
    id: "m2",
    forumId: "f1",
    date: "2025-06-10",
    title: "Ledningsgruppen, juni",
    status: "planned",
    participants: [],
    justerare: [],
    agenda: [],
    decisions: [],
    actions: [],
    followUp: [],
    ...changes,
  };
}

export function aSignal(changes: Partial<Signal> = {}): Signal {
  return {
    kind: "stuck_cases",
    ref: "sip:3",
    title: "Fastnade ärenden i steg 3 Kallelse till planeringsmöte",
    figure: { value: 14, suppressed: false, unit: "cases", medianDaysOver: 12, asOf: "2025-06-10" },
    link: "/fastnade?process=sip",
    ...changes,
  };
}

export function anEffect(changes: Partial<Effect> = {}): Effect {
  const month = (m: string, value: number | null) => ({
    month: m,
    value,
    suppressed: value === null,
    met: value === null ? null : value >= 10,
  });
  return {
    k: 5,
    disclosure: "cellkey",
    actionId: "a1",
    name: "SIP upprättad",
    metric: "sip",
    figure: "sipEstablished",
    target: { value: 10, direction: "at_least" },
    decided: { date: "2025-03-01", value: 6, suppressed: false, met: false },
    done: { date: "2025-05-20", value: null, suppressed: true, met: null },
    now: { date: "2025-06-30", value: 12, suppressed: false, met: true },
    months: [
      month("2025-03", 6),
      month("2025-04", 8),
      month("2025-05", null),
      month("2025-06", 12),
    ],
    ...changes,
  };
}

export function anEscalation(changes: Partial<Escalation> = {}): Escalation {
  return {
    id: "e1",
    about: { kind: "routine", section: "sip" },
    organisations: ["K0182", "REG"],
    question: "Vem kallar till SIP när den enskilde skrivs ut?",
    level: 1,
    status: "open",
    openedOn: "2025-05-01",
    resolvedOn: null,
    resolution: null,
    lifts: [],
    ageDays: 40,
    ...changes,
  };
}
