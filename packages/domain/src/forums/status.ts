import type { MeetingStatus } from "./forum";

/**
 * SPEC "Ledningsforum": a meeting is planned, then held, then its protocol is justerat (checked
 * and signed). No step back and none skipped: a protocol is justerat only after the meeting.
 */
const transitions: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  planned: ["held"],
  held: ["justerat"],
  justerat: [],
};

export function canChangeMeetingStatus(from: MeetingStatus, to: MeetingStatus): boolean {
  return transitions[from].includes(to);
}

/** The status a meeting moves to next, in the order a form offers it; none once justerat. */
export function nextMeetingStatuses(from: MeetingStatus): readonly MeetingStatus[] {
  return transitions[from];
}

/**
 * A justerat protocol is locked: what it says was checked and signed, so its agenda, decisions,
 * actions and status no longer change. Its actions can still be closed: follow-up comes after.
 */
export function isMeetingLocked(status: MeetingStatus): boolean {
  return status === "justerat";
}
