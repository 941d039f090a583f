import { type FormEvent, useState } from "react";
import { type Meeting, useChangeMeetingStatus } from "../../api/forums";
import { t } from "../../lib/i18n";
import { FormMessage, refusal, TextField } from "./fields";
import { meetingStatusName, namesOf } from "./forums";

/**
 * The meeting's next status (SPEC: `planned → held → justerat`): held with who took part, then
 * justerat with who checked the protocol, after which it is locked. One step at a time, never
 * back: only the next one is offered.
 */
export function MeetingStatus(props: { forumId: string; meeting: Meeting }) {
  const { meeting } = props;
  const change = useChangeMeetingStatus(props.forumId, meeting.id);
  const next =
    meeting.status === "planned" ? "held" : meeting.status === "held" ? "justerat" : null;
  const [names, setNames] = useState(() =>
    (meeting.status === "planned" ? meeting.participants : meeting.justerare).join("\n"),
  );
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (next === null) return null;
  const field = next === "held" ? "participants" : "justerare";

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next === null) return;
    setSaved(null);
    setProblem(null);
    const list = namesOf(names);
    if (next === "justerat" && list.length === 0) {
      setError(t("forumsPage.status.need_justerare"));
      return;
    }
    setError(undefined);
    try {
      const changed = await change.mutateAsync(
        next === "held" ? { status: next, participants: list } : { status: next, justerare: list },
      );
      setNames("");
      setSaved(t("forumsPage.status.done", { status: meetingStatusName(changed.status) }));
    } catch (e) {
      const refused = refusal(e, [field]);
      setError(refused.fields[field]);
      setProblem(refused.other);
    }
  }

  return (
    <section aria-labelledby="status-heading" className="meeting-status no-print">
      <h2 id="status-heading">{t("forumsPage.status.heading")}</h2>
      <p>{t(next === "held" ? "forumsPage.status.planned" : "forumsPage.status.held")}</p>
      <form className="forum-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t(
            next === "held" ? "forumsPage.meeting.participants" : "forumsPage.meeting.justerare",
          )}
          value={names}
          onChange={setNames}
          multiline
          required={next === "justerat"}
          hint={t("forumsPage.form.names_hint")}
          error={error}
        />
        <button type="submit" className="primary" disabled={change.isPending}>
          {t(next === "held" ? "forumsPage.status.to_held" : "forumsPage.status.to_justerat")}
        </button>
        <FormMessage saved={saved} error={problem} />
      </form>
    </section>
  );
}
