/**
 * The pane's language from Office's display language: read before the pane's first paint, so it
 * lives apart from the rest of the adapter (which loads after it).
 */
export type PaneLocale = "zh-CN" | "en";

/** Chinese first: any Chinese display language (zh-CN, zh-TW, zh-HK) and no Office at all give zh-CN. */
export function localeFromDisplayLanguage(displayLanguage: string | undefined | null): PaneLocale {
  if (!displayLanguage) return "zh-CN";
  return displayLanguage.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export function officeLocale(): PaneLocale {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return localeFromDisplayLanguage(office?.context?.displayLanguage);
}
