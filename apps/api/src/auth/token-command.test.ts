import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readEnv } from "../env";
import { testSecret } from "../testing";
import { devAuthConfig } from "./config";
import { runTokenCommand } from "./token-command";
import { verifyToken } from "./tokens";

const devEnv = readEnv({ NODE_ENV: "development" });
const secret = () => testSecret;

describe("samsyn token", () => {
  it("prints a token that the app accepts, with the role, organisations and subject asked for", async () => {
    const result = await runTokenCommand(
      devEnv,
      ["--role", "samordnare", "--org", "K0180", "--org", "R01", "--sub", "anna"],
      secret,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const scope = await verifyToken(devAuthConfig(testSecret), result.stdout ?? "");
    expect(scope).toEqual({ sub: "anna", role: "samordnare", orgs: ["K0180", "R01"] });
  });

  it("names the subject after the role when none is given", async () => {
    const result = await runTokenCommand(devEnv, ["--role", "lan"], secret);
    const scope = await verifyToken(devAuthConfig(testSecret), result.stdout ?? "");
    expect(scope).toEqual({ sub: "dev-lan", role: "lan", orgs: [] });
  });

  it.each([
    ["no role", [], /Ange en roll med --role: admin, lan, ledning, samordnare/],
    ["an unknown role", ["--role", "root"], /Okänd roll/],
    ["samordnare without organisations", ["--role", "samordnare"], /minst en organisation/],
    [
      "a malformed organisation code",
      ["--role", "admin", "--org", "a b"],
      /Ogiltig organisationskod/,
    ],
    ["a personnummer as subject", ["--role", "admin", "--sub", "19811218-9876"], /personnummer/],
  ])("refuses %s with exit code 2 and a Swedish reason", async (_name, args, reason) => {
    const result = await runTokenCommand(devEnv, args, secret);
    expect(result).toEqual({ code: 2, stderr: expect.stringMatching(reason) });
  });

  it("refuses outside dev mode without touching the secret", async () => {
    const env = readEnv({ AUTH_MODE: "oidc" });
    const untouchable = () => {
      throw new Error("the secret was asked for");
    };
    const result = await runTokenCommand(env, ["--role", "admin"], untouchable);
    expect(result).toEqual({ code: 2, stderr: expect.stringMatching(/bara med AUTH_MODE=dev/) });
  });

  it("refuses in production", async () => {
    const env = readEnv({ NODE_ENV: "production", AUTH_MODE: "dev" });
    const result = await runTokenCommand(env, ["--role", "admin"], secret);
    expect(result).toEqual({ code: 2, stderr: expect.stringMatching(/NODE_ENV=production/) });
  });
});

describe("the samsyn bin", () => {
  const bin = fileURLToPath(new URL("../../bin/samsyn.mjs", import.meta.url));
  const run = (args: string[], env: Record<string, string>) =>
    promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, NODE_ENV: "development", SAMSYN_SECRET: testSecret, ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );

  it("prints only the token on stdout, and exits 2 for a token outside dev mode", async () => {
    const ok = await run(["token", "--role", "admin"], {});
    expect(ok.code).toBe(0);
    const scope = await verifyToken(devAuthConfig(testSecret), ok.stdout.trim());
    expect(scope).toEqual({ sub: "dev-admin", role: "admin", orgs: [] });

    const refused = await run(["token", "--role", "admin"], { AUTH_MODE: "oidc" });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/AUTH_MODE=dev/);
  });

  it("refuses to serve in dev mode when NODE_ENV=production, before opening anything", async () => {
    const refused = await run(["serve"], { NODE_ENV: "production", AUTH_MODE: "dev", PORT: "0" });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/AUTH_MODE=dev får inte användas när NODE_ENV=production/);
  });
});
