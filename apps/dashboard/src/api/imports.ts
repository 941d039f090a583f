import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { locale } from "../lib/i18n";
import { ApiFailure, authHeaders } from "../session";
import { type Api, answer, apiClient, type Ok } from "./client";
import { useSession } from "./queries";

export const importFields = ["units", "cases", "events"] as const;
export type ImportField = (typeof importFields)[number];

/** Answers typed from the API's route schemas (`AppType`). */
export type ImportReport = Ok<Api["imports"]["$post"]>;
export type ImportJob = Ok<Api["imports"]["jobs"][":id"]["$get"]>;
export type ImportRecord = Ok<Api["imports"]["$get"]>["items"][number];
export type ImportCounts = ImportRecord["added"];
export type ImportRowError = Extract<ImportReport, { ok: false }>["errors"][number];
export type ImportErrorGroup = Extract<ImportReport, { ok: false }>["groups"][number];

/**
 * Sends the three files with XMLHttpRequest rather than fetch: only XHR reports upload
 * progress, and hundreds of megabytes take long enough that the user should see it.
 * `mode=check` resolves to the report, `mode=commit` to the job that runs the import.
 */
export function uploadImport<M extends "check" | "commit">(
  mode: M,
  files: Readonly<Record<ImportField, File>>,
  token: string,
  onUploaded: (fraction: number) => void,
): Promise<M extends "check" ? ImportReport : { job: ImportJob }> {
  const body = new FormData();
  for (const field of importFields) body.append(field, files[field], files[field].name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/imports?mode=${mode}`);
    for (const [name, value] of Object.entries(authHeaders(token))) {
      request.setRequestHeader(name, value);
    }
    request.setRequestHeader("Accept-Language", locale());
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) onUploaded(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      if (request.status === 200 || request.status === 202) resolve(request.response);
      else reject(new ApiFailure(request.status, errorDetails(request.response)));
    });
    request.addEventListener("error", () => reject(new ApiFailure(0)));
    request.send(body);
  });
}

/** The API's error details (SPEC error shape), joined for the user. */
function errorDetails(body: unknown): string {
  const error = (body as { error?: { message?: string; details?: { message: string }[] } } | null)
    ?.error;
  const details = error?.details?.map((d) => d.message) ?? [];
  return (details.length > 0 ? details : [error?.message ?? ""]).join(" ");
}

/** A commit's job, polled while it runs; stops polling once it is done or failed. */
export function useImportJob(id: string | null) {
  const { token } = useSession();
  const api = useMemo(() => apiClient(token), [token]);
  return useQuery({
    queryKey: ["import-job", id, token],
    queryFn: () => answer(api.imports.jobs[":id"].$get({ param: { id: id ?? "" } })),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === "running" ? 500 : false),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The recent imports this user may see (all for admin, their own for a samordnare). */
export function useRecentImports() {
  const { token } = useSession();
  const api = useMemo(() => apiClient(token), [token]);
  return useQuery({
    queryKey: ["imports", token],
    queryFn: () => answer(api.imports.$get({ query: { limit: "10" } })),
  });
}
