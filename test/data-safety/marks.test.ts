/**
 * 清除标记 removes exactly our marks, in both adapters: a user's own conditional format that
 * mentions our tag, or uses our formula with a colour of its own, stays — also after save and
 * reopen, where only what the file holds identifies a mark.
 */
import ExcelJS from "exceljs";
import { ExcelJsPort, countMarks } from "../../src/host/exceljs";
import { createOfficePort, MARK_MARKER } from "../../src/host/office";
import { isMarkFill, isMarkFormula } from "../../src/host/markIdentity";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";

const TAG = MARK_MARKER;
/** Rules a user could have written: each mentions our tag or reuses our formula, none is ours. */
const USER_RULES: { ref: string; formula: string; argb: string }[] = [
  { ref: "A1:A4", formula: `AND(A1>0,ISTEXT("${TAG}"))`, argb: "FFFFC7CE" },
  { ref: "B1:B4", formula: `ISTEXT("${TAG}")`, argb: "FFFF0000" },
  { ref: "C1", formula: `"${TAG}"=C1`, argb: "FFFFEB9C" },
  { ref: "D1", formula: `ISTEXT("${TAG}")&""`, argb: "FFDDEBF7" },
];

function userFormat(r: (typeof USER_RULES)[number]) {
  return {
    ref: r.ref,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [r.formula],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: r.argb } } },
      },
    ],
  };
}

type Cf = { ref: string; rules: { formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] };
const formatsOf = (ws: ExcelJS.Worksheet) =>
  ((ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings ?? []).map((cf) => [
    cf.ref,
    cf.rules[0].formulae?.[0],
    cf.rules[0].style?.fill?.bgColor?.argb,
  ]);

async function reopen(port: ExcelJsPort): Promise<ExcelJsPort> {
  return ExcelJsPort.fromBuffer(await port.toBuffer());
}

test("exceljs: marks are added, survive save and reopen, and clearing removes only them", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  for (let r = 1; r <= 4; r++) ws.getRow(r).values = [r, r * 2, r * 3, r * 4];
  for (const r of USER_RULES) ws.addConditionalFormatting(userFormat(r) as never);
  const port = await ExcelJsPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  const userBefore = formatsOf(port.workbook.getWorksheet("S")!);
  expect(userBefore).toHaveLength(USER_RULES.length);
  await port.apply({
    sheet: "S",
    ops: [
      {
        kind: "addMarks",
        marks: [
          { cell: "A2", severity: "error" },
          { cell: "B3", severity: "warning" },
          { cell: "C4", severity: "info" },
        ],
      },
    ],
  });
  const again = await reopen(port);
  expect(countMarks(again.workbook.getWorksheet("S")!)).toBe(3);
  await again.apply({ sheet: "S", ops: [{ kind: "clearMarks" }] });
  const after = await reopen(again);
  const sheet = after.workbook.getWorksheet("S")!;
  expect(countMarks(sheet)).toBe(0);
  expect(formatsOf(sheet)).toEqual(userBefore);
});

test("identity: only the exact formula with one of our fills", () => {
  for (const f of [`ISTEXT("${TAG}")`, `=ISTEXT("${TAG}")`, ` =istext("${TAG}") `]) expect(isMarkFormula(f)).toBe(true);
  for (const r of USER_RULES.filter((u) => u.formula !== `ISTEXT("${TAG}")`))
    expect(isMarkFormula(r.formula)).toBe(false);
  expect(isMarkFormula(`ISTEXT("${TAG}x")`)).toBe(false);
  expect(isMarkFormula(null)).toBe(false);
  for (const c of ["#FFC7CE", "FFFFC7CE", "ffeb9c", "#DDEBF7"]) expect(isMarkFill(c)).toBe(true);
  for (const c of ["#FF0000", "FFC7C", "", null, "#FFC7CEFF"]) expect(isMarkFill(c)).toBe(false);
});

describe("Office adapter (strict fake)", () => {
  let fake: InstalledFake | undefined;
  afterEach(() => fake?.uninstall());

  test("clearing from a fresh session removes only our marks, never a user's rule that mentions the tag", async () => {
    const wb = new FakeWorkbook({
      sheets: {
        S: [
          [1, 2, 3, 4],
          [5, 6, 7, 8],
        ],
      },
    });
    const user = [
      { id: "u1", formula: `=AND(A1>0,ISTEXT("${TAG}"))`, fill: "#FFC7CE" },
      { id: "u2", formula: `=ISTEXT("${TAG}")`, fill: "#FF0000" },
      { id: "u3", formula: `="${TAG}"=C1`, fill: "#FFEB9C" },
    ];
    user.forEach((u, i) =>
      wb.mustSheet("S").conditionalFormats.push({ ...u, type: "Custom", range: { r1: 0, c1: i, r2: 1, c2: i } }),
    );
    fake = installFakeOffice(globalThis, wb);
    await createOfficePort().apply({
      sheet: "S",
      ops: [
        {
          kind: "addMarks",
          marks: [
            { cell: "A2", severity: "error" },
            { cell: "D1", severity: "info" },
          ],
        },
      ],
    });
    expect(wb.mustSheet("S").conditionalFormats).toHaveLength(5);
    fake.uninstall();
    fake = installFakeOffice(globalThis, wb); // reopen: only the workbook state survives
    await createOfficePort().apply({ sheet: "S", ops: [{ kind: "clearMarks" }] });
    expect(wb.mustSheet("S").conditionalFormats.map((cf) => [cf.id, cf.formula, cf.fill])).toEqual(
      user.map((u) => [u.id, u.formula, u.fill]),
    );
  });
});
