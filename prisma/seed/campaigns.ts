import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { newId } from "./ids";

const DAY = 24 * 60 * 60 * 1000;

/**
 * The demo campaign is open around "now" (opened 3 days ago, closes in 30), so the quick start always
 * shows an open window. The 2022 cohort's own freshman check closed a year earlier: its students see the
 * "view but not confirm" state.
 */
export function buildCampaigns(now: Date): Prisma.CampaignCreateManyInput[] {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  return [
    {
      id: newId(),
      name: "2023级普通本科学籍自查",
      cohort: "2023",
      level: "本科",
      startsAt: at(-3),
      endsAt: at(30),
      createdAt: at(-5),
    },
    {
      id: newId(),
      name: "2022级普通本科学籍自查",
      cohort: "2022",
      level: "本科",
      startsAt: at(-368),
      endsAt: at(-360),
      createdAt: at(-370),
    },
  ];
}

export const DEMO_REGISTRAR_CONTACT = {
  phone: "027-8888 6666",
  office: "行政楼 B101 学籍管理科",
  email: "xueji@example.edu.cn",
  hours: "工作日 8:30–11:30，14:30–17:30",
} as const;

/**
 * Each college's secretary office, for students' questions (SPEC §15): building, room and phone extension
 * per college code; the admin edits them under /admin/settings.
 */
function demoCollegeContact(code: string, index: number) {
  const n = String(index + 1).padStart(2, "0");
  return {
    phone: `027-8888 61${n}`,
    office: `学院楼 ${String.fromCharCode(65 + (index % 4))}${200 + index} 教务办公室`,
    email: `${code.toLowerCase()}@example.edu.cn`,
    hours: "工作日 8:30–11:30，14:30–17:30",
  };
}

/** Setting values are JSON strings. */
export function buildSettings(
  schoolName: string,
  colleges: readonly { id: string; code: string }[] = [],
): Prisma.SettingCreateManyInput[] {
  const contacts = Object.fromEntries(colleges.map((c, i) => [c.id, demoCollegeContact(c.code, i)]));
  return [
    { key: "school.name", value: JSON.stringify(schoolName) },
    { key: "registrar.contact", value: JSON.stringify(DEMO_REGISTRAR_CONTACT) },
    { key: "college.contacts", value: JSON.stringify(contacts) },
  ];
}
