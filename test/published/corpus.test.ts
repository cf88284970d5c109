/**
 * The published-forms corpus (README.md here): every real form units published, opened as a user's
 * .xlsx through the exceljs adapter and the `checkSheet` operation (what `ziping check` and the pane
 * run), with the workbook's own rule set (the default: nobody chose one).
 *
 * Per form: every listed slip gets an error or a warning on its row; no clean row gets an error;
 * and the findings (code, cell, severity) match the form's snapshot in findings/<id>.txt, so any
 * change in what the checker says about a real form is seen in review. A form without a snapshot
 * gets one written (commit it); `UPDATE_CORPUS=1 npx jest test/published` (or jest -u) rewrites them.
 */
import * as fs from "fs";
import * as path from "path";
import { ExcelJsPort } from "../../src/host/exceljs";
import { RULE_SET_SETTING } from "../../src/host/settings";
import { getRuleSet, type Finding } from "../../src/engine";
import { checkSheet } from "../../src/ops";

interface IndexEntry {
  file: string;
  province: string;
  kind: "project" | "department";
  slips: { row: number; what: string }[];
  cleanRows: number[];
}

const HERE = __dirname;
const SNAPSHOTS = path.join(HERE, "findings");
const INDEX = path.join(HERE, "index.json");
const index: IndexEntry[] = fs.existsSync(INDEX) ? (JSON.parse(fs.readFileSync(INDEX, "utf8")) as IndexEntry[]) : [];

function updating(): boolean {
  if (process.env.UPDATE_CORPUS === "1") return true;
  // jest -u: the snapshot state says so (not a public API; the env variable is the documented way).
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: string } | undefined;
  return state?._updateSnapshot === "all";
}

async function findingsOf(file: string): Promise<Finding[]> {
  const port = await ExcelJsPort.fromFile(path.join(HERE, file), { readOnly: true });
  const ruleSet = getRuleSet(await port.getSetting(RULE_SET_SETTING));
  const out: Finding[] = [];
  for (const sheet of await port.listSheets()) out.push(...(await checkSheet(port, sheet, ruleSet)).findings);
  return out;
}

/** One line per finding: what a reviewer reads in a diff. */
function snapshotText(findings: Finding[]): string {
  return findings.map((f) => `${f.severity.padEnd(7)} ${(f.cell ?? "-").padEnd(6)} ${f.code}`).join("\n") + "\n";
}

function describeRow(findings: Finding[], row: number): string {
  const here = findings.filter((f) => f.row === row);
  return here.length ? here.map((f) => `${f.severity} ${f.code} ${f.cell}`).join("; ") : "nothing";
}

test("index.json lists exactly the forms in src/ (run npx tsx test/published/build.ts after editing one)", () => {
  const srcDir = path.join(HERE, "src");
  const sources = fs.existsSync(srcDir)
    ? fs
        .readdirSync(srcDir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => f.replace(/\.json$/, ".xlsx"))
        .sort()
    : [];
  expect(index.map((e) => e.file).sort()).toEqual(sources);
  for (const e of index) expect(fs.existsSync(path.join(HERE, e.file))).toBe(true);
});

const forms = index.map((e) => [e.file, e] as const);

// jest refuses an empty table: with no form yet, the index test above is all there is.
(forms.length ? describe.each(forms) : describe.skip.each([["(none)", index[0]] as const]))("%s", (file, entry) => {
  let findings: Finding[] = [];
  beforeAll(async () => {
    findings = await findingsOf(file);
  });

  test("every listed slip gets an error or a warning on its row", () => {
    const missed = entry.slips.filter(
      (s) => !findings.some((f) => f.row === s.row && (f.severity === "error" || f.severity === "warning")),
    );
    expect(missed.map((s) => `row ${s.row} (${s.what}): ${describeRow(findings, s.row)}`)).toEqual([]);
  });

  test("no clean row gets an error", () => {
    const false_ = findings.filter((f) => f.severity === "error" && f.row !== null && entry.cleanRows.includes(f.row));
    expect(false_.map((f) => `row ${f.row}: ${f.code} ${f.cell} ${JSON.stringify(f.data)}`)).toEqual([]);
  });

  test("findings match the snapshot", () => {
    const text = snapshotText(findings);
    const snap = path.join(SNAPSHOTS, file.replace(/\.xlsx$/, ".txt"));
    if (!fs.existsSync(snap) || updating()) {
      fs.mkdirSync(SNAPSHOTS, { recursive: true });
      fs.writeFileSync(snap, text);
    }
    expect(text).toBe(fs.readFileSync(snap, "utf8"));
  });
});
