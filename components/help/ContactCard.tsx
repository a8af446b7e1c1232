import { getTranslations } from "next-intl/server";
import type { Contact } from "@/lib/contacts/directory";
import { cn } from "@/components/ui/cn";

const FIELDS = ["phone", "office", "email", "hours"] as const;

/** One office's contact as a small definition list; phone and e-mail are tappable on a phone. */
export async function ContactDetails({
  contact,
  className,
}: {
  contact: Contact | null;
  className?: string;
}) {
  const t = await getTranslations("help.contacts");
  const rows = contact ? FIELDS.filter((k) => contact[k]) : [];
  if (!contact || rows.length === 0)
    return <p className={cn("text-sm text-slate-600", className)}>{t("none")}</p>;
  return (
    // styles: .contact-list in app/globals.css (the card is on every /record and report page)
    <dl className={cn("contact-list", className)}>
      {rows.map((k) => (
        <div key={k} className="contents">
          <dt>{t(k)}</dt>
          <dd>
            {k === "phone" ? (
              <a
                className="underline-offset-4 hover:underline"
                href={`tel:${contact.phone.replace(/[^\d+-]/g, "")}`}
              >
                {contact.phone}
              </a>
            ) : k === "email" ? (
              <a className="underline-offset-4 hover:underline" href={`mailto:${contact.email}`}>
                {contact.email}
              </a>
            ) : (
              contact[k]
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Who to ask, on /record, the report form and /help: the registrar's office and, when known, the
 * student's college (with "not set yet" when the admin left it empty).
 */
export async function ContactCard({
  registrar,
  college,
  headingLevel = "h2",
}: {
  registrar: Contact;
  college?: { name: string; contact: Contact | null } | null;
  headingLevel?: "h2" | "h3";
}) {
  const t = await getTranslations("help.contacts");
  const Heading = headingLevel;
  return (
    <section aria-labelledby="contact-card-title" className="space-y-4">
      <Heading id="contact-card-title" className="text-lg font-semibold text-ink">
        {t("title")}
      </Heading>
      <div>
        <h3 className="mb-1.5 text-sm font-semibold text-brand-900">{t("registrar")}</h3>
        <ContactDetails contact={registrar} />
      </div>
      {college ? (
        <div>
          <h3 className="mb-1.5 text-sm font-semibold text-brand-900">
            {t("yourCollegeName", { name: college.name })}
          </h3>
          {college.contact ? (
            <ContactDetails contact={college.contact} />
          ) : (
            <p className="text-sm text-slate-600">{t("noneCollege")}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
