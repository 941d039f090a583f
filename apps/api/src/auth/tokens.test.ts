import { base64url, errors, type JWTPayload, type JWTVerifyGetKey, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  adminScope,
  createTestIdentityProvider,
  expiredTokenFor,
  type TestIdentityProvider,
  testScope,
  testSecret,
  tokenFor,
  tokenSignedElsewhere,
  unsignedTokenFor,
} from "../testing";
import {
  devAudience,
  devAuthConfig,
  devIssuer,
  devSigningKey,
  type OidcAuthConfig,
  subjectKey,
} from "./config";
import { AuthUnavailableError, createToken, verifyToken } from "./tokens";

const dev = devAuthConfig(testSecret);
const samordnare = testScope("samordnare", ["K0180", "R01"], "anna");

/** A dev-signed token with exactly these claims (and these issuer/audience). */
function devSigned(claims: JWTPayload, options: { iss?: string; aud?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(options.iss ?? devIssuer)
    .setAudience(options.aud ?? devAudience)
    .sign(devSigningKey(testSecret));
}

const now = () => Math.floor(Date.now() / 1000);
const inAnHour = () => now() + 3600;
/** 1 January 2100, the `exp` of a token someone meant to keep. */
const in2100 = 4_102_444_800;

describe("dev tokens", () => {
  it("round-trips the scope", async () => {
    const token = await createToken(testSecret, { ...samordnare, expiresIn: "5m" });
    expect(await verifyToken(dev, token)).toEqual(samordnare);
  });

  it("accepts a token valid for 12 hours, the maximum, and the 8 hours samsyn token issues", async () => {
    const twelve = await devSigned({
      sub: "a",
      role: "admin",
      orgs: [],
      iat: now(),
      exp: now() + 43_200,
    });
    expect(await verifyToken(dev, twelve)).toEqual({ sub: "a", role: "admin", orgs: [] });
    const issued = await createToken(testSecret, samordnare);
    expect(await verifyToken(dev, issued)).toEqual(samordnare);
  });

  it("takes the maximum lifetime from the configuration", async () => {
    const token = await createToken(testSecret, { ...samordnare, expiresIn: "2h" });
    expect(await verifyToken({ ...dev, maxTokenLifetimeSeconds: 3600 }, token)).toBeUndefined();
  });

  it("refuses to create a token the verifier would refuse", async () => {
    await expect(createToken(testSecret, { ...samordnare, expiresIn: "13h" })).rejects.toThrow(
      RangeError,
    );
    await expect(
      createToken(testSecret, { sub: "b", role: "ledning", orgs: [] }),
    ).rejects.toThrow();
    await expect(
      createToken(testSecret, { sub: "19811218-9876", role: "admin", orgs: [] }),
    ).rejects.toThrow();
  });

  it.each([
    ["expired", () => expiredTokenFor(adminScope)],
    ["signed with another secret", () => tokenSignedElsewhere(adminScope)],
    ["unsigned (alg: none)", async () => unsignedTokenFor(adminScope)],
    [
      "for another issuer",
      () => devSigned({ sub: "a", role: "admin", orgs: [], exp: inAnHour() }, { iss: "evil" }),
    ],
    [
      "for another audience",
      () => devSigned({ sub: "a", role: "admin", orgs: [], exp: inAnHour() }, { aud: "other" }),
    ],
    ["without exp", () => devSigned({ sub: "a", role: "admin", orgs: [] })],
    ["without sub", () => devSigned({ role: "admin", orgs: [], exp: inAnHour() })],
    ["with an empty sub", () => devSigned({ sub: "", role: "admin", orgs: [], exp: inAnHour() })],
    ["without role", () => devSigned({ sub: "a", orgs: [], exp: inAnHour() })],
    [
      "with an unknown role",
      () => devSigned({ sub: "a", role: "root", orgs: [], exp: inAnHour() }),
    ],
    ["without orgs", () => devSigned({ sub: "a", role: "admin", exp: inAnHour() })],
    [
      "samordnare without orgs",
      () => devSigned({ sub: "a", role: "samordnare", orgs: [], exp: inAnHour() }),
    ],
    [
      "with a NUL in its subject (PostgreSQL cannot store it as the audit actor)",
      () => devSigned({ sub: "a\u0000b", role: "admin", orgs: [], exp: inAnHour() }),
    ],
    [
      "valid until 2100",
      () => devSigned({ sub: "a", role: "admin", orgs: [], iat: now(), exp: in2100 }),
    ],
    [
      "valid until 2100 without iat",
      () => devSigned({ sub: "a", role: "admin", orgs: [], exp: in2100 }),
    ],
    [
      "that claims to be issued an hour before it expires in 2100",
      () => devSigned({ sub: "a", role: "admin", orgs: [], iat: in2100 - 3600, exp: in2100 }),
    ],
    [
      "valid for 12 hours and a minute",
      () => devSigned({ sub: "a", role: "admin", orgs: [], iat: now(), exp: now() + 43_260 }),
    ],
  ])("refuses a token %s", async (_name, make) => {
    expect(await verifyToken(dev, await make())).toBeUndefined();
  });

  it("refuses a validly signed token whose payload was swapped for a more powerful one", async () => {
    const token = await tokenFor(testScope("samordnare", ["K0180"]));
    const [header, , signature] = token.split(".");
    const payload = base64url.encode(
      JSON.stringify({
        sub: "x",
        role: "admin",
        orgs: [],
        iss: devIssuer,
        aud: devAudience,
        exp: inAnHour(),
      }),
    );
    expect(await verifyToken(dev, `${header}.${payload}.${signature}`)).toBeUndefined();
  });

  it.each([
    "",
    "not-a-token",
    "a.b.c",
    "a.b",
    "....",
    `${base64url.encode("{")}.${base64url.encode("{}")}.x`,
    `${base64url.encode('{"alg":"HS256"}')}.${base64url.encode("[]")}.x`,
  ])("refuses the malformed token %j", async (token) => {
    expect(await verifyToken(dev, token)).toBeUndefined();
  });

  it("refuses an HS512 token made with the right key (only HS256 is allowed)", async () => {
    const token = await new SignJWT({ sub: "a", role: "admin", orgs: [] })
      .setProtectedHeader({ alg: "HS512" })
      .setIssuer(devIssuer)
      .setAudience(devAudience)
      .setExpirationTime("1h")
      .sign(new Uint8Array(64).fill(1));
    expect(await verifyToken(dev, token)).toBeUndefined();
  });
});

describe("OIDC tokens", () => {
  let idp: TestIdentityProvider;
  let config: OidcAuthConfig;

  beforeAll(async () => {
    idp = await createTestIdentityProvider();
    config = {
      mode: "oidc",
      issuer: idp.issuer,
      audience: idp.audience,
      keys: idp.keys,
      roleClaim: "samsyn.role",
      orgsClaim: "samsyn.orgs",
      subjectKey: subjectKey("test-secret"),
    };
  });

  it("yields the scope from claims at the configured paths", async () => {
    const token = await idp.sign({ sub: "u-17", samsyn: { role: "ledning", orgs: ["K0180"] } });
    expect(await verifyToken(config, token)).toEqual({
      sub: "u-17",
      role: "ledning",
      orgs: ["K0180"],
    });
  });

  it("replaces a subject that is a personnummer by a stable keyed pseudonym, and keeps others", async () => {
    const claims = { samsyn: { role: "samordnare", orgs: ["K0180"] } };
    const personal = await verifyToken(config, await idp.sign({ sub: "19121212-1212", ...claims }));
    const again = await verifyToken(config, await idp.sign({ sub: "191212121212", ...claims }));
    const other = await verifyToken(config, await idp.sign({ sub: "19900101-0017", ...claims }));
    expect(personal?.sub).toMatch(/^pseudonym:[\w-]{22}$/);
    expect(personal?.sub).not.toContain("1212");
    // The same person in another spelling is another string: only the exact subject is stable.
    expect(again?.sub).toMatch(/^pseudonym:/);
    expect(other?.sub).not.toBe(personal?.sub);
    const repeated = await verifyToken(config, await idp.sign({ sub: "19121212-1212", ...claims }));
    expect(repeated?.sub).toBe(personal?.sub);
    const keyedOtherwise = await verifyToken(
      { ...config, subjectKey: subjectKey("another-installation") },
      await idp.sign({ sub: "19121212-1212", ...claims }),
    );
    expect(keyedOtherwise?.sub).not.toBe(personal?.sub);
  });

  it("refuses role and orgs that sit at the top level when paths are configured", async () => {
    const token = await idp.sign({ role: "admin", orgs: [] });
    expect(await verifyToken(config, token)).toBeUndefined();
  });

  it("refuses an expired token, another issuer or audience, and another provider's key", async () => {
    const claims = { samsyn: { role: "admin", orgs: [] } };
    const otherIssuer = await createTestIdentityProvider("https://evil.example", idp.audience);
    // Same issuer and key id, another private key: only the signature gives it away.
    const impostor = await createTestIdentityProvider(idp.issuer, idp.audience);
    const tokens = [
      await idp.sign(claims, { expiresIn: "-2m" }),
      await otherIssuer.sign(claims),
      await impostor.sign(claims),
    ];
    for (const token of tokens) expect(await verifyToken(config, token)).toBeUndefined();
    const otherAudience = { ...config, audience: "someone-else" };
    expect(await verifyToken(otherAudience, await idp.sign(claims))).toBeUndefined();
  });

  it("refuses a provider's token valid for longer than 12 hours", async () => {
    const claims = { samsyn: { role: "lan", orgs: [] } };
    expect(await verifyToken(config, await idp.sign(claims, { expiresIn: "11h" }))).toBeDefined();
    expect(await verifyToken(config, await idp.sign(claims, { expiresIn: "24h" }))).toBeUndefined();
  });

  it("refuses symmetric and unsigned tokens (no algorithm confusion)", async () => {
    const claims = { sub: "a", samsyn: { role: "admin", orgs: [] } };
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", kid: "test-key-1" })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("any-secret-at-all-any-secret-at-all"));
    expect(await verifyToken(config, hs256)).toBeUndefined();
    expect(await verifyToken(config, unsignedTokenFor(adminScope))).toBeUndefined();
  });

  it("tells an unreachable key set apart from a bad token", async () => {
    const token = await idp.sign({ samsyn: { role: "admin", orgs: [] } });
    const unreachable: JWTVerifyGetKey = () => {
      throw new TypeError("fetch failed");
    };
    const timingOut: JWTVerifyGetKey = () => {
      throw new errors.JWKSTimeout();
    };
    await expect(verifyToken({ ...config, keys: unreachable }, token)).rejects.toThrow(
      AuthUnavailableError,
    );
    await expect(verifyToken({ ...config, keys: timingOut }, token)).rejects.toThrow(
      AuthUnavailableError,
    );
  });
});
