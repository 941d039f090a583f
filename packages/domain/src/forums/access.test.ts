import { describe, expect, it } from "vitest";
import { roles, type Scope } from "../access";
import { mayCreateForums, seesForum, writesInForum } from "./access";

const members = ["stockholms_stad", "region_stockholm"];
const scope = (role: Scope["role"], orgs: string[]) => ({ role, orgs });

describe("who may do what with a forum", () => {
  it("lets lan and admin set forums up, and no one else", () => {
    expect(roles.filter((role) => mayCreateForums({ role }))).toEqual(["admin", "lan"]);
  });

  it("shows a forum to lan and admin, and to others only through a member organisation", () => {
    for (const role of roles) {
      const whole = role === "admin" || role === "lan";
      expect(seesForum(scope(role, ["nacka_kommun"]), members), role).toBe(whole);
      expect(seesForum(scope(role, ["stockholms_stad"]), members), role).toBe(true);
    }
  });

  it("lets ledning of a member, lan and admin write, and never samordnare", () => {
    for (const role of roles) {
      const writes = role !== "samordnare";
      expect(writesInForum(scope(role, ["stockholms_stad"]), members), role).toBe(writes);
      expect(writesInForum(scope(role, ["nacka_kommun"]), members), role).toBe(
        role === "admin" || role === "lan",
      );
    }
  });
});
