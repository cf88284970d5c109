/**
 * File-system failures are said in the user's words: a file where the output's folder should be is
 * not "the output path is taken", and Node's English errno text never reaches a zh-CN user alone.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeError } from "../../src/cli/open";
import * as H from "../hostile/hostileFiles";
import { cli, STACK_LINE } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-fserr-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("-o under a path whose folder is a file: exit 2, that is what the message says, the file untouched", async () => {
  fs.writeFileSync(path.join(dir, "单位"), "a file, not a folder");
  const form = path.join(dir, "空白.xlsx");
  expect((await cli(["template", "project", "-o", form], dir)).code).toBe(0);
  for (const argv of [
    ["template", "project", "-o", "单位/模板.xlsx"],
    ["review", form, "-o", "单位/汇总.xlsx"],
  ]) {
    const r = await cli(argv, dir);
    expect([argv[0], r.code]).toEqual([argv[0], 2]);
    expect(r.stderr).toContain("路径中的这一段是文件，不是文件夹");
    expect(r.stderr).toContain(path.join(dir, "单位"));
    expect(r.stderr).not.toMatch(/已被占用|审核期间被创建|EEXIST: /);
    expect(r.stderr).not.toMatch(STACK_LINE);
  }
  expect(fs.readFileSync(path.join(dir, "单位"), "utf8")).toBe("a file, not a folder");
});

test("errno failures in zh-CN (or English), with the path and the code for whoever reports them", () => {
  const err = (code: string, syscall: string, p: string) =>
    Object.assign(new Error(`${code}: x`), { code, syscall, path: p });
  expect(describeError(err("EACCES", "open", "/srv/表.xlsx"))).toBe("没有访问权限：/srv/表.xlsx（EACCES）");
  expect(describeError(err("ENOSPC", "write", "/srv/表.xlsx"), "en")).toBe(
    "no space left on the disk: /srv/表.xlsx (ENOSPC)",
  );
  // Not a file-system failure we can name: still one line, wrapped.
  expect(describeError(new Error("boom\n    at x (y.js:1:2)"))).toBe("处理失败：boom");
});

test("--lang en: a file past a read limit is refused in English only, the limit's numbers kept", async () => {
  fs.writeFileSync(path.join(dir, "bomb.xlsx"), H.zipBomb());
  fs.writeFileSync(path.join(dir, "lying.xlsx"), H.lyingZipBomb());
  const r = await cli(["check", "bomb.xlsx", "lying.xlsx", "--lang", "en"], dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toMatch(/about 1200 MB once inflated, past the limit of 128 MB/);
  expect(r.stdout).toMatch(/inflates past its stated size of/);
  expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  const zh = await cli(["check", "bomb.xlsx"], dir);
  expect(zh.stdout).toMatch(/解压后约 1200 MB，超过上限 128 MB/);
});

test("report --lang en: its own lines in English (drafted, no form on the sheet)", async () => {
  const form = "report-en.xlsx";
  expect((await cli(["template", "project", "-o", form], dir)).code).toBe(0);
  const r = await cli(["report", form, "-o", "report-en.docx", "--lang", "en"], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(
    /^Report drafted \(1 form\(s\), \d+ 【请填写】 place\(s\) left to fill in\) → report-en\.docx/,
  );
  const none = await cli(["report", "bomb.xlsx", "-o", "none.docx", "--lang", "en"], dir);
  expect(none.code).toBe(2);
  expect(none.stderr).not.toMatch(/[\u4e00-\u9fff]/);
});
