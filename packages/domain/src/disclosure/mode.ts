/**
 * SPEC "Privacy and disclosure control": the installation's mode (`SAMSYN_DISCLOSURE`).
 * `cellkey` (the default) publishes counts perturbed by their cell key; `suppression` publishes
 * exact counts with primary and secondary suppression.
 */
export const disclosureModes = ["cellkey", "suppression"] as const;
export type DisclosureMode = (typeof disclosureModes)[number];
export const DEFAULT_DISCLOSURE_MODE: DisclosureMode = "cellkey";

/** How a metric's counts are published: the mode and k (SPEC: 5 by default, never below 3). */
export interface Disclosure {
  readonly mode: DisclosureMode;
  readonly k: number;
}
