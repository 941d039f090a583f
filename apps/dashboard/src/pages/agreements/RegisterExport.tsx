import { useState } from "react";
import { apiClient } from "../../api/client";
import { useSession } from "../../api/queries";
import { download } from "../../lib/export";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";

const formats = [
  { format: "csv", label: "export.csv" },
  { format: "xlsx", label: "export.xlsx" },
] as const;

/**
 * The API's own export of the whole register (SPEC `GET /agreements/export?format=csv|xlsx`):
 * every agreement the user may read, with codes, in the format the register's import reads back.
 * The table's own export beside it is the chosen rows as the page names them.
 */
export function RegisterExport() {
  const { token } = useSession();
  const [failed, setFailed] = useState(false);
  async function fetchAs(format: "csv" | "xlsx") {
    setFailed(false);
    try {
      const res = await apiClient(token).agreements.export.$get({ query: { format } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const name =
        attachmentName(res.headers.get("Content-Disposition")) ??
        `samsyn-overenskommelser-${stockholmToday()}.${format}`;
      download(await res.blob(), name);
    } catch {
      setFailed(true);
    }
  }
  return (
    <fieldset className="export register-export">
      <legend>{t("agreements.export_api")}</legend>
      {formats.map((f) => (
        <button key={f.format} type="button" onClick={() => void fetchAs(f.format)}>
          {t(f.label)}
        </button>
      ))}
      {failed && <span role="alert">{t("agreements.export_api_failed")}</span>}
    </fieldset>
  );
}

/** The file name an attachment names (RFC 6266: `filename*` in UTF-8 first, else `filename`). */
export function attachmentName(header: string | null): string | null {
  if (header === null) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded !== undefined) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed escape: the plain name below.
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}
