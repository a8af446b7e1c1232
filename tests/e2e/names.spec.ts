import { expect, test } from "@playwright/test";
import { freshPhone, pickClassmates, registerThroughUi, renameRecord } from "./support/identity-fixtures";

/**
 * Minority names (issue 10 item 5): the roster writes 依明·阿布都热依木 with the middle dot U+00B7; students
 * type a space, a full stop or another dot between the parts. Each way finds the record at registration, the
 * name is kept with U+00B7, and the name field says which separators are accepted.
 */
const ROSTER_NAME = "依明·阿布都热依木";

for (const typed of ["依明 阿布都热依木", "依明.阿布都热依木", "依明．阿布都热依木", "依明•阿布都热依木"]) {
  test(`registration finds the record when the name is typed as “${typed}”`, async ({ page, request }) => {
    const { people } = pickClassmates(1, { inOpenCampaign: true });
    const [person] = people;
    renameRecord(person.studentNumber, ROSTER_NAME);

    await page.goto("/register");
    // the hint at the field tells the student before they type
    await expect(page.locator("#name")).toHaveAccessibleDescription(/空格.*“\.”.*“·”.*间隔号“·”/);

    await registerThroughUi(page, request, { name: typed, idNumber: person.idNumber, phone: freshPhone() });
    await expect(page).toHaveURL(/\/record/);
    await expect(page.getByText(ROSTER_NAME, { exact: true }).first()).toBeVisible();
  });
}
