/**
 * End to end in a real browser: the production build of the add-in, served locally, loaded in
 * Debian Chromium (playwright-core) with the strict Excel fake answering for office.js. Clicks
 * 插入模板 → 校验 → 标记 → 计算 → 清除标记 and checks the fake workbook's cells after each step.
 * Screenshots of the pane at 320 and 400 px go to test-artifacts/; UPDATE_SCREENSHOTS=1 also refreshes
 * docs/images/taskpane.png.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../fixtures/chromium";
import { a1, type SheetSnapshot } from "../../src/engine/sheet/snapshot";
import { FUNCTION_IDS } from "../../src/functions/onDemand";
import { seedProjectFormsWithLayout, SEED001_PROJECTS } from "../fixtures/seed001";
import { fakeHostScript } from "./fakeHostScript";
import { serveFolder } from "./staticServer";

const root = path.resolve(__dirname, "..", "..");
const artifacts = path.join(root, "test-artifacts");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const MARK_MARKER = "绩效自评助手"; // the tag the adapter puts in its conditional formats

// The seed's first project form, as a unit half-filled it: two 得分 and the 总分/等级 left empty,
// and one 得分 typed one point too low (19 where the rules give 20).
const { sheet: seedSheet, layout } = seedProjectFormsWithLayout()[0];
const SHEET = seedSheet.name;
const scoreCol = layout.indicators.columns.score!;
const [row1, row2, row3] = layout.indicators.rows;
const CELL = {
  emptyScore1: a1(row1, scoreCol),
  emptyScore2: a1(row2, scoreCol),
  typedWrong: a1(row3, scoreCol),
  totalScore: a1(layout.total.row, layout.total.scoreCol),
  grade: a1(layout.total.row, layout.total.gradeCol),
};

function preparedSheet(): SheetSnapshot {
  const s: SheetSnapshot = JSON.parse(JSON.stringify(seedSheet));
  const set = (row: number, col: number, v: number | null) => {
    s.values[row - s.origin.row][col - s.origin.col] = v;
  };
  set(row1, scoreCol, null);
  set(row2, scoreCol, null);
  set(row3, scoreCol, 19);
  set(layout.total.row, layout.total.scoreCol, null);
  set(layout.total.row, layout.total.gradeCol, null);
  return s;
}

let browser: Browser | undefined;
let server: { url: string; close(): Promise<void> } | undefined;
let buildDir = "";
let fakeScript = "";

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-e2e-"));
  // The real production build, into a folder of its own (dist/ may be in use by a parallel build).
  await promisify(execFile)(
    path.join(root, "node_modules", ".bin", "webpack"),
    ["--mode", "production", "--output-path", buildDir],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  fakeScript = await fakeHostScript({ sheets: [preparedSheet()], displayLanguage: "zh-CN" });
  server = await serveFolder(buildDir);
  browser = await launchChromium();
  fs.mkdirSync(artifacts, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
});

/** Open the pane on a fresh fake workbook; office.js is answered by the fake, nothing else leaves the machine. */
async function openPane(
  width: number,
  language = "zh-CN",
  platform = "OfficeOnline",
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser!.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The pane's console stays quiet too: an error or warning there is a fault a clerk would not see.
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`console.${m.type()}: ${m.text()}`);
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) {
      const body = fakeScript.replace(
        '"displayLanguage":"zh-CN"',
        JSON.stringify({ displayLanguage: language, platform }).slice(1, -1),
      );
      return route.fulfill({ contentType: "application/javascript", body });
    }
    if (url.startsWith(server!.url)) return route.continue();
    return route.abort();
  });
  await page.goto(`${server!.url}taskpane.html`);
  const title = language.startsWith("zh") ? "绩效自评助手" : "Performance Self-Evaluation";
  await page.getByRole("heading", { name: title }).waitFor();
  return { page, errors };
}

/** Call a JX function the way Excel does: the function associated with its id, its result awaited. */
function callFunction(page: Page, id: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([name, a]) => {
      const fns = (window as unknown as { __customFunctions: Record<string, (...x: unknown[]) => unknown> })
        .__customFunctions;
      return Promise.resolve(fns[name](...a));
    },
    [id, args] as [string, unknown[]],
  );
}

/** Read the fake workbook inside the page. */
function wb<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([body, a]) => {
      const w = (window as unknown as { __fakeWorkbook: unknown }).__fakeWorkbook;
      return new Function("wb", "args", body)(w, a);
    },
    [fn, args] as [string, unknown[]],
  ) as Promise<T>;
}

