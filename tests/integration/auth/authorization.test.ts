import { randomBytes, randomInt } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor, ApiActor, StaffActor, StudentActor } from "@/lib/auth/actor";
import {
  assertCan,
  can,
  collegeScope,
  collegeWhere,
  homePathFor,
  inCollegeScope,
  PERMISSIONS,
  type Permission,
} from "@/lib/auth/policy";
import { endAllSessions, endSession, resolveSession, sessionLimits, startSession } from "@/lib/auth/sessions";
import { AuthorizationError } from "@/lib/core/result";
import { db } from "@/lib/db";
import { checkDigitFor, maskIdNumber } from "@/lib/identity/id-number";
import { accountOverview } from "@/lib/accounts/overview";
import { listApiTokens } from "@/lib/admin/api-tokens";
import { listAuditLog } from "@/lib/admin/audit-log";
import { readSettings } from "@/lib/admin/settings";
import { createStaff, listStaff } from "@/lib/admin/staff-accounts";
import { createCampaign, listCampaigns } from "@/lib/campaigns/manage";
import { listQueue } from "@/lib/corrections/queries";
import { listSupportQueue } from "@/lib/identity-cases/support-queue";
import { progressBy } from "@/lib/progress/counts";
import { notCheckedPage } from "@/lib/progress/not-checked";
import { revealIdNumber, revealPhone } from "@/lib/progress/reveal";
import { listBindings } from "@/lib/records/binding";
import { listClosureRequests } from "@/lib/privacy/closure";
import { loadRecordPage } from "@/lib/records/student-page";
import { remindNotConfirmed } from "@/lib/reminders/send";
import { listImportJobs } from "@/lib/roster-import/jobs";
import { listChanges } from "@/lib/roster-import/changes";
import {
  confirmGraduationLock,
  listGraduationLocks,
  undoGraduationLock,
} from "@/lib/roster-import/graduation-lock";
import { blindIndex, encrypt } from "@/lib/security/crypto";

/**
 * The permission matrix (SPEC §1), college scopes, and the session checks behind every request.
 * The expected matrix is written out by hand: deriving it from lib/auth/policy.ts would test nothing.
 */

// ---------------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------------

const student = (identityStatus: "verified" | "pending"): StudentActor => ({
  kind: "student",
  accountId: "acc_test",
  sessionId: "ses_test",
  identityStatus,
});

const staff = (roles: StaffActor["roles"], collegeIds: string[] = []): StaffActor => ({
  kind: "staff",
  staffUserId: `staff_${roles.join("_")}`,
  username: roles.join("+"),
  displayName: roles.join("+"),
  sessionId: "ses_staff",
  roles,
  collegeIds,
  mustChangePassword: false,
});

const ACTORS = {
  signedOut: null,
  verifiedStudent: student("verified"),
  pendingStudent: student("pending"),
  college: staff(["college"], ["c1"]),
  registrar: staff(["registrar"]),
  support: staff(["support"]),
  admin: staff(["admin"]),
} satisfies Record<string, Actor | null>;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

// ---------------------------------------------------------------------------------------------------
// Who holds each permission (everyone else is refused)
// ---------------------------------------------------------------------------------------------------

const MATRIX: Record<Permission, ActorName[]> = {
  // students (a pending account only resolves its identity and manages its account)
  "record.viewOwn": ["verifiedStudent"],
  "selfCheck.confirm": ["verifiedStudent"],
  "correction.submit": ["verifiedStudent"],
  "identityCase.submit": ["verifiedStudent", "pendingStudent"],
  "account.manageOwn": ["verifiedStudent", "pendingStudent"],
  "classmateAssist.answer": ["verifiedStudent"],
  "accountChange.request": ["verifiedStudent"],
  // every account, pending ones too, may download its data and ask for closure (PIPL art. 45, 47)
  "account.exportOwn": ["verifiedStudent", "pendingStudent"],
  "account.requestClosure": ["verifiedStudent", "pendingStudent"],
  // college staff (the registrar also sees every college's progress)
  "progress.viewCollege": ["college", "registrar"],
  "notChecked.export": ["college", "registrar"],
  "reminder.send": ["college", "registrar"],
  "correction.collegeReview": ["college"],
  "idNumber.reveal": ["college", "registrar"],
  "phone.reveal": ["college", "registrar"],
  // registrar
  "progress.viewAll": ["registrar"],
  "roster.import": ["registrar"],
  "campaign.manage": ["registrar"],
  "correction.registrarReview": ["registrar"],
  "recordBinding.decide": ["registrar"],
  "graduationLock.manage": ["registrar"],
  "record.viewHistory": ["registrar"],
  "export.all": ["registrar"],
  "accountClosure.decide": ["registrar"],
  // support
  "identityCase.review": ["support"],
  "accountChange.apply": ["support"],
  "identityPhoto.view": ["support"],
  // admin
  "staff.manage": ["admin"],
  "settings.manage": ["admin"],
  "audit.view": ["admin"],
  "outbox.view": ["admin"],
  "apiToken.manage": ["admin"],
};

