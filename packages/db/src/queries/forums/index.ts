export { forumFollowUp } from "./follow-up";
export {
  type ForumWithMeetings,
  getForum,
  getForumWithMeetings,
  getMeeting,
  listForumActions,
  listForums,
  listMeetings,
} from "./forums";
export type {
  ActionView,
  AgendaItemView,
  DecisionView,
  ForumView,
  MeetingDetail,
  MeetingSummary,
} from "./views";
