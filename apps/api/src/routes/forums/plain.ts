import type { ActionView, ForumView, MeetingDetail, MeetingSummary } from "@samsyn/db";

/**
 * The readonly arrays of the db's views as the plain arrays the response schemas declare, and
 * a link's params as the open record they document.
 */
export function plainForum(f: ForumView) {
  return { ...f, members: [...f.members] };
}

export function plainAction(a: ActionView) {
  return { ...a, link: a.link === null ? null : { ...a.link } };
}

export function plainMeetingSummary(m: MeetingSummary) {
  return { ...m, participants: [...m.participants], justerare: [...m.justerare] };
}

export function plainMeeting(m: MeetingDetail) {
  return {
    ...plainMeetingSummary(m),
    agenda: [...m.agenda],
    decisions: [...m.decisions],
    actions: m.actions.map(plainAction),
    followUp: m.followUp.map((a) => ({ ...a, ...plainAction(a) })),
  };
}
