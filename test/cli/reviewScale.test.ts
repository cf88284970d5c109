/**
 * ziping review at a reviewer's scale: 10,000 small workbooks, 100 of them broken. It completes,
 * lists every broken one in 未能读取, gives every other one its row, and memory stays under 1 GB.
 * Run as a user runs it: the CLI bundled fresh (esbuild) and started as a process, its worker
 * pool on every core; the process's resident memory (workers are threads in it) is sampled.
 * The files are copies of a few generated forms (copying is cheap; what is measured is review).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { bundleCli } from "../fixtures/cliBundle";
import { generateProjectSheet } from "../fixtures/generate";
import { writeSnapshots } from "../ops/xlsx";

const FILES = 10_000;
const BROKEN = 100;
let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-review-scale-"));
  bundle = bundleCli(dir);
  const src = path.join(dir, "src");
  fs.mkdirSync(src);
  const variants = await Promise.all(
    [6, 9, 12].map(async (rows, i) => {
      const file = path.join(src, `v${i}.xlsx`);
      await writeSnapshots(file, [{ ...generateProjectSheet(rows), name: "自评表" }]);
      return file;
    }),
  );
  for (let i = 0; i < FILES; i++) {
    const folder = path.join(dir, "各单位", `第${Math.floor(i / 1000)}批`);
    if (i % 1000 === 0) fs.mkdirSync(folder, { recursive: true });
    const name = path.join(folder, `单位${i}.xlsx`);
    if (i % (FILES / BROKEN) === 7) fs.writeFileSync(name, `损坏的文件 ${i}`);
    else fs.copyFileSync(variants[i % variants.length], name);
  }
}, 600_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Resident memory of a process in bytes (Linux /proc), 0 once it is gone. */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return status ? Number(status[1]) * 1024 : 0;
}

function reviewProcess(): Promise<{ code: number | null; peak: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, "review", "各单位", "-o", "汇总.xlsx"], { cwd: dir });
    let peak = 0;
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    const timer = setInterval(() => {
      try {
        peak = Math.max(peak, rssOf(child.pid!));
      } catch {
        /* exited between two samples */
      }
    }, 100);
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({ code, peak, stdout });
    });
  });
}

test("10,000 files, 100 broken: every one reviewed or listed, memory under 1 GB", async () => {
  const r = await reviewProcess();
  expect(r.stdout).toContain(`共 ${FILES} 个文件`);
  expect(r.code).toBe(2); // some inputs could not be read
  const peak = r.peak;
  expect(peak).toBeLessThan(1024 ** 3);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "汇总.xlsx"));
  expect(wb.getWorksheet("汇总")!.actualRowCount - 1).toBe(FILES - BROKEN);
  const unread = wb.getWorksheet("未能读取")!;
  expect(unread.actualRowCount - 1).toBe(BROKEN);
  unread.eachRow((row, n) => {
    if (n > 1) expect(String(row.getCell(2).value)).toContain("不是 .xlsx 工作簿文件");
  });
}, 900_000);
