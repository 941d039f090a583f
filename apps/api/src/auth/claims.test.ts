import { describe, expect, it } from "vitest";
import { claimAt, scopeFromClaims } from "./claims";

describe("claimAt", () => {
  it("reads a top-level claim, a dotted path, and a namespaced name with dots as one key", () => {
    const payload = {
      role: "lan",
      samsyn: { role: "ledning", orgs: ["K0180"] },
      "https://samsyn.example/role": "admin",
    };
    expect(claimAt(payload, "role")).toBe("lan");
    expect(claimAt(payload, "samsyn.role")).toBe("ledning");
    expect(claimAt(payload, "samsyn.orgs")).toEqual(["K0180"]);
    expect(claimAt(payload, "https://samsyn.example/role")).toBe("admin");
  });

  it("gives undefined for a missing step, a non-object on the way and inherited keys", () => {
    const payload = { samsyn: "flat", other: {} };
    expect(claimAt(payload, "samsyn.role")).toBeUndefined();
    expect(claimAt(payload, "other.role")).toBeUndefined();
    expect(claimAt(payload, "missing.role")).toBeUndefined();
    expect(claimAt(payload, "other.toString")).toBeUndefined();
  });
});

describe("scopeFromClaims", () => {
  it("yields the scope of well-formed claims", () => {
    expect(scopeFromClaims({ sub: "anna", role: "samordnare", orgs: ["K0180"] })).toEqual({
      sub: "anna",
      role: "samordnare",
      orgs: ["K0180"],
    });
  });

  it("lets admin and lan go without organisations, but not ledning or samordnare", () => {
    expect(scopeFromClaims({ sub: "a", role: "admin", orgs: [] })).toBeDefined();
    expect(scopeFromClaims({ sub: "a", role: "lan", orgs: [] })).toBeDefined();
    expect(scopeFromClaims({ sub: "a", role: "ledning", orgs: [] })).toBeUndefined();
    expect(scopeFromClaims({ sub: "a", role: "samordnare", orgs: [] })).toBeUndefined();
  });

  it.each([
    ["an empty subject", { sub: "", role: "admin", orgs: [] }],
    ["a missing subject", { sub: undefined, role: "admin", orgs: [] }],
    ["a subject with a NUL", { sub: "a\u0000b", role: "admin", orgs: [] }],
    ["an unknown role", { sub: "a", role: "superuser", orgs: [] }],
    ["a role in the wrong case", { sub: "a", role: "Admin", orgs: [] }],
    ["orgs as a string", { sub: "a", role: "admin", orgs: "K0180" }],
    ["a malformed organisation code", { sub: "a", role: "admin", orgs: ["K 0180"] }],
    ["missing orgs", { sub: "a", role: "admin", orgs: undefined }],
  ])("refuses %s", (_name, claims) => {
    expect(scopeFromClaims(claims)).toBeUndefined();
  });
});
