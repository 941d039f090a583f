import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import {
  type Forum,
  type MeetingSummary,
  useCreateForum,
  useForums,
  useMeetingsOf,
} from "../../api/forums";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { PageHeading } from "../../components/Controls";
import { type Column, DataTable } from "../../components/DataTable";
import { QueryState } from "../../components/QueryState";
import { linkCell, textCell } from "../../lib/cells";
import { stockholmToday } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { organisationName } from "../agreements/agreements";
import { FormMessage, OrganisationChoices, refusal, SelectField, TextField } from "./fields";
import {
  forumCreators,
  forumLevelName,
  meetingTitle,
  nextMeeting,
  organisationList,
} from "./forums";
import { useOwnSearch } from "./search";
import "./forums.css";

/** Ledningsforum: the forums the user sees, with their next meeting; lan and admin create one. */
export function Forums() {
  useOwnSearch([]);
  const catalogues = useCatalogues();
  const forums = useForums();
  const { role } = useSession();
  return (
    <div className="forums">
      <PageHeading title={t("nav.forums")} intro={t("forumsPage.intro")} />
      <QueryState query={catalogues}>
        {(c) => (
          <>
            <QueryState query={forums}>
              {(data) =>
                data.items.length === 0 ? (
                  <p className="state empty">{t("forumsPage.list.empty")}</p>
                ) : (
                  <ForumTable forums={data.items} catalogues={c} />
                )
              }
            </QueryState>
            {forumCreators.includes(role) && <CreateForum catalogues={c} />}
          </>
        )}
      </QueryState>
    </div>
  );
}

interface ForumRow extends Forum {
  readonly next: MeetingSummary | null;
}

function ForumTable(props: { forums: readonly Forum[]; catalogues: Catalogues }) {
  const { catalogues } = props;
  const meetings = useMeetingsOf(props.forums.map((f) => f.id));
  const today = stockholmToday();
  const rows: ForumRow[] = props.forums.map((forum, i) => ({
    ...forum,
    next: nextMeeting(meetings[i]?.data?.items ?? [], today),
  }));
  const columns: Column<ForumRow>[] = [
    {
      id: "name",
      header: t("forumsPage.col.forum"),
      cell: (f) => linkCell(f.name, `/ledningsforum/${f.id}`),
    },
    {
      id: "level",
      header: t("forumsPage.col.level"),
      cell: (f) => textCell(forumLevelName(f.level)),
    },
    {
      id: "members",
      header: t("forumsPage.col.members"),
      cell: (f) => textCell(organisationList(catalogues, f.members)),
    },
    {
      id: "chair",
      header: t("forumsPage.col.chair"),
      cell: (f) => textCell(organisationName(catalogues, f.chair)),
    },
    {
      id: "next",
      header: t("forumsPage.col.next_meeting"),
      cell: (f) =>
        f.next === null
          ? textCell(t("forumsPage.no_next_meeting"), "9999")
          : {
              ...linkCell(
                `${f.next.date} · ${meetingTitle(f.next)}`,
                `/ledningsforum/${f.id}/moten/${f.next.id}`,
              ),
              sort: f.next.date,
            },
    },
  ];
  return (
    <DataTable
      caption={t("forumsPage.list.caption")}
      columns={columns}
      rows={rows}
      rowKey={(f) => f.id}
      initialSort={{ id: "name", descending: false }}
    />
  );
}

interface ForumDraft {
  readonly name: string;
  readonly level: Forum["level"];
  readonly members: readonly string[];
  readonly chair: string;
}

const emptyForum: ForumDraft = { name: "", level: "lokal", members: [], chair: "" };

/** The checks the API makes that the form can make first, by the API's field paths. */
export function checkForum(draft: ForumDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.name.trim() === "") {
    errors.name = t("forumsPage.form.fill_in", { field: t("forumsPage.create.name") });
  }
  if (new Set(draft.members).size < 2) errors.members = t("forumsPage.create.two_members");
  if (!draft.members.includes(draft.chair)) errors.chair = t("forumsPage.create.chair_member");
  return errors;
}

function CreateForum(props: { catalogues: Catalogues }) {
  const { catalogues } = props;
  const create = useCreateForum();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ForumDraft>(emptyForum);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (changes: Partial<ForumDraft>) => setDraft({ ...draft, ...changes });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const own = checkForum(draft);
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      const forum = await create.mutateAsync({
        name: draft.name.trim(),
        level: draft.level,
        members: [...new Set(draft.members)],
        chair: draft.chair,
      });
      await navigate({ to: "/ledningsforum/$forumId", params: { forumId: forum.id } });
    } catch (e) {
      const refused = refusal(e, ["name", "level", "members", "chair"]);
      setErrors(refused.fields);
      setProblem(refused.other);
    }
  }

  return (
    <section aria-labelledby="create-forum-heading" className="forum-form">
      <h2 id="create-forum-heading">{t("forumsPage.create.heading")}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t("forumsPage.create.name")}
          value={draft.name}
          onChange={(name) => set({ name })}
          required
          error={errors.name}
        />
        <fieldset className="level-choice">
          <legend>{t("forumsPage.create.level")}</legend>
          {(["lan", "lokal"] as const).map((level) => (
            <label key={level} className="choice">
              <input
                type="radio"
                name="forum-level"
                value={level}
                checked={draft.level === level}
                onChange={() => set({ level })}
              />
              {forumLevelName(level)}
            </label>
          ))}
        </fieldset>
        <OrganisationChoices
          legend={t("forumsPage.create.members")}
          hint={t("forumsPage.create.members_hint")}
          catalogues={catalogues}
          values={draft.members}
          onChange={(members) =>
            set({ members, chair: members.includes(draft.chair) ? draft.chair : "" })
          }
          error={errors.members}
        />
        <SelectField
          label={t("forumsPage.create.chair")}
          value={draft.chair}
          onChange={(chair) => set({ chair })}
          options={[{ code: "", name: t("forumsPage.form.choose") }].concat(
            draft.members.map((code) => ({ code, name: organisationName(catalogues, code) })),
          )}
          error={errors.chair}
        />
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t("forumsPage.form.saving") : t("forumsPage.create.submit")}
        </button>
        <FormMessage saved={null} error={problem} />
      </form>
    </section>
  );
}
