"use client";

import { SelectField } from "./Field";

/** A choice of a select: value, text. */
export type ViewChoice = [value: string, label: string];

export type ListViewTexts = {
  viewOptions: string;
  sortBy: string;
  direction: string;
  asc: string;
  desc: string;
  pageSize: string;
  jump: string;
  apply: string;
};

/**
 * The view options of ListPager (a GET form: works without JavaScript): sort column and direction, page
 * size, page. Rendered from its choices and texts: as server markup each select, option and class
 * travelled a second time in the page's payload as an element tree, on every staff list.
 */
export function ListViewForm({
  id,
  action,
  kept,
  sorts,
  sizes,
  sort,
  dir,
  pageSize,
  page,
  texts,
}: {
  /** prefix of the form's element ids (several lists can share a page) */
  id: string;
  action: string;
  /** the list's filters, kept as hidden fields */
  kept: ViewChoice[];
  sorts: ViewChoice[];
  sizes: ViewChoice[];
  sort: string;
  dir: string;
  pageSize: string;
  page: number;
  texts: ListViewTexts;
}) {
  return (
    // styles in app/globals.css (.list-view-form)
    <form method="get" action={action} aria-label={texts.viewOptions} className="list-view-form">
      {kept.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SelectField id={`${id}-sort`} name="sort" label={texts.sortBy} defaultValue={sort}>
        {sorts.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${id}-dir`} name="dir" label={texts.direction} defaultValue={dir}>
        <option value="asc">{texts.asc}</option>
        <option value="desc">{texts.desc}</option>
      </SelectField>
      <SelectField id={`${id}-pageSize`} name="pageSize" label={texts.pageSize} defaultValue={pageSize}>
        {sizes.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <div>
        <label htmlFor={`${id}-page`}>{texts.jump}</label>
        <input
          id={`${id}-page`}
          name="page"
          type="number"
          inputMode="numeric"
          // no max: a new page size changes the number of pages; the server shows the last page past the end
          min={1}
          defaultValue={page}
          className="input-plain w-24"
        />
      </div>
      <button type="submit" className="list-view-apply">
        {texts.apply}
      </button>
    </form>
  );
}
