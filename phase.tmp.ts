import * as fs from "fs";
import ExcelJS from "exceljs";
import { reviewTask } from "./src/cli/commands/review";
import { openForReading } from "./src/host/exceljs/light/port";
import { layoutReview } from "./src/cli/review/model";
import { buildReviewWorkbook } from "./src/cli/review/workbook";
import { workbookBytes } from "./src/cli/review/zipParts";
const cpu = (f: () => Promise<unknown>) => async () => { const c = process.cpuUsage(); await f(); const u = process.cpuUsage(c); return (u.user + u.system) / 1000; };
(async () => {
  const files = fs.readdirSync("/tmp/reader-prof/forms").map((f) => "/tmp/reader-prof/forms/" + f);
  for (const f of files.slice(0, 50)) { await reviewTask({ file: f, display: f, locale: "zh-CN" }); await new ExcelJS.Workbook().xlsx.readFile(f); }
  const outs: any[] = [];
  const load = await cpu(async () => { for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f); })();
  const open = await cpu(async () => { for (const f of files) await openForReading(f); })();
  const rev = await cpu(async () => { for (const f of files) outs.push(await reviewTask({ file: f, display: f, locale: "zh-CN" })); })();
  const reviewed = outs.map((o) => o.reviewed).filter(Boolean);
  let lay: any;
  const layout = await cpu(async () => { lay = layoutReview(reviewed, "zh-CN"); })();
  let wb: any;
  const build = await cpu(async () => { wb = buildReviewWorkbook(lay.summary, lay.details, [], "zh-CN"); })();
  const write = await cpu(async () => { await workbookBytes(wb); })();
  const wb2 = buildReviewWorkbook(lay.summary, lay.details, [], "zh-CN");
  const writeOld = await cpu(async () => { await wb2.xlsx.writeBuffer(); })();
  const n = files.length;
  console.log({ n, loadPerFile: load / n, openPerFile: open / n, reviewTaskPerFile: rev / n, layout, build, write, writeOld });
})();
