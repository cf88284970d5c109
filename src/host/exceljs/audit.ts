/**
 * What a package written by exceljs lacks compared with the file it was read from, after the
 * parts it can carry were carried (carry.ts): every part of the input is either in the output
 * (under exceljs's own names for the parts it rewrites), a cache Excel rebuilds, or named here
 * so calc and freeze can refuse to write a copy that silently lost it.
 */
import type JSZip from "jszip";
import { partNames, partText } from "./opc";

/** Parts exceljs rewrites under its own names: kept when the output has as many of the kind. */
const REWRITTEN: { kind: RegExp; word: string }[] = [
  { kind: /^xl\/worksheets\/[^/]+\.xml$/, word: "工作表" },
  { kind: /^xl\/comments[^/]*\.xml$/, word: "批注" },
  { kind: /^xl\/drawings\/[^/]+\.vml$/, word: "批注或控件的绘图" },
  { kind: /^xl\/drawings\/[^/]+\.xml$/, word: "图片或图形" },
  { kind: /^xl\/media\//, word: "图片" },
  { kind: /^xl\/tables\//, word: "表格（列表）" },
  { kind: /^xl\/theme\//, word: "主题" },
];

/**
 * Parts whose loss loses nothing a user made: relationship and content-type parts (rebuilt),
 * the calculation chain (a cache Excel rebuilds), printer-driver settings (paper size and
 * orientation are kept in the sheet), the parts exceljs writes afresh from what it read.
 */
const REBUILT =
  /(^|\/)_rels\/|^\[Content_Types\]\.xml$|^xl\/(workbook|styles|sharedStrings|calcChain)\.xml$|^xl\/printerSettings\/|^docProps\/(app|core)\.xml$/;

/** Names for parts exceljs cannot write back, so a refusal can say what would be lost. */
const LOST_WORDS: [RegExp, string][] = [
  [/^xl\/charts\//, "图表"],
  [/^xl\/(pivotTables|pivotCache)\//, "数据透视表"],
  [/^xl\/(slicers|slicerCaches)\//, "切片器"],
  [/^xl\/(timelines|timelineCaches)\//, "日程表"],
  [/^xl\/ctrlProps\//, "表单控件"],
  [/^xl\/vbaProject\.bin$/, "宏"],
  [/^xl\/(threadedComments|persons)\//, "新版批注（讨论）"],
  [/^xl\/externalLinks\//, "外部链接"],
  [/^xl\/(connections\.xml|queryTables\/)/, "数据连接"],
  [/^xl\/activeX\//, "ActiveX 控件"],
  [/^xl\/embeddings\//, "嵌入对象"],
  [/^xl\/(richData\/|cellimages\.xml)/, "单元格中的图片"],
  [/^xl\/metadata\.xml$/, "动态数组公式"],
  [/^xl\/chartsheets\//, "图表工作表"],
  [/^xl\/model\//, "数据模型"],
  [/^docProps\/custom\.xml$/, "自定义文档属性"],
  [/^customXml\//, "自定义 XML 数据"],
  [/^xl\/webextensions\//, "加载项设置"],
];

/** Sheet extensions (extLst) by URI: content, not formatting hints, so losing one loses data. */
const EXTENSION_WORDS: Record<string, string> = {
  "{78C0D931-6437-407d-A8EE-F0AAD7539E65}": "条件格式（新版）",
  "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}": "数据有效性（新版）",
  "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}": "迷你图",
  "{A8765BA9-456A-4dab-B4F3-ACF838C121DE}": "切片器",
  "{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}": "切片器",
  "{7E03D99C-DC04-49d9-9315-930204A7B6E9}": "日程表",
};

function wordFor(part: string): string {
  return LOST_WORDS.find(([re]) => re.test(part))?.[1] ?? `其他内容（${part}）`;
}

/** Parts of the input with no counterpart in the output. */
function missingParts(input: string[], output: string[]): string[] {
  const out = new Set(output);
  const words: string[] = [];
  for (const { kind, word } of REWRITTEN) {
    if (input.filter((p) => kind.test(p)).length > output.filter((p) => kind.test(p)).length) words.push(word);
  }
  for (const p of input) {
    if (out.has(p) || REBUILT.test(p) || REWRITTEN.some((r) => r.kind.test(p))) continue;
    words.push(wordFor(p));
  }
  return words;
}

/** Extension URIs of every worksheet, counted (a sheet's extLst lists each once). */
async function sheetExtensions(zip: JSZip): Promise<Map<string, number>> {
  const count = new Map<string, number>();
  for (const name of partNames(zip).filter((p) => REWRITTEN[0].kind.test(p))) {
    const xml = await partText(zip, name);
    const at = xml.lastIndexOf("<extLst");
    if (at < 0) continue;
    for (const m of xml.slice(at).matchAll(/<(?:\w+:)?ext\b[^>]*\buri="([^"]*)"/g)) {
      count.set(m[1], (count.get(m[1]) ?? 0) + 1);
    }
  }
  return count;
}

async function lostExtensions(input: JSZip, output: JSZip): Promise<string[]> {
  const before = await sheetExtensions(input);
  const after = await sheetExtensions(output);
  const words: string[] = [];
  for (const [uri, n] of before) {
    if ((after.get(uri) ?? 0) < n && EXTENSION_WORDS[uri]) words.push(EXTENSION_WORDS[uri]);
  }
  return words;
}

/** Drawings with shapes, text boxes or charts: exceljs keeps only the pictures of a drawing. */
async function lostShapes(input: JSZip): Promise<string[]> {
  for (const name of partNames(input).filter((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p))) {
    if (/<(\w+:)?(sp|cxnSp|grpSp|graphicFrame)\b/.test(await partText(input, name))) return ["图形或文本框"];
  }
  return [];
}

/** Notes in every comments part. exceljs drops a note on a cell the file does not list (an empty, unstyled cell). */
async function noteCount(zip: JSZip): Promise<number> {
  let n = 0;
  for (const name of partNames(zip).filter((p) => REWRITTEN[1].kind.test(p))) {
    n += ((await partText(zip, name)).match(/<comment\b/g) ?? []).length;
  }
  return n;
}

/** What the output lost, in Chinese words, each once; [] when it kept everything. */
export async function lostInPackage(input: JSZip, output: JSZip): Promise<string[]> {
  const words = [
    ...missingParts(partNames(input), partNames(output)),
    ...(await lostExtensions(input, output)),
    ...(await lostShapes(input)),
    ...((await noteCount(output)) < (await noteCount(input)) ? [REWRITTEN[1].word] : []),
  ];
  return [...new Set(words)];
}
