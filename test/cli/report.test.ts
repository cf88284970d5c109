/**
 * ziping report: a 自评报告 draft (.docx) from seed 001's four forms. The document opens in
 * LibreOffice Writer (converted to PDF, test/libreoffice/soffice.ts); its text carries every number of every
 * form exactly as the form shows it; placeholders are highlighted; a form with a slip gets the
 * computed values (also in its 总分) and an appendix naming the slip. Never overwrites.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { a1, type CellValue, type SheetSnapshot } from "../../src/engine";
import { paragraphsOfXml } from "../../src/cli/reportText";
import { seedDepartmentForm, seedProjectForms, seedProjectFormsWithLayout } from "../fixtures/seed001";
import { convertWithSoffice, sofficeAvailable } from "../libreoffice/soffice";
import { writeSnapshots } from "../ops/xlsx";
import { cli, STACK_LINE } from "./helpers";

let dir: string;

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file("word/document.xml")!.async("string");
}

/** A number as the form shows it, computed here independently of the engine's formatter. */
function shown(v: CellValue, format: string | null | undefined): string | null {
  if (typeof v !== "number") return null;
  const f = format ?? "General";
  const d = /0\.(0+)/.exec(f)?.[1].length ?? 0;
  if (f.includes("%")) return `${(v * 100).toFixed(d)}%`;
  return /0/.test(f) ? v.toFixed(d) : String(v);
}

function numbersOf(s: SheetSnapshot): string[] {
  const out: string[] = [];
  s.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const t = shown(v, s.numberFormats?.[i]?.[j]);
      if (t !== null) out.push(t);
    }),
  );
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-report-"));
  await writeSnapshots(path.join(dir, "forms.xlsx"), [...seedProjectForms(), seedDepartmentForm()]);
  // A slip: the first indicator of project 1 scored 35 of 40 although its target was met.
  const { sheet, layout } = seedProjectFormsWithLayout()[0];
  const r = layout.indicators.rows[0];
  const c = layout.indicators.columns.score!;
  sheet.values[r - sheet.origin.row][c - sheet.origin.col] = 35;
  await writeSnapshots(path.join(dir, "slip.xlsx"), [sheet]);
  fs.writeFileSync(path.join(dir, "slipCell.txt"), a1(r, c));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("ziping report", () => {
  it("writes a .docx that LibreOffice opens, carrying every number of every form", async () => {
    const r = await cli(["report", "forms.xlsx", "-o", "报告.docx"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/4 张表/);
    const docx = path.join(dir, "报告.docx");
    const xml = await documentXml(docx);
    const text = paragraphsOfXml(xml).join("\n");
    for (const s of [...seedProjectForms(), seedDepartmentForm()]) {
      for (const n of numbersOf(s)) expect(text).toContain(n);
    }
    expect(text).toContain(
      "本项目年初预算数 41.61 万元，全年预算数 41.61 万元，全年执行数 41.61 万元，预算执行率 100.00%",
    );
    expect(text).toContain("经自评，本项目总分 100 分，自评等级为“优”。");
    expect(text).toContain("曲靖市沾益区人代会会议经费：批复金额 41.61 万元，实际支出 41.61 万元，预算执行率 100.00%");
    // Chinese fonts declared, A4.
    const zip = await JSZip.loadAsync(fs.readFileSync(docx));
    expect(await zip.file("word/styles.xml")!.async("string")).toMatch(/w:eastAsia="仿宋"/);
    expect(xml).toMatch(/w:eastAsia="宋体"/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    if (!sofficeAvailable()) throw new Error("LibreOffice (soffice) is not installed: run scripts/setup-system.sh");
    const pdf = fs.readFileSync(convertWithSoffice(docx, "pdf", dir));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 180_000);

  it("the draft agrees with its own forms: report-check finds nothing", async () => {
    const r = await cli(["report-check", "报告.docx", "forms.xlsx"], dir);
    expect(r.stdout).toMatch(/发现不一致 0 处/);
    expect(r.code).toBe(0);
  });

  it("marks what only the unit can write as highlighted placeholders", async () => {
    const xml = await documentXml(path.join(dir, "报告.docx"));
    const runs = xml.match(/<w:r>(?:(?!<\/w:r>).)*【请填写：[^<]*<\/w:t><\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThanOrEqual(4 * 3);
    for (const run of runs) expect(run).toContain('<w:highlight w:val="yellow"/>');
    expect(xml).toContain("【请填写：项目背景】");
    expect(xml).toContain("【请填写：存在的问题】");
  });

  it("a form with a slip: the computed values throughout, the slip in an appendix", async () => {
    const r = await cli(["report", "slip.xlsx", "-o", "slip.docx"], dir);
    expect(r.code).toBe(0);
    const xml = await documentXml(path.join(dir, "slip.docx"));
    const text = paragraphsOfXml(xml).join("\n");
    // The replaced cell is shaded in the form table; the clean report has no shaded cell.
    expect(xml.split('w:fill="FFF2CC"').length - 1).toBe(1);
    expect((await documentXml(path.join(dir, "报告.docx"))).includes('w:fill="FFF2CC"')).toBe(false);
    const cell = fs.readFileSync(path.join(dir, "slipCell.txt"), "utf8");
    expect(text).toContain("指标值 ≥2次，实际完成值 2次，已达成，分值 40 分，得分 40 分");
    expect(text).toContain("经自评，本项目总分 100 分，自评等级为“优”。");
    expect(text).toContain("附件2：自评表计算问题");
    expect(text).toMatch(new RegExp(`1\\. ${cell} 得分填写为 35，按评分规则应为 40`));
    // The typed 总分 of 100 is right once the 得分 is corrected: not listed as a slip.
    expect(text).not.toMatch(/2\. \S+ 总分填写为/);
  });

  it("never overwrites; bad input is one Chinese line, exit 2", async () => {
    fs.writeFileSync(path.join(dir, "exists.docx"), "keep me");
    for (const argv of [
      ["report", "forms.xlsx", "-o", "exists.docx"],
      ["report", "forms.xlsx", "-o", "out.xlsx"],
      ["report", "forms.xlsx"],
      ["report", "forms.xlsx", "-o", "x.docx", "--sheet", "没有这张表"],
      ["report", "missing.xlsx", "-o", "y.docx"],
    ]) {
      const r = await cli(argv, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stderr + r.stdout).not.toMatch(STACK_LINE);
    }
    expect(fs.readFileSync(path.join(dir, "exists.docx"), "utf8")).toBe("keep me");
    expect(fs.existsSync(path.join(dir, "x.docx"))).toBe(false);
  });

  it("--sheet drafts the forms of one sheet only", async () => {
    const r = await cli(["report", "forms.xlsx", "--sheet", "部门整体", "-o", "部门.docx"], dir);
    expect(r.code).toBe(0);
    const text = paragraphsOfXml(await documentXml(path.join(dir, "部门.docx"))).join("\n");
    expect(text).toContain("部门整体支出绩效自评报告");
    expect(text).not.toContain("项目支出绩效自评表");
  });
});
