import { getTranslations } from "next-intl/server";

/**
 * The page's meta description in the reader's language (catalogue "meta", one key per page): what a
 * search result or a shared link says the page is for.
 */
export async function metaDescription(page: string): Promise<string> {
  const t = await getTranslations("meta");
  return t(page);
}
