/** calc over the exceljs port, recording every cell the write plans address. */
import { getRuleSet, parseRangeA1, a1 } from "../../src/engine";
import { ExcelJsPort } from "../../src/host/exceljs";
import type { WritePlan } from "../../src/host/port";
import { calculateSheet } from "../../src/ops";

const rules = getRuleSet("mof-2020");

function cellsOf(plan: WritePlan): string[] {
  const out: string[] = [];
  for (const op of plan.ops) {
    const ref = "range" in op ? op.range : "cell" in op ? op.cell : null;
    const r = ref ? parseRangeA1(ref) : null;
    if (!r) continue;
    for (let row = r.r1; row <= r.r2; row++)
      for (let col = r.c1; col <= r.c2; col++) out.push(`${plan.sheet}!${a1(row, col)}`);
  }
  return out;
}

/** Every sheet calculated as `ziping calc` does; the package it would write and the cells written. */
export async function calcRecorded(input: Uint8Array) {
  const port = await ExcelJsPort.fromBuffer(input);
  const written = new Set<string>();
  const apply = port.apply.bind(port);
  port.apply = async (plan: WritePlan) => {
    cellsOf(plan).forEach((c) => written.add(c));
    return apply(plan);
  };
  for (const sheet of await port.listSheets()) await calculateSheet(port, sheet, rules);
  return { ...(await port.toPackage()), written };
}
