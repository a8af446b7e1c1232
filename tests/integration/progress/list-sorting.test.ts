import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { notCheckedListParams, notCheckedPage } from "@/lib/progress/not-checked";
import { listQueue, queueListParams } from "@/lib/corrections/queries";
import { rebuildProgress } from "@/lib/progress/summary";
import { campaignListParams, listCampaigns } from "@/lib/campaigns/manage";
import { collegeActor, registrarActor } from "../roster-import/support";
import { makeAccount, makeCollege, uniqueCohort } from "./support";

/**
 * Staff lists sort and page on the server as the URL asks, through each list's whitelist of columns; a
 * hostile URL gives the default view (the SQL never sees a name from the URL).
 */
describe("list sorting and paging on the server", async () => {
  const cohort = uniqueCohort();
  const a = await makeCollege("排序院", cohort, 45);
  const campaign = await db.campaign.create({
    data: {
      name: `${cohort}级排序测试`,
      cohort,
      level: "本科",
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  // names in an order unlike the 学号 order: 学生0 … 学生44 sort as text 学生0, 学生1, 学生10, …
  const accounts = await Promise.all([0, 1, 2].map(() => makeAccount()));
  for (let i = 0; i < 3; i++)
    await db.enrollmentRecord.update({ where: { id: a.records[i].id }, data: { accountId: accounts[i].id } });
  await rebuildProgress({ campaignIds: [campaign.id] });
  const college = collegeActor([a.college.id]);
  const numbers = a.records.map((r) => r.studentNumber);

  it("sorts by 学号 either way and pages with the chosen size", async () => {
    const desc = await notCheckedPage(
      college,
      campaign,
      { page: 1 },
      notCheckedListParams({ sort: "studentNumber", dir: "desc", pageSize: "20", page: "2" }),
    );
    expect(desc.total).toBe(45);
    expect(desc.pages).toBe(3);
    expect(desc.page).toBe(2);
    expect(desc.rows.map((r) => r.studentNumber)).toEqual([...numbers].reverse().slice(20, 40));
  });

  it("sorts by name (text order) with 学号 breaking ties, and by status (registered last when ascending)", async () => {
    const byName = await notCheckedPage(
      college,
      campaign,
      { page: 1 },
      notCheckedListParams({ sort: "name", pageSize: "100" }),
    );
    const names = byName.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort());
    expect(names.slice(0, 3)).toEqual(["学生0", "学生1", "学生10"]);
    const byStatus = await notCheckedPage(
      college,
      campaign,
      { page: 1 },
      notCheckedListParams({ sort: "status", dir: "desc", pageSize: "20" }),
    );
    expect(byStatus.rows.slice(0, 3).every((r) => r.registered)).toBe(true);
    expect(byStatus.rows.slice(3).some((r) => r.registered)).toBe(false);
  });

  it("sorts by a unit's name (the class) across pages, 学号 breaking ties", async () => {
    // five students in a second class whose name sorts after the first one's
    const second = await db.classGroup.create({
      data: { collegeId: a.college.id, majorId: a.major.id, name: `${a.classGroup.name}甲` },
    });
    const moved = a.records.slice(0, 5).map((r) => r.id);
    await db.enrollmentRecord.updateMany({ where: { id: { in: moved } }, data: { classGroupId: second.id } });
    try {
      const pageOf = (dir: string, page: string) =>
        notCheckedPage(
          college,
          campaign,
          { page: 1 },
          notCheckedListParams({ sort: "classGroup", dir, pageSize: "20", page }),
        );
      const ascending = [...numbers.slice(5), ...numbers.slice(0, 5)];
      const asc = [await pageOf("asc", "1"), await pageOf("asc", "2"), await pageOf("asc", "3")];
      expect(asc.flatMap((p) => p.rows.map((r) => r.studentNumber))).toEqual(ascending);
      expect(asc[2].rows.map((r) => r.classGroup)).toEqual(Array(5).fill(second.name));
      const desc = await pageOf("desc", "1");
      expect(desc.rows.map((r) => r.studentNumber)).toEqual([
        ...numbers.slice(0, 5),
        ...numbers.slice(5, 20),
      ]);
    } finally {
      await db.enrollmentRecord.updateMany({
        where: { id: { in: moved } },
        data: { classGroupId: a.classGroup.id },
      });
      await db.classGroup.delete({ where: { id: second.id } });
    }
  });

  it("sorts the campaign list by any column, newest window first by default and for a hostile URL", async () => {
    const registrar = registrarActor();
    const all = await listCampaigns(registrar, campaignListParams({}));
    const starts = all.map((c) => c.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((x, y) => y - x));
    expect(all.find((c) => c.id === campaign.id)?.students).toBe(45);
    const byStudents = await listCampaigns(registrar, campaignListParams({ sort: "students", dir: "desc" }));
    const counts = byStudents.map((c) => c.students);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const byName = await listCampaigns(registrar, campaignListParams({ sort: "name", dir: "asc" }));
    const names = byName.map((c) => c.name);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, "zh-CN")));
    const hostile = await listCampaigns(
      registrar,
      campaignListParams({ sort: "startsAt; DROP", dir: "sideways" }),
    );
    // the default order (other test files may add campaigns meanwhile: the order is checked, not the rows)
    const hostileStarts = hostile.map((c) => c.startsAt.getTime());
    expect(hostileStarts).toEqual([...hostileStarts].sort((x, y) => y - x));
    await expect(listCampaigns(college, campaignListParams({}))).rejects.toThrow();
  });

  it.each([
    [{ sort: '"; DROP TABLE "EnrollmentRecord"; --', pageSize: "100000", page: "-1" }],
    [{ sort: "idMasked", dir: "up", page: "abc" }],
    [{ sort: 'r."idNumberEnc"', pageSize: "0" }],
  ])("a hostile URL %j gives the default view", async (raw) => {
    const page = await notCheckedPage(college, campaign, { page: 1 }, notCheckedListParams(raw));
    expect(page.page).toBe(1);
    // 20 rows a page by default (lib/progress/not-checked.ts)
    expect(page.rows.map((r) => r.studentNumber)).toEqual(numbers.slice(0, 20));
    expect(await db.enrollmentRecord.count({ where: { collegeId: a.college.id } })).toBe(45);
  });

  it("a page past the end shows the last page", async () => {
    const last = await notCheckedPage(
      college,
      campaign,
      { page: 1 },
      notCheckedListParams({ page: "99", pageSize: "20" }),
    );
    expect(last.page).toBe(3);
    expect(last.rows.map((r) => r.studentNumber)).toEqual(numbers.slice(40));
  });

  it("sorts the corrections queue by 学号 and pages it", async () => {
    for (let i = 0; i < 3; i++)
      await db.correctionRequest.create({
        data: {
          recordId: a.records[i].id,
          accountId: accounts[i].id,
          collegeId: a.college.id,
          recordVersionAtSubmit: 1,
          createdAt: new Date(Date.now() - (10 - i) * 60_000),
        },
      });
    const registrar = registrarActor();
    const sorted = await listQueue(
      registrar,
      "college",
      { status: "all", collegeId: a.college.id },
      queueListParams({ sort: "studentNumber", dir: "desc", pageSize: "20" }),
    ).catch(() => null);
    // the registrar reviews at the registrar stage; the college stage belongs to the college
    expect(sorted).toBeNull();
    const mine = await listQueue(
      college,
      "college",
      { status: "all" },
      queueListParams({ sort: "studentNumber", dir: "desc", pageSize: "20" }),
    );
    expect(mine.rows.map((r) => r.studentNumber)).toEqual(numbers.slice(0, 3).reverse());
    const hostile = await listQueue(
      college,
      "college",
      { status: "all" },
      queueListParams({ sort: ";drop", page: "-4" }),
    );
    // the default: oldest first
    expect(hostile.rows.map((r) => r.studentNumber)).toEqual(numbers.slice(0, 3));
  });
});
