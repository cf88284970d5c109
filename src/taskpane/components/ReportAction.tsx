/**
 * 生成自评报告: the active sheet's forms → a 自评报告 draft. Where the host can save a file
 * (Excel on the web, on Windows) the pane hands over the .docx; where it cannot (Excel on Mac),
 * or when the clerk asks for it, the same report goes on a new print-ready sheet. The docx
 * package is loaded only here, on the first click, so the pane's first screen stays small.
 */
import { useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import type { ReportDraft } from "../../engine";
import { draftSheetReports, reportFileName, writeReportSheet } from "../../ops";
import { usePane, type PaneHost } from "../host";
import { reportStringsFor, type ReportStrings } from "../reportStrings";
import { usePaneStyles } from "../styles";
import { Notice, type NoticeState } from "./Notice";

type Delivery = { to: "file"; name: string } | { to: "sheet"; sheet: string } | { to: "none"; sheet: string };

/** Saves the .docx where the host can; otherwise writes the report sheet. */
async function deliver(host: PaneHost, drafts: ReportDraft[], onSheet: boolean): Promise<Delivery> {
  if (host.saveFile && !onSheet) {
    const { draftDocxBlob } = await import("../../docx/draftBlob");
    const name = reportFileName(drafts);
    await host.saveFile(name, await draftDocxBlob(drafts));
    return { to: "file", name };
  }
  return { to: "sheet", ...(await writeReportSheet(host.port, drafts)) };
}

function noticeOf(s: ReportStrings, d: Delivery, drafts: ReportDraft[], fallback: boolean): NoticeState {
  const holes = drafts.reduce((n, r) => n + r.placeholders, 0);
  if (d.to === "none") return { intent: "info", text: s.reportNoForm(d.sheet) };
  if (d.to === "file") return { intent: "success", text: s.reportSaved(d.name, drafts.length, holes) };
  const text = s.reportOnSheet(d.sheet, drafts.length, holes);
  return fallback ? { intent: "success", title: s.reportNoSaveHost, text } : { intent: "success", text };
}

export function ReportAction() {
  const { host, op, ruleSet } = usePane();
  const s = reportStringsFor(host.locale);
  const styles = usePaneStyles();
  const [notice, setNotice] = useState<NoticeState | null>(null);

  async function onReport(onSheet: boolean) {
    setNotice(null);
    const outcome = await op.run(async () => {
      const { sheet, drafts } = await draftSheetReports(host.port, null, ruleSet);
      if (drafts.length === 0) return { drafts, delivery: { to: "none", sheet } as Delivery };
      return { drafts, delivery: await deliver(host, drafts, onSheet) };
    }, s.progressReport);
    if (outcome) setNotice(noticeOf(s, outcome.delivery, outcome.drafts, !host.saveFile));
  }

  return (
    <section className={styles.panel} aria-label={s.reportHeading}>
      <Text as="h2" size={400} weight="semibold">
        {s.reportHeading}
      </Text>
      <Text className={styles.hint} size={300}>
        {s.reportHint}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={() => onReport(false)}>
          {s.reportButton}
        </Button>
        {host.saveFile && (
          <Button disabled={op.busy} onClick={() => onReport(true)}>
            {s.reportToSheet}
          </Button>
        )}
      </div>
      <Notice notice={notice} />
    </section>
  );
}
