/**
 * The questions /help answers (SPEC §15; the seeds' FAQ plus this portal's own flows), grouped as the page
 * shows them. Each topic's id is its anchor (/help#id-taken), so errors and pages link straight to the
 * answer; texts live in the "help" catalogue under topics.<id> (q = question, a = paragraphs).
 */
export type HelpLink = { href: string; label: string };
export type HelpTopic = { id: string; links?: HelpLink[] };
export type HelpSection = { id: string; topics: HelpTopic[] };

export const HELP_SECTIONS: readonly HelpSection[] = [
  {
    id: "account",
    topics: [
      {
        id: "id-taken",
        links: [
          { href: "/recover/username", label: "recoverUsername" },
          { href: "/register", label: "register" },
        ],
      },
      {
        id: "phone-taken",
        links: [
          { href: "/register/phone-release", label: "phoneRelease" },
          { href: "/recover/password", label: "recoverPassword" },
        ],
      },
      { id: "sms-code" },
      { id: "forgot-username", links: [{ href: "/recover/username", label: "recoverUsername" }] },
      { id: "forgot-password", links: [{ href: "/recover/password", label: "recoverPassword" }] },
      { id: "account-locked", links: [{ href: "/recover/password", label: "recoverPassword" }] },
      { id: "rare-characters" },
      { id: "minority-names" },
      { id: "traditional" },
      { id: "email-unusable", links: [{ href: "/account", label: "account" }] },
    ],
  },
  {
    id: "identity",
    topics: [
      { id: "pending-account", links: [{ href: "/identity", label: "identity" }] },
      { id: "photo-rules", links: [{ href: "/identity/photos", label: "photos" }] },
    ],
  },
  {
    id: "record",
    topics: [
      { id: "no-record", links: [{ href: "/record", label: "record" }] },
      { id: "wrong-info", links: [{ href: "/record", label: "record" }] },
      { id: "not-counted", links: [{ href: "/record", label: "record" }] },
      { id: "renamed", links: [{ href: "/record", label: "record" }] },
      { id: "admission-photo", links: [{ href: "/record/report", label: "report" }] },
      { id: "locked-record" },
    ],
  },
  { id: "contact", topics: [{ id: "who-to-contact" }] },
];

export const HELP_TOPIC_IDS: readonly string[] = HELP_SECTIONS.flatMap((s) => s.topics.map((t) => t.id));

/** The catalogue key of a topic (ids are anchors with hyphens; catalogue keys are camelCase). */
export function topicKey(id: string): string {
  return id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/** /help#<topic>: where an error or a page sends someone for the full answer. */
export function helpHref(topic: string): string {
  return `/help#${topic}`;
}
