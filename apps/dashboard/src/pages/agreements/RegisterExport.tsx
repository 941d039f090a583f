import { useState } from "react";
import { useSession } from "../../api/queries";
import { download } from "../../lib/export";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { authHeaders } from "../../session";

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
      const res = await fetch(`/api/v1/agreements/export?format=${format}`, {
        headers: authHeaders(token),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      download(await res.blob(), `samsyn-overenskommelser-koder-${stockholmToday()}.${format}`);
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
