import { parseArgs } from "node:util";
import { organisationCode, role, roles, t } from "@samsyn/domain";
import type { Env } from "../env";
import { devSubject, scopeClaims } from "./claims";
import { AuthConfigError, assertDevModeAllowed } from "./config";
import { createToken, type DevTokenRequest } from "./tokens";

export interface CommandResult {
  readonly code: number;
  /** The token alone, so that `TOKEN=$(samsyn token …)` works. */
  readonly stdout?: string;
  readonly stderr?: string;
}

/**
 * `samsyn token --role ROLE [--org CODE …] [--sub NAME]`: a dev-mode token for a local user.
 * The secret is asked for only once dev mode is confirmed, so the command never creates one for
 * an OIDC installation.
 */
export async function runTokenCommand(
  env: Env,
  args: string[],
  secret: () => string,
): Promise<CommandResult> {
  if (env.AUTH_MODE !== "dev") return usageError(t("auth.token_command_needs_dev"));
  try {
    assertDevModeAllowed(env);
  } catch (err) {
    if (err instanceof AuthConfigError) return usageError(err.message);
    throw err;
  }
  const request = parseTokenRequest(args);
  if (typeof request === "string") return usageError(request);
  return { code: 0, stdout: await createToken(secret(), request) };
}

/** The request the flags describe, or the Swedish reason they do not describe one. */
function parseTokenRequest(args: string[]): DevTokenRequest | string {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: "string" },
      org: { type: "string", multiple: true },
      sub: { type: "string" },
    },
  });
  const roleList = roles.join(", ");
  if (values.role === undefined) return t("auth.role_missing", { roles: roleList });
  const parsedRole = role.safeParse(values.role);
  if (!parsedRole.success) return t("auth.role_unknown", { roles: roleList });
  const orgs = values.org ?? [];
  if (!orgs.every((org) => organisationCode.safeParse(org).success)) return t("auth.org_invalid");
  const sub = values.sub ?? `dev-${parsedRole.data}`;
  if (!devSubject.safeParse(sub).success) return t("auth.sub_invalid");
  const request = { sub, role: parsedRole.data, orgs };
  if (!scopeClaims.safeParse(request).success) return t("auth.orgs_required");
  return request;
}

function usageError(message: string): CommandResult {
  return { code: 2, stderr: message };
}
