import type { GroupBy } from "./counts";
import type { FilterOptions } from "./options";

/**
 * The breakdown a dashboard opens on when its URL names none. The registrar's view of every college opens
 * on the colleges. A desk of one college opens on its own classes — or on its majors when the college has
 * more classes than one list offers (CLASS_CHOICES_LIMIT, the same rule as the class filter; college01 of
 * the 100,000-student benchmark has 145 in a campaign, a table of 27 KB): each major's row leads to its
 * classes. A major or a class already chosen narrows the classes, so they open at once.
 */
export function openingBreakdown(
  options: Pick<FilterOptions, "colleges" | "classesNeedMajor">,
  filter: { classGroupId?: string },
): GroupBy {
  if (options.colleges.length !== 1) return "college";
  return options.classesNeedMajor && !filter.classGroupId ? "major" : "classGroup";
}
