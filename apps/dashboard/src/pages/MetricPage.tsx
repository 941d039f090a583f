import type { MessageKey } from "@samsyn/domain/messages";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useCatalogues } from "../api/queries";
import type { Catalogues, Dimension, Published } from "../api/types";
import { groupOptions, PageHeading, ParamSelect } from "../components/Controls";
import { DisclosureNote } from "../components/DisclosureNote";
import { QueryState } from "../components/QueryState";
import { t } from "../lib/i18n";

/**
 * The frame of a page of figures: its heading with the metric's definition, its own choices
 * (controls, a group-by select) drawn at once, and its figures once the catalogues that name them
 * have arrived.
 */
export function MetricPage(props: {
  title: string;
  intro?: string;
  definition: MessageKey;
  controls?: ReactNode;
  children: (catalogues: Catalogues) => ReactNode;
}) {
  const catalogues = useCatalogues();
  return (
    <>
      <PageHeading
        title={props.title}
        definition={props.definition}
        {...(props.intro === undefined ? {} : { intro: props.intro })}
      />
      {props.controls !== undefined && <div className="controls">{props.controls}</div>}
      <QueryState query={catalogues}>{props.children}</QueryState>
    </>
  );
}

/** The group-by select of a page: its groupings, and "Ingen gruppering" ("" in the URL). */
export function GroupBySelect(props: { groupings: readonly Dimension[]; value: Dimension | null }) {
  return (
    <ParamSelect
      param="groupBy"
      label={t("group.by")}
      options={groupOptions(props.groupings, true)}
      value={props.value ?? ""}
    />
  );
}

type Answer = Published & { readonly asOf: string; readonly cells: readonly unknown[] };

/**
 * One metric's answer: loading, error and "no case matches" in Swedish, then the sentence on how
 * the figures were protected above them (`disclosure={false}`: the page says it elsewhere, or
 * this is the coarser figure beside one that does).
 */
export function MetricAnswer<T extends Answer>(props: {
  query: UseQueryResult<T>;
  disclosure?: boolean;
  children: (data: T) => ReactNode;
}) {
  return (
    <QueryState query={props.query} isEmpty={(d) => d.cells.length === 0}>
      {(data) => (
        <>
          {props.disclosure !== false && <DisclosureNote of={data} />}
          {props.children(data)}
        </>
      )}
    </QueryState>
  );
}
