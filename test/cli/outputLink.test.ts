/**
 * `-o` names the one file a command creates. A symbolic link there — dangling or not — would
 * send the write elsewhere (a dangling link to ~/.bashrc creates that file): refused, exit 2,
 * nothing written anywhere.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli, STACK_LINE } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-link-"));
const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "jx-link-target-"));

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("表1").getCell("A1").value = "2023年度项目支出绩效自评表";
  await wb.xlsx.writeFile(path.join(dir, "in.xlsx"));
});

test.each([
  ["calc", ["calc", "in.xlsx"]],
  ["freeze", ["freeze", "in.xlsx"]],
  ["template", ["template", "project"]],
])("%s -o <dangling symlink> is refused and creates nothing at the link's target", async (verb, argv) => {
  const target = path.join(elsewhere, `${verb}-target.xlsx`);
  const link = `${verb}-dangling.xlsx`;
  fs.symlinkSync(target, path.join(dir, link));
  const r = await cli([...argv, "-o", link], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("输出路径是一个符号链接");
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(fs.existsSync(target)).toBe(false);
  expect(fs.lstatSync(path.join(dir, link)).isSymbolicLink()).toBe(true);
});

test("a symlink to an existing file is refused too, and that file keeps its bytes", async () => {
  const target = path.join(elsewhere, "existing.xlsx");
  fs.writeFileSync(target, "keep me");
  fs.symlinkSync(target, path.join(dir, "to-existing.xlsx"));
  const r = await cli(["calc", "in.xlsx", "-o", "to-existing.xlsx"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("输出路径是一个符号链接");
  expect(fs.readFileSync(target, "utf8")).toBe("keep me");
});

test("a plain new path is written as before", async () => {
  const r = await cli(["calc", "in.xlsx", "-o", "plain.xlsx"], dir);
  expect(r.code).toBe(0);
  expect(fs.lstatSync(path.join(dir, "plain.xlsx")).isFile()).toBe(true);
});
