import { type Locale, type MessageKey, t as translate } from "@samsyn/domain/messages";

/**
 * Swedish first, English second. The choice is kept in localStorage; switching reloads the
 * page, so every text, catalogue name and Intl format is drawn again in one language.
 */
const storageKey = "samsyn.locale";

function stored(): Locale {
  try {
    return localStorage.getItem(storageKey) === "en" ? "en" : "sv";
  } catch {
    // No storage (Node tests, locked-down browsers): Swedish.
    return "sv";
  }
}

const current: Locale = stored();

export function locale(): Locale {
  return current;
}

/** The BCP 47 tag for Intl and the html lang attribute. */
export function intlLocale(): "sv-SE" | "en-GB" {
  return current === "en" ? "en-GB" : "sv-SE";
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return translate(key, params, current);
}

export function switchLocale(next: Locale): void {
  localStorage.setItem(storageKey, next);
  window.location.reload();
}
