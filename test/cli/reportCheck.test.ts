/**
 * ziping report-check on real files: a Word report written with the `docx` package (paragraphs
 * and a table) and plain-text reports, against an .xlsx holding seed 001's four forms.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import type { ReportCheckRow } from "../../src/cli/commands/reportCheck";
import { paragraphsOfXml } from "../../src/cli/reportText";
import { seedDepartmentForm, seedProjectForms } from "../fixtures/seed001";
import { sha256, writeSnapshots } from "../ops/xlsx";
import { cli, STACK_LINE } from "./helpers";

let dir: string;
const forms = () => path.join(dir, "forms.xlsx");

async function writeDocx(file: string, lines: string[]): Promise<void> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    sections: [
      {
        children: [
          ...lines.map((l) => new Paragraph({ children: [new TextRun(l)] })),
          new Table({ rows: [new TableRow({ children: [cell("项目"), cell("金额")] })] }),
        ],
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-rc-"));
  await writeSnapshots(forms(), [...seedProjectForms(), seedDepartmentForm()]);
  await writeDocx(path.join(dir, "dirty.docx"), [
    "一、项目基本情况",
    "（一）三届三次人代会工作费",
    "该项目全年预算41.61万元，实际支出38.7万元，执行率100%。",
    "二、其他",
    "应支出150万元，实际支出148万元，执行率95.33%。",
  ]);
  await writeDocx(path.join(dir, "clean.docx"), [
    "（一）三届三次人代会工作费",
    "该项目全年预算41.61万元，实际支出41.61万元，执行率100%，自评总分100分，等级为优。",
  ]);
  fs.writeFileSync(
    path.join(dir, "seed001.txt"),
    fs.readFileSync(path.join(__dirname, "../../test/fixtures/seed001Report.txt")),
  );
  fs.writeFileSync(path.join(dir, "old.doc"), "not really");
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("ziping report-check", () => {
  it("quotes each contradiction with its sentence and cell; exit 1; the files stay unchanged", async () => {
    const before = [sha256(forms()), sha256(path.join(dir, "dirty.docx"))];
    const r = await cli(["report-check", "dirty.docx", "forms.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("三届三次人代会工作费");
    expect(r.stdout).toMatch(/项目3!E\d+/);
    expect(r.stdout).toContain("「该项目全年预算41.61万元，实际支出38.7万元，执行率100%。」");
    expect(r.stdout).toContain("执行率应为 98.67%");
    expect(r.stdout).toMatch(/发现不一致 3 处/);
    expect([sha256(forms()), sha256(path.join(dir, "dirty.docx"))]).toEqual(before);
  });
  it("JSON rows, English messages", async () => {
    const r = await cli(["report-check", "dirty.docx", dir, "--format", "json", "--lang", "en"], dir);
    const rows = JSON.parse(r.stdout) as ReportCheckRow[];
    expect(rows.map((x) => x.code).sort()).toEqual([
      "report-amount-mismatch",
      "report-prose-rate",
      "report-prose-rate",
    ]);
    const amount = rows.find((x) => x.code === "report-amount-mismatch")!;
    expect(amount).toMatchObject({ paragraph: 3, severity: "error" });
    expect(amount.message).toMatch(/spending .* “38\.7万元”; the form holds “41\.61万元”/);
  });
  it("a clean report and seed 001's published report: exit 0, nothing found", async () => {
    for (const report of ["clean.docx", "seed001.txt"]) {
      const r = await cli(["report-check", report, "forms.xlsx"], dir);
      expect(r.stdout).toMatch(/发现不一致 0 处/);
      expect(r.code).toBe(0);
    }
  });
  it("bad input: one Chinese line, exit 2, no stack trace", async () => {
    for (const argv of [
      ["report-check", "old.doc", "forms.xlsx"],
      ["report-check", "missing.docx", "forms.xlsx"],
      ["report-check", "forms.xlsx", "forms.xlsx"],
      ["report-check", "dirty.docx"],
      ["report-check", "dirty.docx", "forms.xlsx", "-o", "x.xlsx"],
    ]) {
      const r = await cli(argv, dir);
      expect(r.code).toBe(2);
      expect(r.stderr + r.stdout).not.toMatch(STACK_LINE);
      expect(r.stderr.trim().split("\n")[0]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("Word text", () => {
  it("joins the runs of a paragraph, keeps tabs and breaks, decodes entities", () => {
    const xml =
      '<w:body><w:p><w:pPr/><w:r><w:t>实际支出</w:t></w:r><w:r><w:t xml:space="preserve">38.7 万元</w:t></w:r></w:p>' +
      "<w:p><w:r><w:t>A&amp;B</w:t><w:tab/><w:t>&#x4E00;</w:t><w:br/><w:t>&lt;</w:t></w:r></w:p><w:p/></w:body>";
    expect(paragraphsOfXml(xml)).toEqual(["实际支出38.7 万元", "A&B\t一\n<", ""]);
  });
});
