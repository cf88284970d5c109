/**
 * Before LibreOffice is asked: an .xls whose compound-file directory does not hold together, or
 * holds no workbook stream, is damaged (or not a workbook) — LibreOffice would "convert" it through
 * its text import into a sheet of noise, reported as a workbook without a form. A sound one goes
 * on to LibreOffice (here: none installed, so it gets the install message).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { randomBytes } from "crypto";
import { compoundEntryNames, CFB_MAGIC } from "../../src/host/exceljs/compoundFile";
import { convertLegacy, LEGACY_MESSAGES, TempFolder } from "../../src/cli/legacy";
import { soundXls } from "../fixtures/soundXls";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-legacy-sniff-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function reasons(files: Record<string, Buffer>): Promise<Record<string, string>> {
  const paths = Object.entries(files).map(([name, data]) => {
    fs.writeFileSync(path.join(dir, name), data);
    return path.join(dir, name);
  });
  const temp = await TempFolder.create();
  const results = await convertLegacy(paths, temp, null);
  await temp.remove();
  return Object.fromEntries(
    paths.map((p) => {
      const r = results.get(p)!;
      return [path.basename(p), r.ok ? "converted" : r.message];
    }),
  );
}

test("the directory of a real .xls lists its workbook stream; a truncated one does not hold together", () => {
  const sound = soundXls();
  expect(compoundEntryNames(sound)).toEqual(expect.arrayContaining(["Root Entry", "Workbook"]));
  expect(compoundEntryNames(sound.subarray(0, sound.length / 2))).toBeNull();
  expect(compoundEntryNames(Buffer.from(CFB_MAGIC))).toBeNull();
});

test("garbage behind a compound-file header, a cut-off .xls and an .xls without a workbook are damaged; a sound one goes on", async () => {
  const sound = soundXls();
  const noWorkbook = Buffer.from(sound);
  const at = noWorkbook.indexOf(Buffer.from("Workbook", "utf16le"));
  noWorkbook.write("WordDocu", at, "utf16le"); // a compound file of something else
  const r = await reasons({
    "伪造.xls": Buffer.concat([Buffer.from(CFB_MAGIC), randomBytes(8000)]),
    "全零.xls": Buffer.concat([Buffer.from(CFB_MAGIC), Buffer.alloc(4096)]),
    "截断.xls": sound.subarray(0, Math.floor(sound.length / 2)),
    "不是工作簿.xls": noWorkbook,
    "正常.xls": sound,
    "金山.et": noWorkbook, // WPS may name its streams its own way: only the directory must hold
  });
  for (const name of ["伪造.xls", "全零.xls", "截断.xls", "不是工作簿.xls"])
    expect(r[name]).toBe(LEGACY_MESSAGES.damaged);
  expect(LEGACY_MESSAGES.damaged).toContain("已损坏");
  expect(r["正常.xls"]).toBe(LEGACY_MESSAGES.noSoffice);
  expect(r["金山.et"]).toBe(LEGACY_MESSAGES.noSoffice);
});
