import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, type MessageTree } from "@/lib/i18n/pick";

/**
 * Wraps client components and hands them only the catalogue namespaces they read ("signIn",
 * "record.selfCheck"): the whole catalogue serialised into every page was most of its HTML.
 * tests/unit/i18n/client-messages.test.ts checks every file that renders a client component lists what
 * that component (and the client components it renders) translate.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: ReactNode;
}) {
  const messages = (await getMessages()) as MessageTree;
  return (
    <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>
  );
}
