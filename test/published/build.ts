/**
 * Builds the published-forms corpus: each src/<id>.json → <id>.xlsx (through exceljs, as a user's
 * file would be) and index.json (the list the tests read). Run: npx tsx test/published/build.ts
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { differenceFromSource, loadCorpusForm, type CorpusForm } from "./corpus";

const HERE = __dirname;

async function writeForm(form: CorpusForm): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(form.sheet);
  form.rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (cell === null || cell === undefined) return;
      const c = ws.getCell(i + 1, j + 1);
      if (typeof cell === "object") {
        c.value = cell.v;
        c.numFmt = cell.fmt;
      } else c.value = cell;
    }),
  );
  for (const m of form.merges ?? []) ws.mergeCells(m);
  await wb.xlsx.writeFile(path.join(HERE, `${form.id}.xlsx`));
}

async function main(): Promise<void> {
  const files = fs
    .readdirSync(path.join(HERE, "src"))
    .filter((f) => f.endsWith(".json"))
    .sort();
  const forms = files.map((f) => loadCorpusForm(path.join(HERE, "src", f)));
  // exceljs stamps every zip entry with the time of writing: rebuild only what changed, so an
  // unchanged form keeps its bytes in git.
  for (const form of forms) {
    if ((await differenceFromSource(form, path.join(HERE, `${form.id}.xlsx`))) !== null) await writeForm(form);
  }
  const index = forms.map((f) => ({
    file: `${f.id}.xlsx`,
    province: f.province,
    year: f.year,
    kind: f.kind,
    source: f.source,
    truncated: f.truncated,
    slips: f.slips,
    cleanRows: f.cleanRows,
    notes: f.notes,
  }));
  fs.writeFileSync(path.join(HERE, "index.json"), JSON.stringify(index, null, 2) + "\n");
  console.log(`published corpus: ${forms.length} forms`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
