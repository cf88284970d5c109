/**
 * The fake is only worth something if it fails where Excel fails. Each case below is a
 * deliberately wrong snippet that office-addin-mock would let pass.
 *
 * The office-addins lint rules flag these snippets too (that is the point of them), so they are
 * off for this file only.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";

let fake: InstalledFake;
beforeEach(() => {
  fake = installFakeOffice(
    globalThis,
    new FakeWorkbook({
      sheets: {
        S: [
          [1, 2],
          [3, 4],
        ],
      },
    }),
  );
});
afterEach(() => fake.uninstall());

const wrongSnippets: [string, (ctx: Excel.RequestContext) => Promise<unknown>, RegExp][] = [
  [
    "reading values without load",
    async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
      await ctx.sync();
      return r.values;
    },
    /values' is not available/,
  ],
  [
    "reading a loaded property before sync",
    async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
      r.load("values");
      return r.values;
    },
    /values' is not available/,
  ],
  [
    "reading without awaiting sync",
    async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      r.load("values");
      void ctx.sync();
      return r.values;
    },
    /values' is not available/,
  ],
  [
    "reading a property other than the loaded one",
    async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
      r.load("values");
      await ctx.sync();
      return r.formulas;
    },
    /formulas' is not available/,
  ],
  [
    "collection items without load",
    async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      await ctx.sync();
      return sheets.items.length;
    },
    /items' is not available/,
  ],
  [
    "isNullObject before sync",
    async (ctx) => ctx.workbook.worksheets.getItemOrNullObject("nope").isNullObject,
    /isNullObject' is not available/,
  ],
  [
    "a values array that does not match the range",
    async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:B2").values = [[1, 2]];
      await ctx.sync();
    },
    /doesn't match the size/,
  ],
  [
    "a sheet that does not exist (getItem fails at sync)",
    async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("nope");
      ws.load("name");
      await ctx.sync();
    },
    /doesn't exist/,
  ],
  [
    "reading a whole sheet's values (more than 5,000,000 cells)",
    async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange();
      r.load("values");
      await ctx.sync();
    },
    /at most 5000000 can be read/,
  ],
];

test.each(wrongSnippets)("throws on %s", async (_label, snippet, message) => {
  await expect(Excel.run(snippet)).rejects.toThrow(message);
});

test("the right way reads values and counts one sync", async () => {
  const before = fake.workbook.syncCount;
  const values = await Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
    r.load("values");
    await ctx.sync();
    return r.values;
  });
  expect(values).toEqual([
    [1, 2],
    [3, 4],
  ]);
  expect(fake.workbook.syncCount - before).toBe(1);
});

test("writes are queued: nothing changes before sync; Excel.run sends what is left", async () => {
  const wb = fake.workbook;
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[9]];
    expect(wb.value("S", "A1")).toBe(1);
  });
  expect(wb.value("S", "A1")).toBe(9);
  expect(wb.syncCount).toBe(1);
});

test("a failing command stops the batch: earlier commands stay applied, later ones do not", async () => {
  const wb = fake.workbook;
  await expect(
    Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [["before"]];
      ws.getRange("not an address").values = [["x"]];
      ws.getRange("B1").values = [["after"]];
      await ctx.sync();
    }),
  ).rejects.toThrow(/invalid/i);
  expect(wb.value("S", "A1")).toBe("before");
  expect(wb.value("S", "B1")).toBe(2);
});

test("request payload limit: an oversized batch is refused and writes nothing", async () => {
  const wb = fake.workbook;
  wb.limits.requestPayloadBytes = 100;
  await expect(
    Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["很长的文字".repeat(20)]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(wb.value("S", "A1")).toBe(1);
});

test("an unimplemented API is loud, not undefined", async () => {
  await expect(
    Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S") as unknown as Record<string, unknown>;
      return ws.charts;
    }),
  ).rejects.toThrow(/not implemented/);
});
