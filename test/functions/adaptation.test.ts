/**
 * The functions' own job, with the engine's scoring replaced by a recording double: arguments in
 * every form (single cells, columns, a literal, omitted optionals) reach ONE engine call per row
 * in the right shape; error outcomes become #VALUE! carrying the engine's message; exceptions never
 * escape; the rule set comes from the argument, else the workbook setting, else the default.
 * The real engine's numbers are checked in functions.test.ts and hyperformula.test.ts.
 */
import type { IndicatorInput } from "../../src/engine";

const calls: { input: IndicatorInput; ruleSetId: string }[] = [];

jest.mock("../../src/engine", () => {
  const actual = jest.requireActual("../../src/engine");
  return {
    ...actual,
    // Scores "weight / 2" so the tests can see which row's weight reached which output cell.
    scoreIndicator: (input: IndicatorInput, ruleSet: { id: string }) => {
      calls.push({ input, ruleSetId: ruleSet.id });
      if (input.weight === "boom") throw new Error("exploded");
      if (input.target === "bad") return actual.fail("test.bad-target", { raw: "bad" });
      return actual.ok(
        { score: Number(input.weight) / 2, weight: Number(input.weight), method: "more" },
        `解释${input.weight}`,
      );
    },
    execRate: (b: unknown, s: unknown) =>
      Number(b) > 0 ? actual.ok(Number(s) / Number(b), "") : actual.fail("test.budget", { budget: String(b) }),
    execScore: (b: unknown, s: unknown, w: unknown = 10) =>
      actual.ok(Number(w) * Math.min(Number(s) / Number(b), 1), ""),
    gradeFor: (total: number, ruleSet: { id: string }) => `${ruleSet.id}:${total}`,
    formatScoringError: (code: string, data: Record<string, unknown>) => `消息(${code}:${JSON.stringify(data)})`,
  };
});

import { EXECRATE, EXECSCORE, EXPLAIN, GRADE, INDICATORSCORE } from "../../src/functions/functions";
import { ValueErrorOutsideExcel, isValueError, valueError, workbookRuleSetId } from "../../src/functions/runtime";
import { RULE_SET_SETTING } from "../../src/host/settings";

const msg = (x: unknown): string => (isValueError(x) ? `#VALUE!:${x.message}` : String(x));
const g = (grid: unknown[][]): string[][] => grid.map((r) => r.map(msg));

beforeEach(() => {
  calls.length = 0;
});

describe("INDICATORSCORE argument forms", () => {
  it.each([
    {
      name: "single cells arrive as 1×1 matrices and give a 1×1 result",
      args: [[["≥"]], [[2]], [[2]], [[40]]],
      out: [["20"]],
      rows: 1,
    },
    {
      name: "columns give a column, row by row",
      args: [
        [["≥"], ["≥"], ["≤"]],
        [[2], [0.95], [5]],
        [[2], [1], [4]],
        [[40], [20], [10]],
      ],
      out: [["20"], ["10"], ["5"]],
      rows: 3,
    },
    {
      name: "a single cell next to columns is repeated on every row",
      args: [[["≥"]], [[2], [0.95]], [[2], [1]], [[40], [20]]],
      out: [["20"], ["10"]],
      rows: 2,
    },
    {
      name: "a bare scalar (a literal) is accepted like a cell",
      args: ["≥", 2, 2, 40],
      out: [["20"]],
      rows: 1,
    },
    {
      name: "rows whose four cells are blank stay blank (spare template rows)",
      args: [
        [["≥"], [null], [""]],
        [[2], [null], [""]],
        [[2], [null], [""]],
        [[40], [null], [""]],
      ],
      out: [["20"], [""], [""]],
      rows: 1,
    },
    {
      name: "an error outcome on one row is #VALUE! with the engine's message there only",
      args: [
        [["≥"], ["≥"]],
        [[2], ["bad"]],
        [[2], [1]],
        [[40], [20]],
      ],
      out: [["20"], ['#VALUE!:消息(test.bad-target:{"raw":"bad"})']],
      rows: 2,
    },
    {
      name: "an exception inside the engine is a message, never a stack trace",
      args: [[["≥"]], [[2]], [[2]], [["boom"]]],
      out: [["#VALUE!:计算出错：exploded"]],
      rows: 1,
    },
  ])("$name", ({ args, out, rows }) => {
    const [n, t, a, w] = args as unknown as unknown[][][];
    expect(g(INDICATORSCORE(n, t, a, w))).toEqual(out);
    expect(calls).toHaveLength(rows);
  });

  it("passes each row's cells, and the unit column, to the engine unchanged", () => {
    INDICATORSCORE([["≥"], [""]], [["≥95%"], ["1-2次"]], [[1], [2]], [[20], [40]], [["%"], ["次"]]);
    expect(calls.map((c) => c.input)).toEqual([
      { nature: "≥", target: "≥95%", actual: 1, weight: 20, unit: "%" },
      { nature: "", target: "1-2次", actual: 2, weight: 40, unit: "次" },
    ]);
  });

  it.each([
    { name: "rows differ", args: [[["≥"], ["≥"]], [[2], [1], [3]], [[2]], [[40]]], shapes: "2×1、3×1、1×1、1×1" },
    { name: "a column next to a row", args: [[["≥"]], [[2, 3]], [[2], [3]], [[40]]], shapes: "1×1、1×2、2×1、1×1" },
  ])("ranges that do not line up ($name) give one #VALUE! naming the shapes", ({ args, shapes }) => {
    const [n, t, a, w] = args as unknown as unknown[][][];
    const out = INDICATORSCORE(n, t, a, w);
    expect(out).toHaveLength(1);
    expect(msg(out[0][0])).toContain("区域大小不一致");
    expect(msg(out[0][0])).toContain(shapes);
    expect(calls).toHaveLength(0);
  });

  it("EXPLAIN returns the explanation, and the reason as text when a row cannot be scored", () => {
    const out = EXPLAIN([["≥"], ["≥"]], [[2], ["bad"]], [[2], [1]], [[40], [20]]);
    expect(out).toEqual([["解释40"], ['无法评分：消息(test.bad-target:{"raw":"bad"})']]);
  });
});

