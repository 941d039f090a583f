import type { AgreementSection } from "@samsyn/domain";
import type { ValidationDetail } from "../../queries/result";
import { screenFields } from "../../queries/validation";

/**
 * SPEC "Privacy": every free-text field of the register is screened for personnummer and
 * samordningsnummer; a hit names the field (`sections.1.text`), never the number.
 */
export function screenAgreementText(fields: {
  readonly title?: string;
  readonly documentUrl?: string | null;
  readonly sections?: readonly AgreementSection[];
}): ValidationDetail[] {
  const texts: Record<string, string | undefined> = {
    title: fields.title,
    documentUrl: fields.documentUrl ?? undefined,
  };
  fields.sections?.forEach((section, i) => {
    texts[`sections.${i}.title`] = section.title;
    texts[`sections.${i}.text`] = section.text;
  });
  return screenFields(texts);
}
