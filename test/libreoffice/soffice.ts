/**
 * LibreOffice headless as a real second spreadsheet: recalculate an .xlsx and hand back the
 * recalculated file. A private profile whose registrymodifications.xcu sets OOXMLRecalcMode = 0
 * ("always recalculate on load"), so cached values come from LibreOffice, not from the file.
 * It also names a last-run version above any real one: LibreOffice runs its VCL graphics render
 * self-test (~100 drawings, 4–5 s of CPU, a third of a small conversion) at every start of a profile
 * whose ooSetupLastVersion is older than itself, and it never records the version when headless.
 * One soffice at a time (callers run sequentially; the first start is slow).
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.9</value></prop></item>
</oor:items>
`;

export function sofficeAvailable(): boolean {
  return ["/usr/bin/soffice", "/usr/local/bin/soffice"].some((p) => fs.existsSync(p)) || !!process.env.SOFFICE;
}

let profile: string | undefined;

/**
 * This test file's own profile, made once: two soffice runs on one profile at the same time (jest's
 * two workers, or engineers sharing a machine) would hand the second conversion to the first
 * process and return before its file exists. A fresh profile with these settings starts in ~1 s.
 */
export function profileDir(): string {
  if (profile) return profile;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "jx-lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"));
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), XCU);
  return profile;
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
  const bin = process.env.SOFFICE ?? "soffice";
  const args = [
    `-env:UserInstallation=file://${profileDir()}`,
    "--headless",
    "--norestore",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    outDir,
    ...inputs,
  ];
  const outs = inputs.map((input) => path.join(outDir, path.basename(input).replace(/\.[^.]+$/, ".xlsx")));
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: timeoutMs }, (err, _stdout, stderr) => {
      if (err || !outs.every((out) => fs.existsSync(out)))
        reject(new Error(`soffice failed: ${err?.message ?? ""} ${stderr}`));
      else resolve(outs);
    });
  });
}

/**
 * `soffice --convert-to <to>` of one file into `outDir` with a fresh default profile of its own
 * (no recalculation on load: the converted file keeps the values it was saved with), removed
 * afterwards. Returns the converted file's path.
 */
export function convertWithSoffice(input: string, to: string, outDir: string): string {
  return convertAllWithSoffice([input], to, outDir)[0];
}

/** convertWithSoffice for several files in one soffice start (each start costs seconds). */
export function convertAllWithSoffice(inputs: string[], to: string, outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "jx-convert-lo-"));
  try {
    execFileSync(
      process.env.SOFFICE ?? "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        outDir,
        ...inputs,
      ],
      { timeout: 240_000, stdio: "ignore" },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return inputs.map((input) => path.join(outDir, path.basename(input).replace(/\.[^.]+$/, `.${to.split(":")[0]}`)));
}
