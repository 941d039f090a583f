import type { IsoDate, OrganisationCode } from "../codes";
import type {
  ActionLink,
  AgendaSignal,
  ClosedActionStatus,
  ForumLevel,
  MeetingStatus,
} from "./forum";

export interface CreateForum {
  readonly type: "createForum";
  readonly name: string;
  readonly level: ForumLevel;
  readonly members: readonly OrganisationCode[];
  readonly chair: OrganisationCode;
}

export interface PlanMeeting {
  readonly type: "planMeeting";
  readonly date: IsoDate;
  readonly title: string | null;
}

export interface AddAgendaItem {
  readonly type: "addAgendaItem";
  readonly title: string;
  readonly signal: AgendaSignal | null;
}

export interface RecordDecision {
  readonly type: "recordDecision";
  readonly text: string;
}

export interface AddAction {
  readonly type: "addAction";
  readonly title: string;
  readonly owner: OrganisationCode;
  readonly dueOn: IsoDate;
  readonly link: ActionLink | null;
}

export interface ChangeMeetingStatus {
  readonly type: "changeMeetingStatus";
  readonly status: Exclude<MeetingStatus, "planned">;
  /** Replaces the stored list when given; omitted keeps it. */
  readonly participants?: readonly string[];
  readonly justerare?: readonly string[];
}

export interface CloseAction {
  readonly type: "closeAction";
  readonly status: ClosedActionStatus;
  /** Today in Europe/Stockholm: the action's `closedOn`. */
  readonly on: IsoDate;
}

export type ForumCommand =
  | CreateForum
  | PlanMeeting
  | AddAgendaItem
  | RecordDecision
  | AddAction
  | ChangeMeetingStatus
  | CloseAction;