describe("the rule set: argument, else the workbook's setting, else the default", () => {
  const g0 = globalThis as { Office?: unknown };
  afterEach(() => {
    delete g0.Office;
  });
  const withSetting = (value: unknown) => {
    g0.Office = {
      context: { document: { settings: { get: (k: string) => (k === RULE_SET_SETTING ? value : null) } } },
    };
  };

  it.each([
    { name: "nothing stored", stored: undefined, arg: undefined, used: "mof-2020" },
    { name: "stored dept-gs", stored: "dept-gs", arg: undefined, used: "dept-gs" },
    { name: "stored with spaces", stored: " exec20 ", arg: undefined, used: "exec20" },
    { name: "stored id no longer exists", stored: "gone", arg: undefined, used: "mof-2020" },
    { name: "argument wins over stored", stored: "dept-gs", arg: "exec20", used: "exec20" },
    { name: "blank argument = omitted", stored: "dept-gs", arg: "", used: "dept-gs" },
  ])("$name → $used", ({ stored, arg, used }) => {
    if (stored !== undefined) withSetting(stored);
    INDICATORSCORE([["≥"]], [[2]], [[2]], [[40]], undefined, arg);
    expect(calls.map((c) => c.ruleSetId)).toEqual([used]);
    expect(GRADE(95, arg)).toBe(`${used}:95`);
  });

  it("an unknown rule-set argument is #VALUE! listing the known ids, and nothing is scored", () => {
    const out = INDICATORSCORE([["≥"]], [[2]], [[2]], [[40]], undefined, "zhejiang");
    expect(msg(out[0][0])).toMatch(/^#VALUE!:未知的规则集“zhejiang”。可用的规则集：.*mof-2020/);
    expect(msg(GRADE(95, "zhejiang"))).toContain("未知的规则集");
    expect(calls).toHaveLength(0);
  });

  it("a host whose settings throw falls back to the default", () => {
    g0.Office = {
      context: {
        document: {
          settings: {
            get: () => {
              throw new Error("no document");
            },
          },
        },
      },
    };
    expect(workbookRuleSetId()).toBeUndefined();
    INDICATORSCORE([["≥"]], [[2]], [[2]], [[40]]);
    expect(calls.map((c) => c.ruleSetId)).toEqual(["mof-2020"]);
  });
});

describe("scalar functions", () => {
  it.each([
    { call: "EXECRATE(100, 120)", f: () => EXECRATE(100, 120), out: "1.2" },
    { call: "EXECRATE(0, 5)", f: () => EXECRATE(0, 5), out: '#VALUE!:消息(test.budget:{"budget":"0"})' },
    { call: "EXECSCORE(100, 50)", f: () => EXECSCORE(100, 50), out: "5" },
    { call: "EXECSCORE(100, 50, 20)", f: () => EXECSCORE(100, 50, 20), out: "10" },
    { call: "EXECSCORE(100, 50, null)", f: () => EXECSCORE(100, 50, null), out: "5" },
    { call: 'GRADE("")', f: () => GRADE(""), out: "#VALUE!:总分为空：请引用填好的总分单元格。" },
    { call: 'GRADE("abc")', f: () => GRADE("abc"), out: "#VALUE!:总分“abc”不是数字。" },
    { call: 'GRADE("95%")', f: () => GRADE("95%"), out: "#VALUE!:总分“95%”不是数字。" },
    { call: 'GRADE(" 95 ")', f: () => GRADE(" 95 "), out: "mof-2020:95" },
  ])("$call → $out", ({ f, out }) => {
    expect(msg(f())).toBe(out);
  });
});

describe("runtime shim", () => {
  const g0 = globalThis as { CustomFunctions?: unknown };
  afterEach(() => {
    delete g0.CustomFunctions;
  });

  it("outside Excel, #VALUE! is a plain object with the same code and message", () => {
    const e = valueError("预算数为 0");
    expect(e).toBeInstanceOf(ValueErrorOutsideExcel);
    expect(e).toMatchObject({ code: "#VALUE!", message: "预算数为 0" });
  });

  it("inside Excel, #VALUE! is CustomFunctions.Error(invalidValue, message)", () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    g0.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!" } };
    const e = EXECRATE(0, 5);
    expect(e).toBeInstanceOf(FakeError);
    expect(e).toMatchObject({ code: "#VALUE!", message: '消息(test.budget:{"budget":"0"})' });
  });
});