/** Who holds a permission ([] for one missing from MATRIX, which the coverage test reports). */
const holders = (permission: Permission): ActorName[] => MATRIX[permission] ?? [];

describe("permission matrix", () => {
  it("covers every permission the policy defines (add new ones to MATRIX above)", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS].sort());
  });

  const cases = PERMISSIONS.flatMap((permission) =>
    ACTOR_NAMES.map((actor) => ({
      permission,
      actor,
      allowed: holders(permission).includes(actor),
    })),
  );

  it.each(cases)("$actor × $permission → allowed: $allowed", ({ permission, actor, allowed }) => {
    const who = ACTORS[actor];
    expect(can(who, permission)).toBe(allowed);
    if (allowed) expect(() => assertCan(who, permission)).not.toThrow();
    else expect(() => assertCan(who, permission)).toThrow(AuthorizationError);
  });

  it("a staff member with several roles holds the union of their permissions, nothing more", () => {
    const both = staff(["college", "support"], ["c1"]);
    for (const permission of PERMISSIONS) {
      const expected = holders(permission).includes("college") || holders(permission).includes("support");
      expect(can(both, permission), permission).toBe(expected);
    }
  });

  it("a staff member without roles may do nothing", () => {
    for (const permission of PERMISSIONS) expect(can(staff([]), permission), permission).toBe(false);
  });

  it("an API token acts with its roles only", () => {
    const token: ApiActor = {
      kind: "api",
      tokenId: "t",
      tokenName: "t",
      roles: ["registrar"],
      collegeIds: [],
    };
    for (const permission of PERMISSIONS) {
      expect(can(token, permission), permission).toBe(holders(permission).includes("registrar"));
    }
  });

  it.each([
    ["verifiedStudent", "/record"],
    ["pendingStudent", "/identity"],
    ["college", "/college"],
    ["registrar", "/registrar"],
    ["support", "/support"],
    ["admin", "/admin"],
  ] as const)("%s lands on %s", (actor, path) => {
    expect(homePathFor(ACTORS[actor])).toBe(path);
  });
});

// ---------------------------------------------------------------------------------------------------
// The area services refuse every actor the matrix refuses (pages and actions call these services)
// ---------------------------------------------------------------------------------------------------

const NO_CAMPAIGN = {
  id: "authz-no-such-campaign",
  name: "授权测试",
  cohort: "2099级",
  level: "普通本科",
  startsAt: new Date("2099-09-01T00:00:00Z"),
  endsAt: new Date("2099-09-08T00:00:00Z"),
};

type ServiceCase = {
  service: string;
  permission: Permission;
  call: (actor: Actor | null) => Promise<unknown>;
};
const asActor = (actor: Actor | null) => actor as Actor;
const asStudent = (actor: Actor | null) => actor as StudentActor;

