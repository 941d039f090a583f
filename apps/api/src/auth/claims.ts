import {
  containsIdentifier,
  organisationCode,
  type Role,
  role,
  type Scope,
  t,
} from "@samsyn/domain";
import { z } from "zod";

/** A subject we issue ourselves (dev tokens): free text, so screened like every other text. */
export const devSubject = z
  .string()
  .min(1)
  .max(128)
  .refine((sub) => !containsIdentifier(sub), t("auth.sub_invalid"));

/**
 * What a token must say about its holder. Ledning and samordnare without organisations would
 * see nothing: that is a misconfigured identity provider, not a user.
 */
export const scopeClaims = z
  .object({
    // PostgreSQL text cannot hold NUL: such a subject would make every audited call fail (500).
    sub: z
      .string()
      .min(1)
      .max(256)
      .refine((sub) => !sub.includes("\0")),
    role,
    orgs: z.array(organisationCode).max(1000),
  })
  .refine((claims) => claims.orgs.length > 0 || !needsOrganisations(claims.role), {
    message: t("auth.orgs_required"),
    path: ["orgs"],
  });

/** Roles whose view is bounded by their organisations; the others see the county anyway. */
export function needsOrganisations(scopeRole: Role): boolean {
  return scopeRole === "ledning" || scopeRole === "samordnare";
}

/** Parses the claims of a verified token into a Scope, or undefined when any is missing or bad. */
export function scopeFromClaims(claims: {
  sub: unknown;
  role: unknown;
  orgs: unknown;
}): Scope | undefined {
  const parsed = scopeClaims.safeParse(claims);
  if (!parsed.success) return undefined;
  const { sub, role: claimedRole, orgs } = parsed.data;
  return { sub, role: claimedRole, orgs };
}

/**
 * Reads a claim by name or dotted path (`samsyn.role`). The whole name is tried first: identity
 * providers such as Auth0 require namespaced claims like `https://samsyn.example/role`, which
 * contain dots but are one key.
 */
export function claimAt(payload: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  let value: unknown = payload;
  for (const key of name.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
