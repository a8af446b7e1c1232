import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { StaffActor } from "@/lib/auth/actor";
import { makeStaff } from "./fixtures";

// The served app keeps the settings for 10 s per instance (lib/settings.ts). Behind a load balancer the
// admin's next page can come from an instance that has not read the saved value yet; the settings page
// itself must show what is stored. Loaded here as in production, with that kept copy.
let settings: typeof import("@/lib/settings");
let adminSettings: typeof import("@/lib/admin/settings");
let admin: StaffActor;
let saved: { key: string; value: string }[] = [];

beforeAll(async () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.resetModules();
  settings = await import("@/lib/settings");
  adminSettings = await import("@/lib/admin/settings");
  admin = (await makeStaff("admin")).actor;
  saved = await db.setting.findMany({ select: { key: true, value: true } });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db.setting.deleteMany({});
  for (const s of saved) await db.setting.create({ data: s });
});

describe("the admin's settings page reads what is stored", () => {
  it("a signature saved through another instance shows on the page at once; other pages follow within seconds", async () => {
    const key = settings.SETTING_KEYS.messageSignature;
    await db.setting.deleteMany({ where: { key } });
    expect(await settings.messageSignature()).toBe("【学籍自查】"); // this instance keeps the settings now

    // another instance saves (its own copy is renewed; this one's is not)
    await db.setting.create({ data: { key, value: JSON.stringify("【示范大学教务处】") } });
    expect(await settings.messageSignature(), "a page within the 10 s").toBe("【学籍自查】");

    const shown = await adminSettings.readSettings(admin);
    expect(shown.signature.signature).toBe("【示范大学教务处】");
    // the read renewed this instance's copy for every page
    expect(await settings.messageSignature()).toBe("【示范大学教务处】");
  });
});