const SERVICES: ServiceCase[] = [
  // student area
  { service: "accountOverview", permission: "account.manageOwn", call: (a) => accountOverview(asStudent(a)) },
  { service: "loadRecordPage", permission: "record.viewOwn", call: (a) => loadRecordPage(asStudent(a)) },
  // college desk
  {
    service: "progressBy",
    permission: "progress.viewCollege",
    call: (a) => progressBy(asActor(a), NO_CAMPAIGN, "college"),
  },
  {
    service: "notCheckedPage",
    permission: "progress.viewCollege",
    call: (a) => notCheckedPage(asActor(a), NO_CAMPAIGN, { page: 1 }),
  },
  {
    service: "remindNotConfirmed (action)",
    permission: "reminder.send",
    call: (a) => remindNotConfirmed(asActor(a), NO_CAMPAIGN),
  },
  {
    service: "revealIdNumber (action)",
    permission: "idNumber.reveal",
    call: (a) => revealIdNumber(asActor(a), "authz-no-such-record"),
  },
  {
    service: "revealPhone (action)",
    permission: "phone.reveal",
    call: (a) => revealPhone(asActor(a), "authz-no-such-record"),
  },
  {
    service: "listQueue(college)",
    permission: "correction.collegeReview",
    call: (a) => listQueue(asActor(a), "college"),
  },
  // registrar
  {
    service: "listQueue(registrar)",
    permission: "correction.registrarReview",
    call: (a) => listQueue(asActor(a), "registrar"),
  },
  { service: "listImportJobs", permission: "roster.import", call: (a) => listImportJobs(asActor(a)) },
  {
    service: "listChanges (import preview)",
    permission: "roster.import",
    call: (a) =>
      listChanges(asActor(a), { id: "authz-no-such-job", kind: "roster" }, { kinds: ["changed"], page: 1 }),
  },
  {
    service: "listGraduationLocks",
    permission: "graduationLock.manage",
    call: (a) => listGraduationLocks(asActor(a)),
  },
  {
    service: "confirmGraduationLock (action)",
    permission: "graduationLock.manage",
    call: (a) => confirmGraduationLock(asActor(a), "authz-no-such-job"),
  },
  {
    service: "undoGraduationLock (action)",
    permission: "graduationLock.manage",
    call: (a) => undoGraduationLock(asActor(a), "authz-no-such-job"),
  },
  { service: "listCampaigns", permission: "campaign.manage", call: (a) => listCampaigns(asActor(a)) },
  {
    service: "createCampaign (action)",
    permission: "campaign.manage",
    call: (a) => createCampaign(asActor(a), {}),
  },
  { service: "listBindings", permission: "recordBinding.decide", call: (a) => listBindings(asActor(a)) },
  {
    service: "listClosureRequests",
    permission: "accountClosure.decide",
    call: (a) => listClosureRequests(asActor(a)),
  },
  // support
  { service: "listSupportQueue", permission: "identityCase.review", call: (a) => listSupportQueue(a) },
  // admin
  { service: "listStaff", permission: "staff.manage", call: (a) => listStaff(asActor(a)) },
  {
    service: "createStaff (action)",
    permission: "staff.manage",
    call: (a) => createStaff(asActor(a), {} as Parameters<typeof createStaff>[1]),
  },
  { service: "readSettings", permission: "settings.manage", call: (a) => readSettings(asActor(a)) },
  { service: "listAuditLog", permission: "audit.view", call: (a) => listAuditLog(asActor(a), { page: 1 }) },
  { service: "listApiTokens", permission: "apiToken.manage", call: (a) => listApiTokens(asActor(a)) },
];

describe("area services refuse the wrong actors", () => {
  const cases = SERVICES.flatMap(({ service, permission, call }) =>
    ACTOR_NAMES.map((actor) => ({ service, actor, allowed: holders(permission).includes(actor), call })),
  );

  it.each(cases)("$service as $actor → allowed: $allowed", async ({ actor, allowed, call }) => {
    const outcome = await call(ACTORS[actor]).then(
      () => "passed",
      (error: unknown) => (error instanceof AuthorizationError ? "refused" : "passed"),
    );
    // Allowed actors get past the check (the fake ids may still fail later, which is not a refusal).
    expect(outcome).toBe(allowed ? "passed" : "refused");
  });
});

// ---------------------------------------------------------------------------------------------------
// Fixtures: rows created directly, unique per test (the database is shared by every file of the run)
// ---------------------------------------------------------------------------------------------------

const uid = () => randomBytes(5).toString("hex");

