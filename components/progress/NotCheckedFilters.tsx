"use client";

import { Button, buttonClass } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/Field";

/** An option of a filter: id, name. */
export type FilterChoice = [id: string, name: string];

export type NotCheckedFilterTexts = {
  title: string;
  search: string;
  searchHint: string;
  registered: string;
  viewed: string;
  any: string;
  yes: string;
  no: string;
  college: string;
  anyCollege: string;
  major: string;
  anyMajor: string;
  classGroup: string;
  anyClassGroup: string;
  /** the class filter's hint when classes are offered once a major is chosen */
  classGroupNeedsMajor: string | null;
  filter: string;
  reset: string;
  count: string;
};

/**
 * The not-checked list's filters (a GET form: works without JavaScript, the URL keeps the view), rendered
 * from the choices and texts: as server markup every select, option and class travelled a second time in
 * the page's payload as an element tree.
 */
export function NotCheckedFilters({
  campaignId,
  values,
  colleges,
  majors,
  classGroups,
  texts,
  resetHref,
}: {
  campaignId: string;
  values: {
    q?: string;
    registered?: string;
    viewed?: string;
    collegeId?: string;
    majorId?: string;
    classGroupId?: string;
  };
  /** null: one college, no college filter */
  colleges: FilterChoice[] | null;
  majors: FilterChoice[];
  /** null: no class filter (a choice of colleges first) */
  classGroups: FilterChoice[] | null;
  texts: NotCheckedFilterTexts;
  resetHref: string;
}) {
  const yesNo = (
    <>
      <option value="">{texts.any}</option>
      <option value="yes">{texts.yes}</option>
      <option value="no">{texts.no}</option>
    </>
  );
  const choices = (list: FilterChoice[]) =>
    list.map(([id, name]) => (
      <option key={id} value={id}>
        {name}
      </option>
    ));
  return (
    <form
      method="get"
      role="search"
      aria-label={texts.title}
      className="grid grid-cols-2 gap-3 lg:grid-cols-4"
    >
      <input type="hidden" name="campaign" value={campaignId} />
      <div className="col-span-2">
        <label htmlFor="q" className="field-label">
          {texts.search}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          placeholder={texts.searchHint}
          className="input-plain w-full"
        />
      </div>
      <SelectField id="registered" label={texts.registered} defaultValue={values.registered ?? ""}>
        {yesNo}
      </SelectField>
      <SelectField id="viewed" label={texts.viewed} defaultValue={values.viewed ?? ""}>
        {yesNo}
      </SelectField>
      {colleges ? (
        <SelectField id="collegeId" label={texts.college} defaultValue={values.collegeId ?? ""}>
          <option value="">{texts.anyCollege}</option>
          {choices(colleges)}
        </SelectField>
      ) : null}
      <SelectField id="majorId" label={texts.major} defaultValue={values.majorId ?? ""}>
        <option value="">{texts.anyMajor}</option>
        {choices(majors)}
      </SelectField>
      {classGroups ? (
        <SelectField
          id="classGroupId"
          label={texts.classGroup}
          defaultValue={values.classGroupId ?? ""}
          hint={texts.classGroupNeedsMajor ?? undefined}
        >
          <option value="">{texts.anyClassGroup}</option>
          {choices(classGroups)}
        </SelectField>
      ) : null}
      <div className="col-span-2 flex flex-wrap items-center gap-2 lg:col-span-4">
        <Button type="submit">{texts.filter}</Button>
        <a className={buttonClass("ghost")} href={resetHref}>
          {texts.reset}
        </a>
        <span className="ml-auto text-sm font-medium text-slate-700" aria-live="polite">
          {texts.count}
        </span>
      </div>
    </form>
  );
}
