import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/current";
import { collegeOfStudent, contactDirectory } from "@/lib/contacts/directory";
import { metaDescription } from "@/lib/i18n/metadata";
import { HELP_SECTIONS, topicKey } from "@/lib/help/topics";
import { Card, PageHeader } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { ContactDetails } from "@/components/help/ContactCard";

export async function generateMetadata() {
  const t = await getTranslations("help");
  return { title: t("title"), description: await metaDescription("help") };
}

const link = "font-semibold text-brand-700 underline underline-offset-4";

/**
 * 帮助中心 (SPEC §15): the questions students ask, each under its own anchor (/help#id-taken) so errors link
 * straight to the answer, and every office's contact. Public: people who cannot sign in need it most. A
 * signed-in student sees their own college first.
 */
export default async function HelpPage() {
  const t = await getTranslations("help");
  const actor = await getActor();
  const ownCollegeId = actor?.kind === "student" ? await collegeOfStudent(actor.accountId) : null;
  const directory = await contactDirectory();
  const colleges = [...directory.colleges].sort(
    (a, b) => Number(b.id === ownCollegeId) - Number(a.id === ownCollegeId),
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <nav aria-labelledby="help-toc" id="toc" className="lg:sticky lg:top-4 lg:self-start">
          <Card as="div" className="p-4 sm:p-5">
            <h2 id="help-toc" className="text-sm font-semibold text-ink">
              {t("toc")}
            </h2>
            <ul className="mt-2 space-y-3 text-sm">
              {HELP_SECTIONS.map((section) => (
                <li key={section.id}>
                  <a
                    className="font-medium text-brand-800 underline-offset-4 hover:underline"
                    href={`#section-${section.id}`}
                  >
                    {t(`sections.${section.id}`)}
                  </a>
                  <ul className="mt-1 space-y-1 border-l border-slate-200 pl-3">
                    {section.topics.map((topic) => (
                      <li key={topic.id}>
                        <a
                          className="text-slate-700 underline-offset-4 hover:underline"
                          href={`#${topic.id}`}
                        >
                          {t(`topics.${topicKey(topic.id)}.q`)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
              <li>
                <a className="font-medium text-brand-800 underline-offset-4 hover:underline" href="#contacts">
                  {t("contacts.title")}
                </a>
              </li>
            </ul>
          </Card>
        </nav>
        <div className="min-w-0 space-y-8">
          {HELP_SECTIONS.map((section) => (
            <section key={section.id} aria-labelledby={`section-${section.id}`} className="space-y-4">
              <h2 id={`section-${section.id}`} className="scroll-mt-4 text-xl font-bold text-ink">
                {t(`sections.${section.id}`)}
              </h2>
              {section.topics.map((topic) => (
                <Card
                  key={topic.id}
                  as="article"
                  aria-labelledby={topic.id}
                  className="space-y-2 has-[h3:target]:ring-2 has-[h3:target]:ring-brand-500"
                >
                  <h3 id={topic.id} className="scroll-mt-4 text-base font-semibold text-ink">
                    {t(`topics.${topicKey(topic.id)}.q`)}
                  </h3>
                  {(t.raw(`topics.${topicKey(topic.id)}.a`) as string[]).map((paragraph) => (
                    <p key={paragraph} className="text-sm leading-relaxed text-slate-700">
                      {paragraph}
                    </p>
                  ))}
                  {topic.links?.length ? (
                    <p className="flex flex-wrap gap-x-4 gap-y-2 pt-1 text-sm">
                      {topic.links.map((l) => (
                        <Link key={l.href} href={l.href} className={link}>
                          {t(`links.${l.label}`)}
                        </Link>
                      ))}
                    </p>
                  ) : null}
                </Card>
              ))}
            </section>
          ))}
          <section aria-labelledby="contacts" className="space-y-4">
            <h2 id="contacts" className="scroll-mt-4 text-xl font-bold text-ink">
              {t("contacts.title")}
            </h2>
            <Card as="div">
              <h3 className="mb-2 text-base font-semibold text-ink">{t("contacts.registrar")}</h3>
              <ContactDetails contact={directory.registrar} />
            </Card>
            {colleges.length > 0 ? (
              <Card as="div">
                <h3 className="text-base font-semibold text-ink">{t("contacts.collegesTitle")}</h3>
                <ul className="mt-3 divide-y divide-slate-200">
                  {colleges.map((c) => (
                    <li
                      key={c.id}
                      className={cn("py-3", c.id === ownCollegeId && "rounded-lg bg-brand-50 px-3")}
                    >
                      <p className="mb-1.5 text-sm font-semibold text-brand-900">
                        {c.id === ownCollegeId ? t("contacts.yourCollegeName", { name: c.name }) : c.name}
                      </p>
                      {c.contact ? (
                        <ContactDetails contact={c.contact} />
                      ) : (
                        <p className="text-sm text-slate-600">{t("contacts.noneCollege")}</p>
                      )}
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}