function randomIdNumber(): string {
  const first17 = `110101${2000 + randomInt(0, 6)}0${randomInt(1, 10)}1${randomInt(0, 10)}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return first17 + checkDigitFor(first17);
}

async function makeAccount(identityStatus: "verified" | "pending" | "cancelled" = "verified") {
  const idNumber = randomIdNumber();
  const index = blindIndex(idNumber);
  return db.account.create({
    data: {
      phone: `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`,
      passwordHash: "not-a-real-hash",
      name: "测试学生",
      idType: "resident_id",
      idNumberEnc: encrypt(idNumber),
      idNumberIndex: index,
      idMasked: maskIdNumber(idNumber),
      identityStatus,
      verifiedIdIndex: identityStatus === "verified" ? index : null,
      sensitiveConsentAt: new Date(),
    },
  });
}

async function makeColleges() {
  const tag = uid();
  const mine = await db.college.create({ data: { code: `A${tag}`, name: `授权测试学院A${tag}` } });
  const other = await db.college.create({ data: { code: `B${tag}`, name: `授权测试学院B${tag}` } });
  const classGroups = [];
  for (const college of [mine, other]) {
    const major = await db.major.create({ data: { collegeId: college.id, name: `专业${tag}` } });
    classGroups.push(
      await db.classGroup.create({ data: { collegeId: college.id, majorId: major.id, name: `班级${tag}` } }),
    );
  }
  return { mine, other, classGroupIds: classGroups.map((c) => c.id) };
}

async function makeStaff(roles: string, collegeIds: string[] = []) {
  return db.staffUser.create({
    data: {
      username: `authz_${uid()}`,
      displayName: "授权测试",
      passwordHash: "not-a-real-hash",
      roles,
      collegeScopes: { create: collegeIds.map((collegeId) => ({ collegeId })) },
    },
  });
}

const META = { ip: "127.0.0.1", userAgent: "vitest" };

afterEach(() => {
  vi.useRealTimers();
});

// ---------------------------------------------------------------------------------------------------
// College scope
// ---------------------------------------------------------------------------------------------------

describe("college scope", () => {
  it("college staff read only their own colleges' rows; the registrar reads all; students none", async () => {
    const { mine, other, classGroupIds } = await makeColleges();
    const collegeUser = await makeStaff("college", [mine.id]);
    const registrarUser = await makeStaff("registrar");
    const account = await makeAccount();

    const asCollege = await resolveSession((await startSession({ staffUserId: collegeUser.id }, META)).id);
    const asRegistrar = await resolveSession(
      (await startSession({ staffUserId: registrarUser.id }, META)).id,
    );
    const asStudent = await resolveSession((await startSession({ accountId: account.id }, META)).id);
    if (!asCollege || !asRegistrar || !asStudent) throw new Error("sessions should resolve");

    expect(asCollege).toMatchObject({ kind: "staff", roles: ["college"], collegeIds: [mine.id] });
    expect(collegeScope(asCollege)).toEqual([mine.id]);
    expect(collegeWhere(asCollege)).toEqual({ collegeId: { in: [mine.id] } });
    expect(collegeWhere(asRegistrar)).toEqual({});
    expect(collegeScope(asRegistrar)).toBe("all");
    expect(collegeWhere(asStudent)).toEqual({ collegeId: { in: [] } });

    const visible = async (actor: Actor) =>
      (
        await db.classGroup.findMany({
          where: { id: { in: classGroupIds }, ...collegeWhere(actor) },
          select: { collegeId: true },
        })
      )
        .map((c) => c.collegeId)
        .sort();
    expect(await visible(asCollege)).toEqual([mine.id]);
    expect(await visible(asRegistrar)).toEqual([mine.id, other.id].sort());
    expect(await visible(asStudent)).toEqual([]);

    expect(inCollegeScope(asCollege, mine.id)).toBe(true);
    expect(inCollegeScope(asCollege, other.id)).toBe(false);
    expect(inCollegeScope(asRegistrar, other.id)).toBe(true);
    expect(inCollegeScope(asStudent, mine.id)).toBe(false);
  });

  it("a college account scoped to two colleges sees both, and nothing else", async () => {
    const first = await makeColleges();
    const second = await makeColleges();
    const user = await makeStaff("college", [first.mine.id, second.mine.id]);
    const actor = await resolveSession((await startSession({ staffUserId: user.id }, META)).id);
    if (!actor) throw new Error("session should resolve");
    expect([...collegeScope(actor)].sort()).toEqual([first.mine.id, second.mine.id].sort());
    expect(inCollegeScope(actor, first.other.id)).toBe(false);
    expect(inCollegeScope(actor, second.other.id)).toBe(false);
  });

  it("an API token with colleges is scoped like college staff", () => {
    const token: ApiActor = {
      kind: "api",
      tokenId: "t",
      tokenName: "t",
      roles: ["registrar"],
      collegeIds: ["c9"],
    };
    expect(collegeWhere(token)).toEqual({ collegeId: { in: ["c9"] } });
  });
});

// ---------------------------------------------------------------------------------------------------
// Sessions: refused when revoked, expired, idle, or the owner can no longer sign in
// ---------------------------------------------------------------------------------------------------

describe("resolveSession", () => {
  it("resolves a live student session to a student actor", async () => {
    const account = await makeAccount("verified");
    const session = await startSession({ accountId: account.id }, META);
    expect(await resolveSession(session.id)).toEqual({
      kind: "student",
      accountId: account.id,
      sessionId: session.id,
      identityStatus: "verified",
    });
  });

  it("a pending account resolves as pending (it may only use /identity and its inbox)", async () => {
    const account = await makeAccount("pending");
    const session = await startSession({ accountId: account.id }, META);
    expect(await resolveSession(session.id)).toMatchObject({ kind: "student", identityStatus: "pending" });
  });

  it("refuses an unknown session id", async () => {
    expect(await resolveSession(`nope_${uid()}`)).toBeNull();
  });

  it("refuses a session ended by sign-out", async () => {
    const account = await makeAccount();
    const session = await startSession({ accountId: account.id }, META);
    expect(await resolveSession(session.id)).not.toBeNull();
    await endSession(session.id, "sign_out");
    expect(await resolveSession(session.id)).toBeNull();
  });

  it("refuses every session of an owner ended everywhere, except the one kept", async () => {
    const user = await makeStaff("admin");
    const a = await startSession({ staffUserId: user.id }, META);
    const b = await startSession({ staffUserId: user.id }, META);
    const c = await startSession({ staffUserId: user.id }, META);
    await endAllSessions(db, { staffUserId: user.id }, "password_changed", c.id);
    expect(await resolveSession(a.id)).toBeNull();
    expect(await resolveSession(b.id)).toBeNull();
    expect(await resolveSession(c.id)).not.toBeNull();
  });

  it("refuses a session idle for longer than the idle timeout, and records why", async () => {
    const { idleMs } = sessionLimits();
    const start = new Date();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const account = await makeAccount();
    const session = await startSession({ accountId: account.id }, META);

    vi.setSystemTime(start.getTime() + idleMs - 60_000);
    expect(await resolveSession(session.id), "just inside the idle timeout").not.toBeNull();

    // That request counted as activity: idle is measured from it.
    vi.setSystemTime(start.getTime() + 2 * idleMs - 90_000);
    expect(await resolveSession(session.id), "activity moved the idle deadline").not.toBeNull();

    vi.setSystemTime(start.getTime() + 3 * idleMs);
    expect(await resolveSession(session.id), "idle too long").toBeNull();
    const row = await db.authSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.revokedAt).not.toBeNull();
    expect(row.revokeReason).toBe("idle");

    // Coming back soon after does not revive it.
    vi.setSystemTime(start.getTime() + 3 * idleMs + 1000);
    expect(await resolveSession(session.id)).toBeNull();
  });

  it("refuses a session past its absolute lifetime even when it was used all along", async () => {
    const { idleMs, absoluteMs } = sessionLimits();
    const start = new Date();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const user = await makeStaff("registrar");
    const session = await startSession({ staffUserId: user.id }, META);

    // Active every half idle-period up to just before the absolute deadline.
    const step = Math.floor(idleMs / 2);
    let t = start.getTime();
    while (t + step < start.getTime() + absoluteMs - 60_000) {
      t += step;
      vi.setSystemTime(t);
      expect(
        await resolveSession(session.id),
        `alive at +${(t - start.getTime()) / 60_000} min`,
      ).not.toBeNull();
    }
    vi.setSystemTime(start.getTime() + absoluteMs + 1000);
    expect(await resolveSession(session.id)).toBeNull();
  });

  it("refuses the session of a staff user who was disabled", async () => {
    const user = await makeStaff("support");
    const session = await startSession({ staffUserId: user.id }, META);
    expect(await resolveSession(session.id)).toMatchObject({ kind: "staff", roles: ["support"] });
    await db.staffUser.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveSession(session.id)).toBeNull();
  });

  it("refuses the session of an account that was cancelled (注销)", async () => {
    const account = await makeAccount("verified");
    const session = await startSession({ accountId: account.id }, META);
    expect(await resolveSession(session.id)).not.toBeNull();
    await db.account.update({
      where: { id: account.id },
      data: { identityStatus: "cancelled", cancelledAt: new Date(), verifiedIdIndex: null },
    });
    expect(await resolveSession(session.id)).toBeNull();
  });

  it("reads a staff member's roles on every request (a role change applies at once)", async () => {
    const user = await makeStaff("college");
    const session = await startSession({ staffUserId: user.id }, META);
    const before = await resolveSession(session.id);
    expect(before && can(before, "staff.manage")).toBe(false);
    await db.staffUser.update({ where: { id: user.id }, data: { roles: "college,admin" } });
    const after = await resolveSession(session.id);
    expect(after && can(after, "staff.manage")).toBe(true);
  });
});
