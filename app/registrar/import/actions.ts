"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { decideConflict } from "@/lib/roster-import/decide";
import { discardImport } from "@/lib/roster-import/discard";
import { runCommit, startCommit } from "@/lib/roster-import/jobs";

const jobId = z.string().min(1).max(40);

/** Commits a previewed roster: claimed now, written after the answer; the job page shows its progress. */
export const commitRosterAction = staffAction(
  "roster.import",
  z.object({ jobId }),
  async (actor, input) => {
    const started = await startCommit(actor, input.jobId);
    if (started.ok) after(() => runCommit(input.jobId, actor));
    return started;
  },
  {
    invalid: "import.errors.notFound",
    echo: false,
    onOk: (_, input) => redirect(`/registrar/import/${input.jobId}`),
  },
);

/** One conflict of a preview: keep what the record says, or take the file's value. */
export const decideConflictAction = staffAction(
  "roster.import",
  z.object({ jobId, issueId: z.string().min(1).max(40), decision: z.enum(["keep", "take"]) }),
  decideConflict,
  {
    invalid: "import.errors.notFound",
    echo: false,
    revalidate: (input) => [`/registrar/import/${input.jobId}`],
  },
);

/** Sets a stale preview aside (roster or graduation lock); back to its page, now marked discarded. */
export const discardImportAction = staffAction(
  null, // roster or graduation lock: the service checks the permission of the job's kind
  z.object({ jobId, confirm: z.literal("yes") }),
  (actor, input) => discardImport(actor, input.jobId),
  {
    invalid: "import.errors.notFound",
    atField: { confirm: "import.discard.confirmRequired" },
    echo: false,
    onOk: (discarded, input) =>
      redirect(
        discarded.kind === "graduation_lock"
          ? `/registrar/graduation-lock/${input.jobId}`
          : `/registrar/import/${input.jobId}`,
      ),
  },
);
