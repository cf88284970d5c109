/**
 * The .docx of a 自评报告 draft as a Blob, for the task pane. The pane imports this module
 * dynamically (import("../../docx/draftBlob")), so the docx package — larger than the rest of the
 * pane's first screen — loads only when someone asks for a report.
 */
import { Packer } from "docx";
import type { ReportDraft } from "../engine";
import { draftDocument } from "./draftDocx";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function draftDocxBlob(drafts: ReportDraft[]): Promise<Blob> {
  const blob = await Packer.toBlob(draftDocument(drafts));
  return blob.type === DOCX_MIME ? blob : new Blob([blob], { type: DOCX_MIME });
}