const value = (page: Page, ref: string) => wb<unknown>(page, "return wb.value(args[0], args[1]);", SHEET, ref);
const allValues = (page: Page, sheet: string) =>
  wb<string>(
    page,
    "const s = wb.mustSheet(args[0]); return JSON.stringify([...s.cells].map(([k, c]) => [k, c.value]));",
    sheet,
  );
const allFormats = (page: Page, sheet: string) =>
  wb<string>(
    page,
    "const s = wb.mustSheet(args[0]); return JSON.stringify([...s.cells].map(([k, c]) => [k, c.format, c.numberFormat ?? null]));",
    sheet,
  );
const markCount = (page: Page) =>
  wb<number>(page, "return wb.conditionalFormatsWith(args[0], args[1]).length;", SHEET, MARK_MARKER);
/** The notes on the form's sheet, cell → text. */
const notesOf = (page: Page) =>
  wb<Record<string, string>>(
    page,
    "return Object.fromEntries(wb.mustSheet(args[0]).notes.map((n) => [n.cell, n.text]));",
    SHEET,
  );

async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(artifacts, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

test("插入模板 → 校验 → 标记 → 计算 → 清除标记 on the fake workbook", async () => {
  const { page, errors } = await openPane(400);
  try {
    // The custom functions registered on the same page (shared runtime), and they compute as Excel calls them.
    // The first call waits for their code, which the page loads after its first paint.
    const rate = await callFunction(page, "EXECRATE", 200, 150);
    const grade = await callFunction(page, "GRADE", 92);
    // Each id associated exactly once, by its stand-in: the code it loaded associates nothing again (in
    // Excel, one "[DuplicatedName]" console warning per id; the fake throws, and the load would fail).
    expect(await page.evaluate(() => (window as unknown as { __associated: string[] }).__associated)).toEqual([
      ...FUNCTION_IDS,
    ]);
    expect(rate).toBe(0.75);
    expect(grade).toBe("优");

    // The rule set is stored in the workbook's settings (and saved), then set back.
    const picker = page.getByRole("combobox", { name: /评分规则/ });
    await picker.selectOption("exec20");
    await page.waitForFunction(() => (window as any).__fakeWorkbook.savedSettings["jx.ruleSet"] === "exec20");
    await picker.selectOption("mof-2020");
    await page.waitForFunction(() => (window as any).__fakeWorkbook.savedSettings["jx.ruleSet"] === "mof-2020");

    // First open: the active sheet holds a form, so the pane opens on 校验 and says what to do.
    await page.getByText(`工作表“${SHEET}”是一张项目支出绩效自评表：点 校验 检查它。`).waitFor();
    expect(await page.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");

    // 插入模板: a new sheet with a blank form; the existing sheet is untouched.
    const before = await allValues(page, SHEET);
    await page.getByRole("tab", { name: "模板" }).click();
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByText(/已插入新工作表/).waitFor();
    const sheets = await wb<string[]>(page, "return wb.sheets.map((s) => s.name);");
    expect(sheets).toHaveLength(2);
    await page.getByText(`已插入新工作表“${sheets[1]}”`).waitFor();
    const inserted = sheets.find((s) => s !== SHEET)!;
    const insertedText = await wb<string>(
      page,
      "return JSON.stringify([...wb.mustSheet(args[0]).cells.values()].map((c) => c.value));",
      inserted,
    );
    expect(insertedText).toContain("一级指标");
    expect(insertedText).toContain("实际完成值");
    expect(await allValues(page, SHEET)).toBe(before);
    // A second insert never overwrites the first: the name gets " (2)".
    const firstInserted = await allValues(page, inserted);
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.waitForFunction(() => (window as any).__fakeWorkbook.sheets.length === 3);
    const names = await wb<string[]>(page, "return wb.sheets.map((s) => s.name);");
    expect(names).toContain(`${inserted} (2)`);
    expect(await allValues(page, inserted)).toBe(firstInserted);

    // The user goes back to the filled form (clicks its sheet tab).
    await wb(page, "wb.activeSheetName = args[0];", SHEET);

    // 校验: findings grouped by severity; the wrong score is an error; nothing is written.
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("button", { name: "校验当前工作表" }).click();
    // The verdict line: the total and grade the rules give, and how many errors and warnings.
    await page
      .getByText(new RegExp(`工作表“${SHEET}”：应得总分 \\d+\\.\\d\\d，等级 .；错误 \\d+ 个，警告 \\d+ 个`))
      .waitFor();
    const wrong = page.locator(`button[data-cell="${CELL.typedWrong}"]`);
    await expect(wrong.textContent()).resolves.toMatch(/^错误.*得分填写为 19.*应为 20/);
    expect(await allValues(page, SHEET)).toBe(before);
    // The engine ran in the pane's check worker, not on the pane's thread (which stays responsive).
    expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/\/check-worker\.js$/));
    // Clicking a finding selects its cell through the Office adapter.
    await wrong.click();
    await page.waitForFunction(
      (cell) => (window as any).__fakeWorkbook.mustSheet("项目1").selection.startsWith(cell),
      CELL.typedWrong,
    );
    await page.setViewportSize({ width: 320, height: 900 });
    await shot(page, "taskpane-check-320.png");
    await page.setViewportSize({ width: 400, height: 900 });
    const goodShot = await shot(page, "taskpane-check-400.png");

    // 标记: our tagged conditional formats, no value and no existing format changed.
    const formatsBefore = await allFormats(page, SHEET);
    await page.getByRole("button", { name: "标记", exact: true }).click();
    await page.getByText(`已在工作表“${SHEET}”标记`, { exact: false }).waitFor();
    expect(await markCount(page)).toBeGreaterThan(0);
    expect(await allValues(page, SHEET)).toBe(before);
    expect(await allFormats(page, SHEET)).toBe(formatsBefore);
    // Each marked cell explains itself: a note with our header line and the finding's words.
    await page.getByText("每个标记的单元格附有说明", { exact: false }).waitFor();
    const notes = await notesOf(page);
    expect(notes[CELL.typedWrong]).toMatch(/^【绩效自评助手】\n.*得分填写为 19.*应为 20/);
    expect(Object.values(notes).every((t) => t.startsWith("【绩效自评助手】"))).toBe(true);

    // 计算: empty cells filled, the typed 19 kept and shown as a conflict.
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("button", { name: "计算", exact: true }).click();
    await page.getByText(new RegExp(`已在工作表“${SHEET}”写入 \\d+ 个单元格`)).waitFor();
    expect(await value(page, CELL.emptyScore1)).toBe(40);
    expect(await value(page, CELL.emptyScore2)).toBe(20);
    expect(await value(page, CELL.totalScore)).toBe(99);
    expect(await value(page, CELL.grade)).toBe("优");
    expect(await value(page, CELL.typedWrong)).toBe(19);
    await page.getByText(/填写值 19 → 计算值 20/).waitFor();
    await page.setViewportSize({ width: 320, height: 900 });
    await shot(page, "taskpane-calculate-320.png");
    await page.setViewportSize({ width: 400, height: 900 });
    const calcShot = await shot(page, "taskpane-calculate-400.png");

    // Only after the user ticks the conflict and confirms is the typed value replaced.
    const replaceButton = page.getByRole("button", { name: "用计算值替换勾选的单元格" });
    expect(await replaceButton.isDisabled()).toBe(true);
    await page.getByRole("checkbox", { name: new RegExp(CELL.typedWrong) }).check();
    await replaceButton.click();
    await page.getByRole("button", { name: "确认替换" }).click();
    await page.getByText(`已按您的确认替换工作表“${SHEET}”上的 1 个单元格。`).waitFor();
    expect(await value(page, CELL.typedWrong)).toBe(20);
    expect(await value(page, CELL.emptyScore1)).toBe(40);
    // The marked sheet was checked and marked again: the fixed cell lost its note and colour.
    expect((await notesOf(page))[CELL.typedWrong]).toBeUndefined();
    // The 总分 filled from the typed 19 no longer adds up: it is the next decision, not a stale number.
    await page.getByText(/填写值 99 → 计算值 100/).waitFor();
    await page.getByRole("checkbox", { name: new RegExp(CELL.totalScore) }).check();
    await replaceButton.click();
    await page.getByRole("button", { name: "确认替换" }).click();
    await page.getByText(`已按您的确认替换工作表“${SHEET}”上的 1 个单元格。`).waitFor();
    expect(await value(page, CELL.totalScore)).toBe(100);

    // 清除标记: exactly our marks go; values stay.
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText(`已清除工作表“${SHEET}”上本加载项所做的标记`, { exact: false }).waitFor();
    expect(await markCount(page)).toBe(0);
    expect(await notesOf(page)).toEqual({});
    expect(await value(page, CELL.typedWrong)).toBe(20);
    expect(await value(page, CELL.emptyScore1)).toBe(40);

    // The whole workbook: a line per sheet (the filled form and the two blank templates).
    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByText("已校验 3 个工作表，其中 3 个有绩效自评表：").waitFor();
    await page.getByText(`工作表“${inserted}”：还算不出总分`, { exact: false }).waitFor();
    await shot(page, "taskpane-workbook-320.png");

    expect(errors).toEqual([]);
    // The README's picture: refreshed on request only, so a test run leaves the git tree clean.
    const docShot = path.join(root, "docs", "images", "taskpane.png");
    if (process.env.UPDATE_SCREENSHOTS === "1" || !fs.existsSync(docShot)) {
      fs.mkdirSync(path.dirname(docShot), { recursive: true });
      fs.copyFileSync(goodShot, docShot);
      fs.copyFileSync(calcShot, path.join(root, "docs", "images", "taskpane-calculate.png"));
    }
  } finally {
    await page.close();
  }
}, 300_000);

