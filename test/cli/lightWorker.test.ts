/**
 * check and review start their pool workers from the light worker bundle (ziping-worker.js,
 * src/cli/lightWorker.ts): no exceljs in it, and a file the light reader leaves to exceljs is
 * handed to the full bundle's task — the findings are those of workers started from the full
 * bundle, file for file.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { LightReadPort } from "../../src/host/exceljs/light/port";
import { bundleCli } from "../fixtures/cliBundle";
import { generateProjectSheet } from "../fixtures/generate";
import { writeSnapshots } from "../ops/xlsx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-light-worker-"));
const forms = path.join(dir, "表");
let bin: string;

/** The same form with a DOCTYPE in its sheet: exceljs reads it, the light reader hands it over. */
async function withDoctype(from: string, to: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(from));
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  zip.file(part, xml.replace("?>", "?><!DOCTYPE worksheet>"));
  fs.writeFileSync(to, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

beforeAll(async () => {
  bin = bundleCli(dir);
  fs.mkdirSync(forms);
  for (let i = 0; i < 3; i++) await writeSnapshots(path.join(forms, `项目${i}.xlsx`), [generateProjectSheet(20 + i)]);
  // A 总分 one point off (a finding to report), then the same form with a DOCTYPE.
  const slipped = generateProjectSheet(24);
  const totalRow = slipped.values.findIndex((r) => r.some((v) => v === "总分"));
  const scoreCol = slipped.values[totalRow].reduce<number>((last, v, j) => (typeof v === "number" ? j : last), -1);
  (slipped.values[totalRow][scoreCol] as number) -= 1;
  await writeSnapshots(path.join(forms, "总分不符.xlsx"), [slipped]);
  await withDoctype(path.join(forms, "总分不符.xlsx"), path.join(forms, "交给exceljs.xlsx"));
  fs.writeFileSync(path.join(forms, "坏.xlsx"), "not a zip");
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function check(env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [bin, "check", "表", "--format", "json"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  expect(r.stderr).not.toContain("内部错误");
  return r.stdout;
}

test("the light worker bundle carries no exceljs and is a fraction of the CLI", () => {
  const worker = fs.readFileSync(path.join(dir, "ziping-worker.js"), "utf8");
  expect(worker.length).toBeLessThan(fs.statSync(path.join(dir, "ziping-full.js")).size / 3);
  expect(worker).not.toContain("node_modules/exceljs/lib/xlsx/xlsx.js");
  expect(worker).not.toContain("node_modules/jszip/");
});

test("the DOCTYPE form is one the light reader leaves to exceljs", () => {
  expect(LightReadPort.fromBuffer(fs.readFileSync(path.join(forms, "交给exceljs.xlsx")))).toBeNull();
  expect(LightReadPort.fromBuffer(fs.readFileSync(path.join(forms, "总分不符.xlsx")))).not.toBeNull();
});

test("check through light workers reports what workers of the full bundle report, exceljs files included", () => {
  const light = check();
  const findings = JSON.parse(light) as { file: string; code: string }[];
  const codes = (name: string) => findings.filter((f) => f.file.endsWith(name)).map((f) => f.code);
  expect(codes("交给exceljs.xlsx")).toContain("total-mismatch");
  expect(codes("交给exceljs.xlsx")).toEqual(codes("总分不符.xlsx"));
  expect(findings.some((f) => f.file.endsWith("坏.xlsx") && f.code === "unreadable")).toBe(true);
  expect(light).toBe(check({ ZIPING_WORKER_SCRIPT: bin }));
  // Every file through exceljs: each one is handed on, with the same findings.
  expect(check({ ZIPING_READER: "exceljs" })).toBe(check({ ZIPING_READER: "exceljs", ZIPING_WORKER_SCRIPT: bin }));
}, 120_000);

test("the pool does start check's workers from the light bundle", () => {
  const worker = path.join(dir, "ziping-worker.js");
  const kept = fs.readFileSync(worker);
  fs.writeFileSync(worker, 'throw new Error("light worker started");');
  try {
    const findings = JSON.parse(check()) as { code: string; message: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.code === "failed" && f.message.includes("light worker started"))).toBe(true);
  } finally {
    fs.writeFileSync(worker, kept);
  }
}, 120_000);

test("review's summary through light workers equals the full bundle's, part for part", async () => {
  const review = async (out: string, env: Record<string, string>) => {
    const r = spawnSync(process.execPath, [bin, "review", "表", "-o", out], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
    expect(r.stdout).toContain("建议退回 2"); // 总分不符 and its DOCTYPE copy
    expect(r.stdout).toContain("未能读取 1");
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, out)));
    const parts = Object.keys(zip.files).filter((n) => /worksheets|sharedStrings/.test(n));
    return Promise.all(parts.sort().map(async (n) => [n, await zip.file(n)!.async("string")]));
  };
  const light = await review("light.xlsx", {});
  expect(light.length).toBeGreaterThanOrEqual(4);
  expect(light).toEqual(await review("full.xlsx", { ZIPING_WORKER_SCRIPT: bin }));
}, 120_000);
