import { accessMessages } from "./access";
import { agendaMessages } from "./agenda";
import { agreementMessages } from "./agreements";
import { agreementsPageMessages } from "./agreements-page";
import { apiMessages } from "./api";
import { auditPageMessages } from "./audit-page";
import { authMessages } from "./auth";
import { backupMessages } from "./backup";
import { benchMessages } from "./bench";
import { chartMessages } from "./charts";
import { cliMessages } from "./cli";
import { commonMessages } from "./common";
import { dashboardMessages } from "./dashboard";
import { definitionMessages } from "./definitions";
import { demoMessages } from "./demo";
import { disclosureMessages } from "./disclosure";
import { escalationMessages } from "./escalations";
import { evaluationMessages } from "./evaluations";
import { evaluationsPageMessages } from "./evaluations-page";
import { exportMessages } from "./exports";
import { forumMessages } from "./forums";
import { forumsPageMessages } from "./forums-page";
import { importMessages } from "./import";
import { importPageMessages } from "./import-page";
import { installationMessages } from "./installation";
import { metricsMessages } from "./metrics";
import { networkPageMessages } from "./network-page";
import { pageMessages } from "./pages";
import { figurePeriodMessages } from "./period";
import { periodMessages } from "./periods";
import { signInMessages } from "./sign-in";

/**
 * The one message catalogue: every text a user reads comes from here, Swedish first, English
 * second. Each area keeps its own file; this index merges them so keys stay unique.
 */
export const messages = {
  ...commonMessages,
  ...importMessages,
  ...importPageMessages,
  ...installationMessages,
  ...metricsMessages,
  ...disclosureMessages,
  ...apiMessages,
  ...authMessages,
  ...accessMessages,
  ...agreementMessages,
  ...agreementsPageMessages,
  ...agendaMessages,
  ...forumMessages,
  ...escalationMessages,
  ...evaluationMessages,
  ...evaluationsPageMessages,
  ...forumsPageMessages,
  ...cliMessages,
  ...backupMessages,
  ...dashboardMessages,
  ...signInMessages,
  ...definitionMessages,
  ...demoMessages,
  ...pageMessages,
  ...periodMessages,
  ...networkPageMessages,
  ...figurePeriodMessages,
  ...benchMessages,
  ...auditPageMessages,
  ...exportMessages,
  ...chartMessages,
} as const;

export type MessageKey = keyof typeof messages;
export type Locale = "sv" | "en";

export function t(
  key: MessageKey,
  params: Record<string, string | number> = {},
  locale: Locale = "sv",
): string {
  const template: string = messages[key][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
