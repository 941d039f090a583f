export { addAction, type NewAction } from "./add-action";
export { addAgendaItem, type NewAgendaItem } from "./add-agenda-item";
export { changeMeetingStatus, type MeetingStatusChange } from "./change-meeting-status";
export { closeAction } from "./close-action";
export { createForum, type NewForum } from "./create-forum";
export { type NewMeeting, planMeeting } from "./plan-meeting";
export { recordDecision } from "./record-decision";
