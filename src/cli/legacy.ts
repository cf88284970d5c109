/**
 * .xls and WPS .et workbooks, read through LibreOffice: exceljs reads only .xlsx, and units and
 * budget platforms still exchange .xls (the platform exports with HSSF) and WPS saves .et.
 * Files are copied under neutral names into a private temp folder (two inputs called 自评表.xls
 * in different folders must not collide), converted in batches by one `soffice --headless`
 * per batch with a private profile, and the folder is removed afterwards — also on Ctrl-C.
 */
import { spawn } from "child_process";
import * as fsSync from "fs";
import * as fs from "fs/promises";
import * as os from "os";
import * as path from "path";
import { compoundFileKind, isCompoundFile } from "../host/exceljs/compoundFile";

export const LEGACY_EXTENSIONS = /\.(xls|et)$/i;

export type LegacyResult = { ok: true; xlsx: string } | { ok: false; message: string };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const BATCH = 40;
const BATCH_TIMEOUT_MS = 10 * 60 * 1000;

export const LEGACY_MESSAGES = {
  noSoffice:
    "读取 .xls / .et 文件需要 LibreOffice，本机未安装；请安装后重试（Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui；Windows/macOS：从 libreoffice.org 安装）",
  encrypted: "文件已加密（设置了打开密码）；请在 Excel 或 WPS 中取消密码后再试",
  failed: "LibreOffice 无法转换此文件：文件可能已加密或已损坏",
  notWorkbook: "不是 Excel / WPS 工作簿文件",
  damaged: "文件已损坏，或不是 Excel / WPS 工作簿：其中找不到工作簿数据，无法读取",
} as const;

/** soffice on PATH (or $SOFFICE), or undefined. */
export function findSoffice(): string | undefined {
  if (process.env.SOFFICE && fsSync.existsSync(process.env.SOFFICE)) return process.env.SOFFICE;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const p = path.join(dir, name);
      if (dir && fsSync.existsSync(p)) return p;
    }
  }
  return undefined;
}

type Sniffed = "xlsx" | "encrypted" | "legacy" | "damaged" | "other";

async function sniff(file: string): Promise<Sniffed> {
  const data = await fs.readFile(file);
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) return "xlsx"; // an .xlsx saved under an old name
  if (!isCompoundFile(data)) return "other";
  // Told apart before LibreOffice is asked: it cannot open an encrypted file without the password,
  // and it turns a damaged one into a sheet of noise.
  return compoundFileKind(data, /\.et$/i.test(file));
}

/** A temp folder that disappears with the process, however it ends. */
export class TempFolder {
  private constructor(readonly dir: string) {}
  private static readonly live = new Set<string>();
  private static hooked = false;

  static async create(): Promise<TempFolder> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-"));
    TempFolder.live.add(dir);
    TempFolder.hook();
    return new TempFolder(dir);
  }

  async remove(): Promise<void> {
    TempFolder.live.delete(this.dir);
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  /**
   * On exit and on Ctrl-C / SIGTERM: stop LibreOffice first (it writes its profile and outputs
   * into the folder until it is gone), then remove the folders.
   */
  private static hook(): void {
    if (TempFolder.hooked) return;
    TempFolder.hooked = true;
    const sweep = () => {
      stopConverters();
      TempFolder.live.forEach((d) => fsSync.rmSync(d, { recursive: true, force: true }));
    };
    process.once("exit", sweep);
    for (const sig of ["SIGINT", "SIGTERM"] as const) {
      process.once(sig, () => {
        sweep();
        process.exit(sig === "SIGINT" ? 130 : 143);
      });
    }
  }
}

/** Process groups of the soffice runs under way (soffice is a script that starts soffice.bin). */
const converters = new Set<number>();

/**
 * Whether a process still runs: a killed child stays a zombie until we reap it, which we cannot
 * while the signal handler holds the thread, so its state is read from /proc (Linux). Elsewhere
 * the caller's short wait is all there is.
 */
function isRunning(pid: number): boolean {
  try {
    const stat = fsSync.readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(")") + 2));
  } catch {
    return false;
  }
}

