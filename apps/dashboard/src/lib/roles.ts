import type { MessageKey } from "@samsyn/domain/messages";
import { t } from "./i18n";

/** The roles as users read them; a token's code never reaches the screen. */
const roleKeys = {
  samordnare: "signin.role.samordnare",
  ledning: "signin.role.ledning",
  lan: "signin.role.lan",
  admin: "signin.role.admin",
  anonymous: "signin.role.anonymous",
} as const satisfies Record<string, MessageKey>;

export type SignInRole = Exclude<keyof typeof roleKeys, "anonymous">;

/** The roles one may sign in as, in the order the sign-in offers them. */
export const signInRoles: readonly SignInRole[] = ["samordnare", "ledning", "lan", "admin"];

/** A role's name; a code the dashboard does not know is shown as it is rather than hidden. */
export function roleName(role: string): string {
  return role in roleKeys ? t(roleKeys[role as keyof typeof roleKeys]) : role;
}
