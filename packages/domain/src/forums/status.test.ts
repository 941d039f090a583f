import { describe, expect, it } from "vitest";
import { meetingStatuses } from "./forum";
import { canChangeMeetingStatus, isMeetingLocked, nextMeetingStatuses } from "./status";

describe("a meeting's status", () => {
  it("moves planned → held → justerat and allows no other pair", () => {
    const allowed = new Set(["planned→held", "held→justerat"]);
    for (const from of meetingStatuses) {
      for (const to of meetingStatuses) {
        expect(canChangeMeetingStatus(from, to), `${from}→${to}`).toBe(
          allowed.has(`${from}→${to}`),
        );
      }
    }
  });

  it("ends at justerat, which is locked, and only there", () => {
    expect(nextMeetingStatuses("justerat")).toEqual([]);
    expect(meetingStatuses.filter(isMeetingLocked)).toEqual(["justerat"]);
  });
});