/** Kill every soffice run with all its children and wait (≤ 3 s) until they stop writing. */
function stopConverters(): void {
  if (converters.size === 0) return;
  converters.forEach(killGroup);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 3000 && [...converters].some(isRunning); waited += 20) Atomics.wait(pause, 0, 0, 20);
  // soffice.bin, a child of the killed script, gets its SIGKILL at the same moment.
  Atomics.wait(pause, 0, 0, 100);
  converters.clear();
}

/**
 * A fresh profile that says it last ran a version above any real one: otherwise LibreOffice takes
 * every start for its first after an upgrade and runs its graphics render self-test (4–5 s of CPU,
 * more than converting a small workbook), and headless it never records the version.
 */
function prepareProfile(profile: string): void {
  const user = path.join(profile, "user");
  fsSync.mkdirSync(user, { recursive: true });
  const item =
    '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.9</value></prop></item>';
  const xcu = `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry">${item}</oor:items>\n`;
  const file = path.join(user, "registrymodifications.xcu");
  if (!fsSync.existsSync(file)) fsSync.writeFileSync(file, xcu);
}

function runSoffice(soffice: string, temp: string, inputs: string[]): Promise<void> {
  prepareProfile(path.join(temp, "profile"));
  const args = [
    "--headless",
    "--norestore",
    "--nolockcheck",
    `-env:UserInstallation=file://${path.join(temp, "profile")}`,
    "--convert-to",
    "xlsx",
    "--outdir",
    path.join(temp, "out"),
    ...inputs,
  ];
  return new Promise((resolve) => {
    // Its own process group, so that soffice.bin (a child of the soffice script) is stopped with
    // it: on Ctrl-C and at the batch's time limit. A failed batch is not an error here: each file
    // is judged by whether its output exists.
    const child = spawn(soffice, args, { detached: true, stdio: "ignore" });
    const group = child.pid;
    if (group !== undefined) converters.add(group);
    const timer = setTimeout(() => group !== undefined && killGroup(group), BATCH_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      if (group !== undefined) converters.delete(group);
      resolve();
    };
    child.once("error", done);
    child.once("exit", done);
  });
}

function killGroup(group: number): void {
  try {
    process.kill(-group, "SIGKILL");
  } catch {
    /* already gone */
  }
}

async function convertBatches(soffice: string, temp: TempFolder, files: string[], into: Map<string, LegacyResult>) {
  await fs.mkdir(path.join(temp.dir, "in"), { recursive: true });
  const staged = await Promise.all(
    files.map(async (file, i) => {
      const name = path.join(temp.dir, "in", `${String(i).padStart(6, "0")}.xls`);
      await fs.copyFile(file, name);
      return name;
    }),
  );
  for (let i = 0; i < staged.length; i += BATCH) await runSoffice(soffice, temp.dir, staged.slice(i, i + BATCH));
  staged.forEach((name, i) => {
    const out = path.join(temp.dir, "out", path.basename(name).replace(/\.xls$/, ".xlsx"));
    into.set(
      files[i],
      fsSync.existsSync(out) ? { ok: true, xlsx: out } : { ok: false, message: LEGACY_MESSAGES.failed },
    );
  });
}

/**
 * Convert .xls / .et files to .xlsx inside `temp`. Every input gets a result: the converted file,
 * or why it cannot be read (encrypted, not a workbook, LibreOffice missing or failing).
 */
/** `soffice`: the LibreOffice binary, or null when there is none. */
export async function convertLegacy(files: string[], temp: TempFolder, soffice: string | null = findSoffice() ?? null) {
  const results = new Map<string, LegacyResult>();
  const toConvert: string[] = [];
  for (const file of files) {
    const kind = await sniff(file).catch(() => "other" as const);
    if (kind === "xlsx") results.set(file, { ok: true, xlsx: file });
    else if (kind === "encrypted") results.set(file, { ok: false, message: LEGACY_MESSAGES.encrypted });
    else if (kind === "other") results.set(file, { ok: false, message: LEGACY_MESSAGES.notWorkbook });
    else if (kind === "damaged") results.set(file, { ok: false, message: LEGACY_MESSAGES.damaged });
    else if (!soffice) results.set(file, { ok: false, message: LEGACY_MESSAGES.noSoffice });
    else toConvert.push(file);
  }
  if (soffice && toConvert.length > 0) await convertBatches(soffice, temp, toConvert, results);
  return results;
}
