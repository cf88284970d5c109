/**
 * A corpus workbook saved by LibreOffice as .xls (Excel 97) and converted back to .xlsx, the way a
 * unit's old file reaches us: what LibreOffice changes on the way (number formats, empty cells,
 * merges) must not change the findings.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExcelJsPort } from "../../../src/host/exceljs";
import { convertAll } from "../../libreoffice/soffice";
import { check, compare, keyOf, type Difference, type Form } from "./run";

const CORPUS = path.join(__dirname, "..");

export async function xlsRoundTrip(forms: Form[]): Promise<Difference[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-metamorphic-xls-"));
  try {
    const xls = await convertAll(
      forms.map((f) => path.join(CORPUS, `${f.id}.xlsx`)),
      "xls:MS Excel 97",
      dir,
    );
    const back = path.join(dir, "back");
    fs.mkdirSync(back);
    const xlsx = await convertAll(xls, "xlsx:Calc MS Excel 2007 XML", back);
    const out: Difference[] = [];
    for (const [i, form] of forms.entries()) {
      const port = await ExcelJsPort.fromFile(xlsx[i], { readOnly: true });
      const snapshot = await port.readSheet(form.snapshot.name);
      const d = compare(
        form.id,
        "saved as .xls by LibreOffice",
        form.findings.map((f) => keyOf(f)),
        check(snapshot).map((f) => keyOf(f)),
      );
      if (d) out.push(d);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
