import { indicatorFigures } from "../agreements/commands";
import { sortedSet } from "../agreements/decide";
import { assertNever } from "../assert-never";
import type { IsoDate, OrganisationCode } from "../codes";
import { err, ok, type Result } from "../result";
import type {
  AddAction,
  ChangeMeetingStatus,
  CloseAction,
  CreateForum,
  ForumCommand,
} from "./commands";
import type {
  ActionLink,
  ActionStatus,
  AgendaSignal,
  ClosedActionStatus,
  Forum,
  ForumLevel,
  Meeting,
  MeetingStatus,
} from "./forum";
import { canChangeMeetingStatus, isMeetingLocked } from "./status";

/**
 * Why a forum command is refused. `field` names the request field the refusal is about, so a
 * form can show the message beside it.
 */
export const forumErrorCodes = [
  "tooFewMembers",
  "unknownOrganisation",
  "chairNotMember",
  "ownerNotMember",
  "dueBeforeDecided",
  "unknownIndicator",
  "figureNotInMetric",
  "meetingLocked",
  "statusTransition",
  "actionClosed",
] as const;
export type ForumErrorCode = (typeof forumErrorCodes)[number];

export interface ForumError {
  readonly code: ForumErrorCode;
  readonly field?: string;
}

/** What the operation loaded before deciding; each command reads the parts it is about. */
export interface ForumDecisionState {
  /** The county's organisation codes, as stored. */
  readonly organisations: ReadonlySet<string>;
  /** The forum the command is about; undefined for `createForum`. */
  readonly forum?: Pick<Forum, "members"> | undefined;
  /** The meeting the command is about (agenda, decisions, actions, status). */
  readonly meeting?: Pick<Meeting, "date" | "status" | "participants" | "justerare"> | undefined;
  /** For `closeAction`: the action as stored. */
  readonly action?: { readonly status: ActionStatus } | undefined;
  /** For an action linked to an indicator: whether that indicator exists. */
  readonly indicatorExists?: boolean;
}

/** What a decision changes; the operation writes exactly this. */
export type ForumChange =
  | {
      readonly type: "forumCreated";
      readonly forum: {
        readonly name: string;
        readonly level: ForumLevel;
        readonly members: readonly OrganisationCode[];
        readonly chair: OrganisationCode;
      };
    }
  | {
      readonly type: "meetingPlanned";
      readonly meeting: { readonly date: IsoDate; readonly title: string | null };
    }
  | {
      readonly type: "agendaItemAdded";
      readonly item: { readonly title: string; readonly signal: AgendaSignal | null };
    }
  | { readonly type: "decisionRecorded"; readonly text: string }
  | {
      readonly type: "actionAdded";
      readonly action: {
        readonly title: string;
        readonly owner: OrganisationCode;
        /** The meeting's date: the day it was decided. */
        readonly decidedOn: IsoDate;
        readonly dueOn: IsoDate;
        readonly link: ActionLink | null;
      };
    }
  | {
      readonly type: "meetingStatusChanged";
      readonly status: Exclude<MeetingStatus, "planned">;
      readonly participants: readonly string[];
      readonly justerare: readonly string[];
    }
  | { readonly type: "actionClosed"; readonly status: ClosedActionStatus; readonly on: IsoDate };

type Decision = Result<readonly ForumChange[], ForumError>;

/**
 * The forums' decider: pure, from a command and what is stored to the changes to make, or the
 * one reason not to.
 */
export function decideForum(command: ForumCommand, state: ForumDecisionState): Decision {
  switch (command.type) {
    case "createForum":
      return createForum(command, state);
    case "planMeeting":
      return ok([
        { type: "meetingPlanned", meeting: { date: command.date, title: command.title } },
      ]);
    case "addAgendaItem": {
      const item = { title: command.title, signal: command.signal };
      return unlessLocked(state, () => ok([{ type: "agendaItemAdded", item }]));
    }
    case "recordDecision":
      return unlessLocked(state, () => ok([{ type: "decisionRecorded", text: command.text }]));
    case "addAction":
      return unlessLocked(state, (meeting) => addAction(command, meeting.date, state));
    case "changeMeetingStatus":
      return changeStatus(command, state);
    case "closeAction":
      return closeAction(command, state);
    default:
      return assertNever(command);
  }
}

function createForum(command: CreateForum, state: ForumDecisionState): Decision {
  const members = sortedSet(command.members);
  if (members.length < 2) return err({ code: "tooFewMembers", field: "members" });
  if (members.some((m) => !state.organisations.has(m))) {
    return err({ code: "unknownOrganisation", field: "members" });
  }
  if (!members.includes(command.chair)) return err({ code: "chairNotMember", field: "chair" });
  const { name, level, chair } = command;
  return ok([{ type: "forumCreated", forum: { name, level, members, chair } }]);
}

/**
 * The owner is a member organisation: the forum follows its actions up with the leaders of its
 * members, so an action owned elsewhere would have no one at the table to answer for it.
 */
function addAction(command: AddAction, decidedOn: IsoDate, state: ForumDecisionState): Decision {
  if (!state.organisations.has(command.owner)) {
    return err({ code: "unknownOrganisation", field: "owner" });
  }
  if (!forumOf(state).members.includes(command.owner)) {
    return err({ code: "ownerNotMember", field: "owner" });
  }
  if (command.dueOn < decidedOn) return err({ code: "dueBeforeDecided", field: "dueOn" });
  const link = command.link;
  if (link?.kind === "indicator" && state.indicatorExists !== true) {
    return err({ code: "unknownIndicator", field: "link.indicatorId" });
  }
  if (
    link?.kind === "metric" &&
    !(indicatorFigures[link.metric] as readonly string[]).includes(link.figure)
  ) {
    return err({ code: "figureNotInMetric", field: "link.figure" });
  }
  const { title, owner, dueOn } = command;
  return ok([{ type: "actionAdded", action: { title, owner, decidedOn, dueOn, link } }]);
}

function changeStatus(command: ChangeMeetingStatus, state: ForumDecisionState): Decision {
  return unlessLocked(state, (meeting) => {
    if (!canChangeMeetingStatus(meeting.status, command.status)) {
      return err({ code: "statusTransition", field: "status" });
    }
    return ok([
      {
        type: "meetingStatusChanged",
        status: command.status,
        participants: command.participants ?? meeting.participants,
        justerare: command.justerare ?? meeting.justerare,
      },
    ]);
  });
}

/** Closing is allowed whatever the deciding meeting's status: follow-up comes after the protocol. */
function closeAction(command: CloseAction, state: ForumDecisionState): Decision {
  // The operation answers 404 before deciding; reaching here without one is a broken invariant.
  if (state.action === undefined) throw new Error("closeAction without an action");
  if (state.action.status !== "open") return err({ code: "actionClosed", field: "status" });
  return ok([{ type: "actionClosed", status: command.status, on: command.on }]);
}

/** A justerat protocol takes no more writes (SPEC: later writes to it 409). */
function unlessLocked(
  state: ForumDecisionState,
  decide: (meeting: NonNullable<ForumDecisionState["meeting"]>) => Decision,
): Decision {
  const meeting = state.meeting;
  if (meeting === undefined) throw new Error("a meeting command without a meeting");
  if (isMeetingLocked(meeting.status)) return err({ code: "meetingLocked" });
  return decide(meeting);
}

function forumOf(state: ForumDecisionState): Pick<Forum, "members"> {
  if (state.forum === undefined) throw new Error("a forum command without a forum");
  return state.forum;
}