test("at 320 px nothing overflows sideways and a sheet without a form gets the expected headers", async () => {
  const { page, errors } = await openPane(320);
  try {
    await wb(
      page,
      "wb.addSheet('封面'); wb.setGrid('封面', 0, 0, [['2024 年度绩效自评']]); wb.activeSheetName = '封面';",
    );
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("button", { name: "校验当前工作表" }).click();
    await page.getByText("工作表“封面”上没有找到绩效自评表。").waitFor();
    await page.getByText(/最少需要：① 指标表表头“三级指标”/).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "taskpane-noform-320.png");
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);

test("固化 turns the JX formulas of a JX-style template into values, on the whole workbook", async () => {
  const { page, errors } = await openPane(400);
  try {
    await page.getByRole("tab", { name: "模板" }).click();
    await page.getByRole("radio", { name: /JX 自定义函数/ }).check();
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByText(/已插入新工作表/).waitFor();
    const jxCount = () =>
      wb<number>(
        page,
        "return wb.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => /JX\\./i.test(c.formula ?? '')).length;",
      );
    const jxBefore = await jxCount();
    expect(jxBefore).toBeGreaterThan(0);
    const before = await allValues(page, SHEET);
    await page.getByRole("tab", { name: "固化" }).click();
    await page.getByRole("radio", { name: "整个工作簿" }).check();
    await page.getByRole("button", { name: "固化", exact: true }).click();
    await page.getByRole("alertdialog", { name: /将把整个工作簿上的 \d+ 个 JX 公式换成数值/ }).waitFor();
    await page.getByRole("button", { name: "确认固化" }).click();
    await page.getByText(/已固化整个工作簿上的 \d+ 个 JX 公式/).waitFor();
    expect(await jxCount()).toBe(0);
    // 撤销上一次操作 puts the JX formulas back, exactly.
    await page.getByRole("button", { name: "撤销上一次操作" }).click();
    await page.getByText(/已把工作表.*上的 \d+ 个单元格恢复为操作前的内容/).waitFor();
    expect(await jxCount()).toBe(jxBefore);
    // The filled form had no JX formula: nothing on it changed.
    expect(await allValues(page, SHEET)).toBe(before);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);

/** Every non-empty cell of a sheet as Excel would show it: value, formula, number format ("General" is none), format. */
const cellsExactly = (page: Page, sheet: string) =>
  wb<string>(
    page,
    `const out = [];
     for (const [k, c] of [...wb.mustSheet(args[0]).cells].sort((a, b) => a[0] - b[0])) {
       const nf = c.numberFormat === undefined || c.numberFormat === "General" ? null : c.numberFormat;
       const cell = [k, c.value, c.formula ?? null, nf, !!c.quotePrefix, c.format];
       if (c.value !== null || c.formula !== undefined || nf !== null || Object.keys(c.format).length > 0) out.push(cell);
     }
     return JSON.stringify(out);`,
    sheet,
  );

const FIRST_HINT = `工作表“${SHEET}”是一张项目支出绩效自评表：点 校验 检查它。`;

/** Reload the pane as closing and reopening it does: the workbook (cells, saved settings) stays. */
async function reloadPane(page: Page, title = "绩效自评助手"): Promise<void> {
  await page.evaluate(() => (window as any).__keepWorkbookForReload());
  await page.reload();
  await page.getByRole("heading", { name: title }).waitFor();
  expect(await page.evaluate(() => (window as any).__reopenedWorkbook)).toBe(true);
}

test("撤销上一次操作 after the pane is reloaded: 计算 and 替换, reload, undo puts every cell back exactly", async () => {
  const { page, errors } = await openPane(320);
  try {
    const untouched = await cellsExactly(page, SHEET);
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("button", { name: "计算", exact: true }).click();
    await page.getByText(new RegExp(`已在工作表“${SHEET}”写入 \\d+ 个单元格`)).waitFor();
    const calculated = await cellsExactly(page, SHEET);
    expect(calculated).not.toBe(untouched);
    expect(await value(page, CELL.totalScore)).toBe(99);

    // The pane is closed and opened again: the undo record came with the workbook.
    await reloadPane(page);
    await page.getByText(new RegExp(`^可撤销：上一次计算改动了工作表“${SHEET}”上的 \\d+ 个单元格`)).waitFor();
    expect(await cellsExactly(page, SHEET)).toBe(calculated);
    await page.getByRole("button", { name: "撤销上一次操作" }).click();
    await page.getByText(new RegExp(`已把工作表“${SHEET}”上的 \\d+ 个单元格恢复为操作前的内容`)).waitFor();
    expect(await cellsExactly(page, SHEET)).toBe(untouched);

    // Used once, the record is gone from the workbook too: a second reload offers nothing to undo.
    expect(await wb<string>(page, "return wb.savedSettings['jx.undo'];")).toBe("");
    await reloadPane(page);
    await page.getByText(FIRST_HINT).waitFor(); // the pane has read the workbook (and its settings)
    expect(await page.getByRole("button", { name: "撤销上一次操作" }).count()).toBe(0);
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("button", { name: "计算", exact: true }).click();
    await page.getByText(/填写值 19 → 计算值 20/).waitFor();
    // 替换 is the last write now: after a reload, undo puts back the clerk's 19 and only that.
    await page.getByRole("checkbox", { name: new RegExp(CELL.typedWrong) }).check();
    await page.getByRole("button", { name: "用计算值替换勾选的单元格" }).click();
    await page.getByRole("button", { name: "确认替换" }).click();
    await page.getByText(`已按您的确认替换工作表“${SHEET}”上的 1 个单元格。`).waitFor();
    expect(await value(page, CELL.typedWrong)).toBe(20);
    await reloadPane(page);
    await page.getByText(`可撤销：上一次替换改动了工作表“${SHEET}”上的 1 个单元格`).waitFor();
    await page.getByRole("button", { name: "撤销上一次操作" }).click();
    await page.getByText(`已把工作表“${SHEET}”上的 1 个单元格恢复为操作前的内容。`).waitFor();
    expect(await cellsExactly(page, SHEET)).toBe(calculated);
    await reloadPane(page);
    await page.getByText(FIRST_HINT).waitFor();
    expect(await page.getByRole("button", { name: "撤销上一次操作" }).count()).toBe(0);
    expect(await cellsExactly(page, SHEET)).toBe(calculated);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 180_000);

test("English, keyboard only, at 320 px: tabs by Home/End/arrows, check with Enter, a verdict in English", async () => {
  const { page, errors } = await openPane(320, "en-US");
  try {
    await page
      .getByText(`"${SHEET}" holds a project expenditure self-evaluation form: press Check to check it.`)
      .waitFor();
    const checkTab = page.getByRole("tab", { name: "Check" });
    expect(await checkTab.getAttribute("aria-selected")).toBe("true");
    await checkTab.focus();
    await page.keyboard.press("End");
    expect(await page.getByRole("tab", { name: "Rollup & report" }).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Home");
    expect(await page.getByRole("tab", { name: "Template" }).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Check");
    // Into the panel with Tab, press the first button (Check this sheet) with Enter.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Check this sheet");
    await page.keyboard.press("Enter");
    await page.getByText(new RegExp(`"${SHEET}": Total should be \\d+\\.\\d\\d, grade`)).waitFor();
    // The pane's own words are English: labels, buttons, the verdict.
    for (const label of ["Check the whole workbook", "Mark", "Clear marks", "Previous", "Next"]) {
      await page.getByRole("button", { name: label, exact: true }).waitFor();
    }
    await shot(page, "taskpane-en-320.png");
    // Tab reaches the findings; the focus ring leaves the severity edge as it was; Enter selects the cell.
    const edge = () =>
      page.evaluate(() => {
        const b = document.querySelector(`button[data-cell="${(window as any).__wrongCell}"]`)!;
        const st = getComputedStyle(b);
        return { color: st.borderLeftColor, width: st.borderLeftWidth, focused: b === document.activeElement };
      });
    await page.evaluate((cell) => ((window as any).__wrongCell = cell), CELL.typedWrong);
    const unfocused = await edge();
    expect(unfocused.width).toBe("4px");
    for (let i = 0; i < 60 && !(await edge()).focused; i++) await page.keyboard.press("Tab");
    const focused = await edge();
    expect(focused).toEqual({ ...unfocused, focused: true });
    const ring = await page.evaluate(() => {
      const st = getComputedStyle(document.activeElement!);
      return { style: st.outlineStyle, offset: parseFloat(st.outlineOffset) };
    });
    expect(ring.style).toBe("solid");
    expect(ring.offset).toBeGreaterThan(0); // drawn outside the box, not over the edge
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      ([sheet, cell]) => (window as any).__fakeWorkbook.mustSheet(sheet).selection.startsWith(cell),
      [SHEET, CELL.typedWrong],
    );
    // 计算 in English: every 得分说明 line and the notice read in English; Chinese only in the user's cells.
    await page.getByRole("tab", { name: "Calculate" }).click();
    await page.getByRole("button", { name: "Calculate", exact: true }).click();
    await page.getByText(/Why each score/).waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toMatch(/execution rate [\d.]+ ÷ [\d.]+ = [\d.]+%/);
    const userTexts = [SHEET, ...seedSheet.values.flat().filter((v): v is string => typeof v === "string")];
    let own = text;
    for (const t of [...new Set(userTexts)].sort((a, b) => b.length - a.length)) own = own.split(t.trim()).join(" ");
    own = own.replace(/“[^”]*”|"[^"]*"/g, " ");
    expect(own.split("\n").filter((l) => /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/.test(l))).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);

/** Theme variables the page's style rules use that the FluentProvider does not define (a fallback does not count). */
function undefinedThemeVariables(): string[] {
  const used = new Set<string>();
  for (const sheet of [...document.styleSheets])
    for (const rule of [...sheet.cssRules])
      for (const m of rule.cssText.matchAll(/var\(--([A-Za-z0-9]+)\)/g)) used.add(m[1]);
  const provider = document.querySelector(".fui-FluentProvider");
  if (!provider) return ["(no FluentProvider)"];
  const style = getComputedStyle(provider);
  return [...used].filter((name) => style.getPropertyValue(`--${name}`).trim() === "");
}

test("the build's trimmed theme defines every token the pane's styles use, on every tab and after a check", async () => {
  const { page, errors } = await openPane(320);
  try {
    for (const tab of await page.getByRole("tab").all()) {
      await tab.click();
      await page
        .getByRole("tabpanel")
        .filter({ has: page.locator("button") })
        .first()
        .waitFor();
    }
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("button", { name: "校验当前工作表" }).click();
    await page
      .getByText(/应得总分/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: /标记/ }).first().hover();
    expect(await page.evaluate(undefinedThemeVariables)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);

test("校验 with no pointer on the way (a plain click): the engine runs in the check worker, and the operations (ops.js) do not load for it", async () => {
  const { page, errors } = await openPane(400);
  try {
    const button = page.getByRole("button", { name: "校验当前工作表" });
    await button.waitFor();
    const scripts: string[] = [];
    page.on("request", (r) => {
      const file = r.url().slice(server!.url.length);
      if (r.url().startsWith(server!.url) && file.endsWith(".js")) scripts.push(file);
    });
    // A click without hover or focus (Playwright's click hovers first, which preloads): the cold path.
    await button.evaluate((b) => (b as HTMLButtonElement).click());
    await page
      .getByText(new RegExp(`工作表“${SHEET}”：应得总分 \\d+\\.\\d\\d，等级 .；错误 \\d+ 个，警告 \\d+ 个`))
      .waitFor();
    // The typed-wrong 得分 is found, as a check in the pane's own thread finds it.
    await page.locator(`button[data-cell="${CELL.typedWrong}"]`).waitFor();
    expect(scripts).toContain("check-worker.js");
    expect(scripts).not.toContain("ops.js");
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);

test("生成自评报告 on Excel on the web: the .docx downloads, and the docx code loads only on the click", async () => {
  const { page, errors } = await openPane(400);
  try {
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await page.getByRole("tab", { name: "汇总与报告" }).click();
    const before = scripts.length;
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "生成自评报告", exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/绩效自评报告\.docx$/);
    await page.getByText(/请在下载栏或保存对话框中查看/).waitFor();
    // The docx package came in a chunk of its own, fetched for this click.
    expect(scripts.length).toBeGreaterThan(before);
    const zip = await JSZip.loadAsync(fs.readFileSync(await file.path()));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain(SEED001_PROJECTS[0].name);
    expect(xml).toContain("【请填写：项目背景】");
    expect(await wb<number>(page, "return wb.sheets.length;")).toBe(1);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);

test("生成自评报告 on Excel for Mac: no download; a print-ready sheet instead", async () => {
  const { page, errors } = await openPane(320, "zh-CN", "Mac");
  try {
    await page.getByRole("tab", { name: "汇总与报告" }).click();
    await page.getByRole("button", { name: "生成自评报告", exact: true }).click();
    await page.getByText(/已把自评报告放到新工作表“自评报告”/).waitFor();
    const layout = await wb<{ printArea?: string; paperSize?: string }>(
      page,
      "return wb.mustSheet('自评报告').pageLayout;",
    );
    expect(layout.paperSize).toBe("A4");
    expect(layout.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    expect(await wb<string>(page, "return wb.activeSheetName;")).toBe("自评报告");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "taskpane-report-mac-320.png");
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);

test("issue 11's confirm chain: a 得分 typed above its 分值 never feeds a proposed 总分; confirm → re-evaluate → the next proposal", async () => {
  const { page, errors } = await openPane(320);
  try {
    // The clerk typed 21 where the 分值 is 20 (the seed's third indicator).
    await wb(page, "wb.mustSheet(args[0]).cellForWrite(args[1], args[2]).value = 21;", SHEET, row3, scoreCol);
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("button", { name: "计算", exact: true }).click();
    await page.getByText(new RegExp(`已在工作表“${SHEET}”写入 \\d+ 个单元格`)).waitFor();
    // The typed 21 stays (it is the clerk's) and is offered for replacement; the 总分 is never built from it.
    expect(await value(page, CELL.typedWrong)).toBe(21);
    const offer = page.getByRole("checkbox", { name: new RegExp(`${CELL.typedWrong}[\\s\\S]*21[\\s\\S]*20`) });
    await offer.waitFor({ state: "attached" });
    const total = await value(page, CELL.totalScore);
    expect(total === null || total === 100).toBe(true);
    expect(await page.getByText(/计算值 101/).count()).toBe(0);
    // Confirm the replacement: the sheet is evaluated again, and what it proposes next follows from 20.
    await offer.check();
    await page.getByRole("button", { name: "用计算值替换勾选的单元格" }).click();
    await page.getByRole("button", { name: "确认替换" }).click();
    await page.getByText(`已按您的确认替换工作表“${SHEET}”上的 1 个单元格。`).waitFor();
    expect(await value(page, CELL.typedWrong)).toBe(20);
    await page.getByRole("button", { name: "计算", exact: true }).click();
    await page
      .getByText(new RegExp(`工作表“${SHEET}”`))
      .first()
      .waitFor();
    expect(await value(page, CELL.totalScore)).toBe(100);
    expect(await page.getByText(/计算值 101/).count()).toBe(0);
    await shot(page, "taskpane-confirm-chain-320.png");
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 300_000);

test("issue 11's confirm chain with a 总分 formula: 得分 above its 分值, 总分 and 等级 offered from the rules' score, each labelled 填写值 or 公式结果; after confirming all, nothing is offered as the user's", async () => {
  const { page, errors } = await openPane(320);
  try {
    const put = (row: number, col: number, v: number | string) =>
      wb(page, "wb.mustSheet(args[0]).cellForWrite(args[1], args[2]).value = args[3];", SHEET, row, col, v);
    const seedAt = (row: number, col: number) =>
      seedSheet.values[row - seedSheet.origin.row][col - seedSheet.origin.col];
    const weight = seedAt(row1, layout.indicators.columns.weight!) as number;
    const published = seedAt(layout.total.row, layout.total.scoreCol) as number;
    const grade = seedAt(layout.total.row, layout.total.gradeCol) as string;
    // The published scores, then as in the issue: one 得分 typed a point above its 分值, the 总分 a
    // formula (not ours) that adds the indicator scores only — it shows what Excel would, the typed
    // score counted and the 预算执行率得分 left out — and a typed 等级 that fits neither.
    for (const r of [row2, row3]) await put(r, scoreCol, seedAt(r, scoreCol) as number);
    await put(row1, scoreCol, weight + 1);
    const rows = layout.indicators.rows;
    const indicatorSum = rows.reduce((sum, r) => sum + (r === row1 ? weight + 1 : (seedAt(r, scoreCol) as number)), 0);
    const sumFormula = `=SUM(${a1(rows[0], scoreCol)}:${a1(rows[rows.length - 1], scoreCol)})`;
    await wb(
      page,
      "const c = wb.mustSheet(args[0]).cellForWrite(args[1], args[2]); c.value = args[3]; c.formula = args[4];",
      SHEET,
      layout.total.row,
      layout.total.scoreCol,
      indicatorSum,
      sumFormula,
    );
    await put(layout.total.row, layout.total.gradeCol, "中");
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("button", { name: "计算", exact: true }).click();
    // Typed values and a formula's result in one list: the heading says both, each row says which.
    const offers = page
      .locator('section[aria-label="以下单元格中的填写值或公式结果（逐项注明）与计算结果不同，未作改动："]')
      .getByRole("checkbox");
    await offers.first().waitFor({ state: "attached" });
    const offer = (cell: string, as: string, stated: number | string, computed: number | string) =>
      page.getByRole("checkbox", { name: new RegExp(`${cell}[\\s\\S]*${as} ${stated} → 计算值 ${computed}`) });
    // 得分 weight+1 above its 分值 weight, and the 总分 proposed from the rules' score, never from the typed one.
    await offer(CELL.emptyScore1, "填写值", weight + 1, weight).waitFor({ state: "attached" });
    await offer(CELL.totalScore, "公式结果", indicatorSum, published).waitFor({ state: "attached" });
    await offer(CELL.grade, "填写值", "中", grade).waitFor({ state: "attached" });
    // The formula's row never calls its result typed; the typed rows never call theirs a formula's.
    expect(await page.getByRole("checkbox", { name: new RegExp(`${CELL.totalScore}[\\s\\S]*填写`) }).count()).toBe(0);
    expect(await page.getByRole("checkbox", { name: new RegExp(`^(?!.*${CELL.totalScore}).*公式结果`) }).count()).toBe(
      0,
    );
    expect(await page.getByText(`计算值 ${published + 1}`).count()).toBe(0);
    expect(await offers.count()).toBe(3);
    // Confirm all three: the confirmation says the formula itself goes; written, the sheet evaluated
    // again, and no offer calls the pane's own numbers the user's.
    for (let i = 0; i < 3; i++) await offers.nth(i).check();
    await page.getByRole("button", { name: "用计算值替换勾选的单元格" }).click();
    await page.getByText(`${CELL.totalScore}：公式结果 ${indicatorSum} → ${published}（公式将换成数值）`).waitFor();
    await page.getByText(`${CELL.grade}：填写值 中 → ${grade}`, { exact: true }).waitFor();
    await page.getByRole("button", { name: "确认替换" }).click();
    await page.getByText(`已按您的确认替换工作表“${SHEET}”上的 3 个单元格。`).waitFor();
    expect([
      await value(page, CELL.emptyScore1),
      await value(page, CELL.totalScore),
      await value(page, CELL.grade),
    ]).toEqual([weight, published, grade]);
    expect(await wb(page, "return wb.formula(args[0], args[1]) ?? null;", SHEET, CELL.totalScore)).toBeNull();
    expect(await page.getByText("您填写的数值").count()).toBe(0);
    await page.getByRole("button", { name: "计算", exact: true }).click();
    await page
      .getByText(new RegExp(`工作表“${SHEET}”`))
      .first()
      .waitFor();
    expect(await page.getByText("您填写的数值").count()).toBe(0);
    expect(await offers.count()).toBe(0);
    expect(await value(page, CELL.totalScore)).toBe(published);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 300_000);

/** Every visible text with Chinese in it whose font is under 14 px: "12px 上一条". */
function smallChinese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? "").trim();
      const el = n.parentElement;
      if (!el || !/[\u3400-\u9fff]/.test(text) || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 14) out.push(`${size}px ${text.slice(0, 30)}`);
    }
    return out;
  });
}

test("at 320 px no Chinese text is under 14 px: first open, after a check, on every tab", async () => {
  const { page, errors } = await openPane(320);
  try {
    await page.getByText(`工作表“${SHEET}”是一张项目支出绩效自评表：点 校验 检查它。`).waitFor();
    const small = await smallChinese(page);
    await page.getByRole("button", { name: "校验当前工作表" }).click();
    await page.getByText(new RegExp(`工作表“${SHEET}”：应得总分`)).waitFor();
    small.push(...(await smallChinese(page)));
    for (const name of ["计算", "固化", "模板", "汇总与报告"]) {
      await page.getByRole("tab", { name }).click();
      await page.getByRole("tabpanel").waitFor();
      small.push(...(await smallChinese(page)));
    }
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("button", { name: "计算", exact: true }).click();
    await page.getByText(new RegExp(`已在工作表“${SHEET}”写入 \\d+ 个单元格`)).waitFor();
    small.push(...(await smallChinese(page)));
    expect([...new Set(small)]).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);
