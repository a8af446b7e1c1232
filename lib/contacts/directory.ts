import "server-only";
import { db } from "@/lib/db";
import { collegeContacts, registrarContact, type RegistrarContact } from "@/lib/settings";

/** Phone, office, e-mail and hours of an office students can turn to (blank fields are not shown). */
export type Contact = RegistrarContact;
export type CollegeContact = { id: string; name: string; contact: Contact | null };

/** Whether an admin has filled in anything. */
export function hasContact(contact: Contact | null | undefined): contact is Contact {
  return !!contact && !!(contact.phone || contact.office || contact.email || contact.hours);
}

/**
 * Who a student on /record or the report form can ask (SPEC §15): the registrar's office, and their
 * college when the admin set its contact. Public information of the school, no authorization needed.
 */
export async function contactsForCollege(
  /** the college's id, or the college itself when the page has read its name already */
  collegeOrId: string | { id: string; name: string } | null,
): Promise<{ registrar: Contact; college: CollegeContact | null }> {
  const [registrar, colleges, college] = await Promise.all([
    registrarContact(),
    collegeContacts(),
    typeof collegeOrId === "string"
      ? db.college.findUnique({ where: { id: collegeOrId }, select: { id: true, name: true } })
      : collegeOrId,
  ]);
  return {
    registrar,
    college: college
      ? { ...college, contact: hasContact(colleges[college.id]) ? colleges[college.id] : null }
      : null,
  };
}

/** The whole directory for /help: the registrar's office and every college, in code order. */
export async function contactDirectory(): Promise<{ registrar: Contact; colleges: CollegeContact[] }> {
  const [registrar, contacts, colleges] = await Promise.all([
    registrarContact(),
    collegeContacts(),
    db.college.findMany({ select: { id: true, name: true }, orderBy: { code: "asc" }, take: 500 }),
  ]);
  return {
    registrar,
    colleges: colleges.map((c) => ({ ...c, contact: hasContact(contacts[c.id]) ? contacts[c.id] : null })),
  };
}

/** The college of a student's newest record (their own: the account links it), for showing it first. */
export async function collegeOfStudent(accountId: string): Promise<string | null> {
  const record = await db.enrollmentRecord.findFirst({
    where: { accountId },
    orderBy: [{ enrolledOn: "desc" }, { createdAt: "desc" }],
    select: { collegeId: true },
  });
  return record?.collegeId ?? null;
}
