/**
 * LibreOffice headless as a real second spreadsheet, and as a converter, for tests. Every start
 * goes through a profile made here: LibreOffice runs its VCL graphics render self-test (~100
 * drawings, 4–5 s of CPU, a third of a small conversion) at every start of a profile whose
 * ooSetupLastVersion is older than itself, and it never records the version when headless; our
 * profiles name a last-run version above any real one.
 *  - profileDir(): also OOXMLRecalcMode = ODFRecalcMode = 0 ("always recalculate on load"), so
 *    cached values come from LibreOffice, not from the file (recalculate / recalculateAll).
 *  - plainProfileDir(): LibreOffice's own settings otherwise (never recalculate on load: a converted
 *    file keeps the values it was saved with), for plain conversions (convertWithSoffice / convertAll).
 * One soffice at a time (callers run sequentially; the first start of a profile is slower).
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SKIP_SELF_TEST =
  '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.9</value></prop></item>';
const RECALC_ON_LOAD = ["OOXMLRecalcMode", "ODFRecalcMode"].map(
  (name) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`,
);

const xcu = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${items.join("\n")}
</oor:items>
`;

export function sofficeAvailable(): boolean {
  return ["/usr/bin/soffice", "/usr/local/bin/soffice"].some((p) => fs.existsSync(p)) || !!process.env.SOFFICE;
}

/**
 * Profiles of this test file, each made once: two soffice runs on one profile at the same time
 * (jest's two workers, or engineers sharing a machine) would hand the second conversion to the
 * first process and return before its file exists. A fresh profile with these settings starts in ~1 s.
 */
const profiles = new Map<string, string>();
function profileWith(items: string[]): string {
  const key = items.join("");
  let dir = profiles.get(key);
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-lo-profile-"));
    fs.mkdirSync(path.join(dir, "user"));
    fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), xcu(items));
    profiles.set(key, dir);
  }
  return dir;
}

// The profiles go with the test file that made them (LibreOffice writes a few MB into each).
afterAll(() => {
  for (const dir of profiles.values()) fs.rmSync(dir, { recursive: true, force: true });
  profiles.clear();
});

/** The profile that recalculates every formula on load. */
export function profileDir(): string {
  return profileWith([...RECALC_ON_LOAD, SKIP_SELF_TEST]);
}

/** The profile with LibreOffice's own settings, only without the graphics self-test. */
export function plainProfileDir(): string {
  return profileWith([SKIP_SELF_TEST]);
}

function sofficeArgs(profile: string, to: string, outDir: string, inputs: string[]): string[] {
  return [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--convert-to",
    to,
    "--outdir",
    outDir,
    ...inputs,
  ];
}

/** Where `--convert-to <to>` writes `input` in `outDir`. */
function convertedPath(input: string, to: string, outDir: string): string {
  return path.join(outDir, path.basename(input).replace(/\.[^.]+$/, `.${to.split(":")[0]}`));
}

/** One soffice start converting every input in turn; the outputs' paths, or an error naming what failed. */
function convertIn(
  profile: string,
  inputs: string[],
  to: string,
  outDir: string,
  timeoutMs: number,
): Promise<string[]> {
  const outs = inputs.map((input) => convertedPath(input, to, outDir));
  return new Promise((resolve, reject) => {
    execFile(
      process.env.SOFFICE ?? "soffice",
      sofficeArgs(profile, to, outDir, inputs),
      { timeout: timeoutMs },
      (err, _o, stderr) => {
        if (err || !outs.every((out) => fs.existsSync(out)))
          reject(new Error(`soffice failed: ${err?.message ?? ""} ${stderr}`));
        else resolve(outs);
      },
    );
  });
}

/** Convert (and so recalculate) `input` to xlsx in a fresh folder; returns the output path. */
export async function recalculate(input: string, timeoutMs = 240_000): Promise<string> {
  return (await recalculateAll([input], timeoutMs))[0];
}

/**
 * Convert several workbooks in one soffice call (one start): each is loaded, recalculated, saved and
 * closed in turn, so memory peaks with the largest file, not with all of them (LibreOffice holds
 * ~7 MB a sheet of our templates). The inputs' file names must differ.
 */
export function recalculateAll(inputs: string[], timeoutMs = 240_000): Promise<string[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-lo-out-"));
  return convertIn(profileDir(), inputs, "xlsx:Calc MS Excel 2007 XML", outDir, timeoutMs);
}

/**
 * `soffice --convert-to <to>` of several files into `outDir` in one start, without recalculation on
 * load (each file keeps the values it was saved with). The inputs' file names must differ.
 */
export function convertAll(inputs: string[], to: string, outDir: string, timeoutMs = 240_000): Promise<string[]> {
  return convertIn(plainProfileDir(), inputs, to, outDir, timeoutMs);
}

/**
 * `soffice --convert-to <to>` of one file into `outDir`, synchronously, without recalculation on
 * load (the converted file keeps the values it was saved with). Returns the converted file's path.
 */
export function convertWithSoffice(input: string, to: string, outDir: string): string {
  execFileSync(process.env.SOFFICE ?? "soffice", sofficeArgs(plainProfileDir(), to, outDir, [input]), {
    timeout: 240_000,
    stdio: "ignore",
  });
  return convertedPath(input, to, outDir);
}
