/**
 * Saving a file from the pane, where the host allows it. Office.js has no "save as" API for
 * add-ins; the pane's web view decides. Excel on the web runs the pane in the browser's own
 * iframe, and Excel on Windows in Edge WebView2 (Chromium): both honour a Blob link with a
 * `download` attribute and show their download / save prompt. Excel on Mac and iPad run it in
 * WKWebView, which ignores or swallows such downloads; there the pane puts the report on a
 * print-ready sheet instead (components ask `canSaveFiles`, never Office).
 */

/** Platforms whose web view saves a Blob download (Office.PlatformType values). */
const SAVING_PLATFORMS = new Set(["OfficeOnline", "PC"]);

/** The platform Office reports ("OfficeOnline", "PC", "Mac", "iOS" …), or undefined outside Office. */
export function officePlatform(): string | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const platform = office?.context?.diagnostics?.platform as unknown;
  return typeof platform === "string" ? platform : undefined;
}

/** True where a downloaded file reliably reaches the user (unknown hosts: no). */
export function canSaveFiles(platform: string | undefined = officePlatform()): boolean {
  return platform !== undefined && SAVING_PLATFORMS.has(platform);
}

/** Hand `data` to the web view as a download named `name` (its save prompt or downloads folder). */
export async function downloadFile(name: string, data: Blob, doc: Document = document): Promise<void> {
  const url = URL.createObjectURL(data);
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the click; revoking at once can cancel it in Chromium.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
