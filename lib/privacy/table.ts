import { ROLE_PERMISSIONS, STUDENT_ROLE_PERMISSIONS, type Permission } from "@/lib/auth/policy";
import type { StaffRole } from "@/lib/auth/actor";
import { DATA_KINDS, type Access, type DataKind, type Retention } from "./inventory";

/**
 * The generated parts of docs/privacy.md: who can see what (from the permission matrix in
 * lib/auth/policy.ts) and how long each kind is kept (from the retention settings' defaults). Pure, so the
 * check that the document is current runs as a unit test.
 */

export const MARKERS = {
  access: ["<!-- privacy-table:access:start -->", "<!-- privacy-table:access:end -->"],
  retention: ["<!-- privacy-table:retention:start -->", "<!-- privacy-table:retention:end -->"],
} as const;

type Column = { title: string; holds: (p: Permission) => boolean };

const STAFF_COLUMNS: { role: StaffRole; title: string }[] = [
  { role: "college", title: "College staff (学院)" },
  { role: "registrar", title: "Registrar (学籍管理科)" },
  { role: "support", title: "Support (客服)" },
  { role: "admin", title: "Admin (系统管理员)" },
];

function columns(): Column[] {
  return [
    { title: "The student", holds: (p) => STUDENT_ROLE_PERMISSIONS.verified.has(p) },
    ...STAFF_COLUMNS.map(({ role, title }) => ({
      title,
      holds: (p: Permission) => ROLE_PERMISSIONS[role].has(p),
    })),
  ];
}

const LEVEL_TEXT: Record<Access["level"], string> = { full: "full", masked: "masked", own: "own" };

function cell(kind: DataKind, column: Column): string {
  const granted = kind.access.filter((a) => column.holds(a.permission));
  if (granted.length === 0) return "—";
  return granted
    .map((a) => `${LEVEL_TEXT[a.level]} (\`${a.permission}\`${a.note ? `; ${a.note}` : ""})`)
    .join("<br>");
}

const escape = (text: string) => text.replace(/\|/g, "\\|");

export function accessTable(): string {
  const cols = columns();
  const head = `| Data | ${cols.map((c) => c.title).join(" | ")} |`;
  const rule = `| --- | ${cols.map(() => "---").join(" | ")} |`;
  const rows = DATA_KINDS.map(
    (kind) => `| ${escape(kind.name)} | ${cols.map((c) => escape(cell(kind, c))).join(" | ")} |`,
  );
  return [head, rule, ...rows].join("\n");
}

export type RetentionDefaults = { idPhotoDays: number; evidenceDays: number };

function retentionText(retention: Retention, defaults: RetentionDefaults): string {
  if (retention.kind === "rule") return retention.text;
  return `${defaults[retention.setting]} days after ${retention.after} (setting \`retention.days\` → \`${retention.setting}\`, default shown)`;
}

export function retentionTable(defaults: RetentionDefaults): string {
  const head = "| Data | Kept | After an approved account closure |";
  const rule = "| --- | --- | --- |";
  const rows = DATA_KINDS.map(
    (kind) =>
      `| ${escape(kind.name)} | ${escape(retentionText(kind.retention, defaults))} | ${escape(kind.afterClosure)} |`,
  );
  return [head, rule, ...rows].join("\n");
}

/** Replaces the text between each pair of markers; throws when a marker is missing. */
export function renderDocument(doc: string, defaults: RetentionDefaults): string {
  const parts: [readonly [string, string], string][] = [
    [MARKERS.access, accessTable()],
    [MARKERS.retention, retentionTable(defaults)],
  ];
  let out = doc;
  for (const [[start, end], table] of parts) {
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/privacy.md: markers ${start} … ${end} not found`);
    out = `${out.slice(0, from + start.length)}\n\n${table}\n\n${out.slice(to)}`;
  }
  return out;
}
