import { describe, expect, it } from "vitest";
import { readEnv } from "../env";
import { AuthConfigError, createAuthConfig, devSigningKey } from "./config";

const secret = "a-test-secret-that-is-at-least-32-characters";

describe("createAuthConfig", () => {
  it("defaults to dev mode, keyed by a key derived from the secret", () => {
    const config = createAuthConfig(readEnv({}), secret);
    expect(config.mode).toBe("dev");
    if (config.mode !== "dev") return;
    expect(config.key).toEqual(devSigningKey(secret));
  });

  it("refuses dev mode in production, in Swedish", () => {
    const env = readEnv({ NODE_ENV: "production", AUTH_MODE: "dev" });
    expect(() => createAuthConfig(env, secret)).toThrow(AuthConfigError);
    expect(() => createAuthConfig(env, secret)).toThrow(/får inte användas.*NODE_ENV=production/);
  });

  it("names the OIDC settings that are missing", () => {
    const env = readEnv({ AUTH_MODE: "oidc", OIDC_ISSUER: "https://idp.example" });
    expect(() => createAuthConfig(env, secret)).toThrow(/OIDC_AUDIENCE, OIDC_JWKS_URL/);
  });

  it("builds an OIDC configuration with the claim names from the environment", () => {
    const env = readEnv({
      NODE_ENV: "production",
      AUTH_MODE: "oidc",
      OIDC_ISSUER: "https://idp.example",
      OIDC_AUDIENCE: "samsyn",
      OIDC_JWKS_URL: "https://idp.example/jwks.json",
      OIDC_ROLE_CLAIM: "samsyn.role",
    });
    const config = createAuthConfig(env, secret);
    expect(config).toMatchObject({
      mode: "oidc",
      issuer: "https://idp.example",
      audience: "samsyn",
      roleClaim: "samsyn.role",
      orgsClaim: "orgs",
    });
  });
});

describe("the dashboard's sign-in settings", () => {
  const oidc = {
    AUTH_MODE: "oidc",
    OIDC_ISSUER: "https://idp.example",
    OIDC_AUDIENCE: "samsyn",
    OIDC_JWKS_URL: "https://idp.example/jwks.json",
  };

  it("are read with a client id: a public client without a secret, scopes default openid", () => {
    const env = readEnv({
      ...oidc,
      OIDC_CLIENT_ID: "samsyn",
      SAMSYN_PUBLIC_URL: "https://samsyn.region.example/",
    });
    const config = createAuthConfig(env, secret);
    if (config.mode !== "oidc") throw new Error("expected OIDC");
    expect(config.signIn).toEqual({
      clientId: "samsyn",
      publicUrl: expect.any(URL),
      scopes: "openid",
    });
    expect(config.signIn?.publicUrl.href).toBe("https://samsyn.region.example/");
  });

  it("are absent without a client id: the API takes bearer tokens only", () => {
    const config = createAuthConfig(readEnv(oidc), secret);
    expect(config.mode === "oidc" && config.signIn).toBeUndefined();
  });

  it("refuse a client id without SAMSYN_PUBLIC_URL, which the callback is named from", () => {
    const env = readEnv({ ...oidc, OIDC_CLIENT_ID: "samsyn" });
    expect(() => createAuthConfig(env, secret)).toThrow(/SAMSYN_PUBLIC_URL/);
  });
});

describe("devSigningKey", () => {
  it("is stable per secret, differs between secrets and is not the secret itself", () => {
    const key = devSigningKey(secret);
    expect(key).toHaveLength(32);
    expect(devSigningKey(secret)).toEqual(key);
    expect(devSigningKey(`${secret}x`)).not.toEqual(key);
    expect(Buffer.from(key).toString("utf8")).not.toContain(secret);
  });
});
