import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError } from "@/lib/core/result";
import { readSettings, updateSettings } from "@/lib/admin/settings";
import { contactDirectory, contactsForCollege } from "@/lib/contacts/directory";
import { collegeContacts } from "@/lib/settings";
import type { StaffActor } from "@/lib/auth/actor";
import { lastAudit, makeCollege, makeStaff } from "../admin/fixtures";

/** SPEC §15: each college's contact is set by the admin and shown to students with the registrar's. */
let admin: StaffActor;
let registrar: StaffActor;
let saved: { key: string; value: string }[] = [];

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
  registrar = (await makeStaff("registrar")).actor;
  saved = await db.setting.findMany({ select: { key: true, value: true } });
});

afterAll(async () => {
  await db.setting.deleteMany({});
  for (const s of saved) await db.setting.create({ data: s });
});

const row = (collegeId: string, over: Record<string, string> = {}) => ({
  collegeId,
  phone: "",
  office: "",
  email: "",
  hours: "",
  ...over,
});

describe("college contacts", () => {
  it("are saved by the admin (audited), listed for every college and shown for a student's college", async () => {
    const [a, b] = [await makeCollege("文学"), await makeCollege("理学")];
    const result = await updateSettings(
      admin,
      "collegeContacts",
      {
        contacts: [
          row(a.id, {
            phone: " 027-8888 6101 ",
            office: "文学院 A201",
            email: "WX@Example.edu.cn",
            hours: "工作日",
          }),
          row(b.id),
        ],
      },
      { ip: "198.51.100.7" },
    );
    expect(result.ok).toBe(true);
    // an empty row is not stored; text is trimmed, e-mail lower-cased
    expect(await collegeContacts()).toMatchObject({
      [a.id]: { phone: "027-8888 6101", office: "文学院 A201", email: "wx@example.edu.cn", hours: "工作日" },
    });
    expect((await collegeContacts())[b.id]).toBeUndefined();
    expect(JSON.parse((await lastAudit("settings.update", "collegeContacts"))?.after ?? "{}")).toMatchObject({
      contacts: [{ collegeId: a.id, phone: "027-8888 6101" }, { collegeId: b.id }],
    });

    const forA = await contactsForCollege(a.id);
    expect(forA.college).toMatchObject({ id: a.id, name: a.name, contact: { office: "文学院 A201" } });
    expect((await contactsForCollege(b.id)).college).toMatchObject({ id: b.id, contact: null });
    expect((await contactsForCollege(null)).college).toBeNull();

    const directory = await contactDirectory();
    expect(directory.colleges.find((c) => c.id === a.id)?.contact?.phone).toBe("027-8888 6101");
    expect(directory.colleges.find((c) => c.id === b.id)?.contact).toBeNull();
    const settings = await readSettings(admin);
    expect(settings.collegeContacts.contacts.find((c) => c.collegeId === b.id)).toMatchObject({
      name: b.name,
      phone: "",
    });
  });

  it("refuses bad cells at their field and unknown colleges, changing nothing", async () => {
    const a = await makeCollege("工学");
    const before = await db.setting.findUnique({ where: { key: "college.contacts" } });
    const bad = await updateSettings(admin, "collegeContacts", {
      contacts: [row(a.id, { email: "not-an-email", phone: "1".repeat(51) })],
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        "colleges.0.email": { key: "admin.settings.errors.email" },
        "colleges.0.phone": { key: "admin.settings.errors.tooLong" },
      },
    });
    const unknown = await updateSettings(admin, "collegeContacts", { contacts: [row("no-such-college")] });
    expect(unknown).toMatchObject({
      ok: false,
      fieldErrors: { contacts: { key: "admin.settings.errors.unknownCollege" } },
    });
    expect(await db.setting.findUnique({ where: { key: "college.contacts" } })).toEqual(before);
  });

  it("can be changed by the admin only", async () => {
    await expect(updateSettings(registrar, "collegeContacts", { contacts: [] })).rejects.toBeInstanceOf(
      AuthorizationError,
    );
  });
});
