/**
 * The text of a 自评报告: a .docx (word/document.xml unzipped with jszip, the w:t runs of each
 * w:p joined into one line, table cells included as paragraphs of their own) or a plain .txt.
 * Reading never changes the file. An unreadable file is a zh-CN message, not a stack trace.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { jszip } from "../host/exceljs/lib";

export type ReportText = { ok: true; text: string } | { ok: false; message: string };

const MAX_BYTES = 50 * 1024 * 1024;

export async function readReportText(file: string, lang: "zh-CN" | "en" = "zh-CN"): Promise<ReportText> {
  const zh = lang !== "en";
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return fail(zh ? `不是文件：${file}` : `not a file: ${file}`);
    if (stat.size > MAX_BYTES)
      return fail(zh ? `报告文件过大（超过 50 MB）：${file}` : `report file over 50 MB: ${file}`);
    bytes = await fs.readFile(file);
  } catch {
    return fail(zh ? `找不到或无法读取报告文件：${file}` : `cannot read the report file: ${file}`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === ".docx") return docxText(bytes, file, zh);
  if (ext === ".txt" || ext === ".md") return { ok: true, text: bytes.toString("utf8").replace(/^\uFEFF/, "") };
  if (ext === ".doc" || ext === ".wps" || ext === ".pdf")
    return fail(
      zh
        ? `暂不支持 ${ext} 格式，请另存为 .docx 或 .txt：${file}`
        : `${ext} is not supported; save as .docx or .txt: ${file}`,
    );
  return fail(zh ? `报告文件须为 .docx 或 .txt：${file}` : `the report must be a .docx or .txt file: ${file}`);
}

function fail(message: string): ReportText {
  return { ok: false, message };
}

async function docxText(bytes: Buffer, file: string, zh: boolean): Promise<ReportText> {
  try {
    const zip = await jszip().loadAsync(bytes);
    const doc = zip.file("word/document.xml");
    if (!doc) return fail(zh ? `不是有效的 Word 文档（缺少正文）：${file}` : `not a Word document (no body): ${file}`);
    return { ok: true, text: paragraphsOfXml(await doc.async("string")).join("\n") };
  } catch {
    return fail(
      zh
        ? `无法打开 Word 文档（文件损坏或已加密）：${file}`
        : `cannot open the Word document (damaged or encrypted): ${file}`,
    );
  }
}

/** Each w:p → one line: its w:t texts joined, w:tab as a tab, w:br as a line break. */
export function paragraphsOfXml(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    let line = "";
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/g)) {
      if (m[1] !== undefined) line += decodeXml(m[1]);
      else line += m[0] === "<w:tab/>" ? "\t" : "\n";
    }
    out.push(line);
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}
