"use server";

import { z } from "zod";
import { studentAction } from "@/lib/auth/action";
import { withdrawCorrection } from "@/lib/corrections/withdraw";

const schema = z.object({ requestId: z.string().min(1).max(40) });

/** The student withdraws their own, still unreviewed request. */
export const withdrawAction = studentAction(
  schema,
  (actor, input) => withdrawCorrection(actor, input.requestId),
  {
    next: "/record",
    invalid: "corrections.errors.invalid",
    echo: false,
    revalidate: (input) => [`/record/requests/${input.requestId}`, "/record"],
  },
);
