/**
 * functions.json as CustomFunctionsMetadataPlugin generates it from functions.ts' JSDoc (the same
 * generator the build runs): ids, Chinese descriptions and tooltips, parameter counts, optional
 * flags and the matrix dimensionality that lets a single cell and a column share one function.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functionsModule from "../../src/functions/functions";
import { FUNCTION_IDS } from "../../src/functions/onDemand";

interface Param {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { dimensionality?: string };
  options?: Record<string, boolean>;
}

const HAN = /[\u4e00-\u9fff]/;
let functions: Fn[];
let associate: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"));
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: Fn[] }).functions;
  associate = result.associate;
}, 60000);

const M = "matrix";
// [id, parameter names, optional flags, dimensionality per parameter, result dimensionality]
const EXPECTED: [string, string[], boolean[], (string | undefined)[], string | undefined][] = [
  ["EXECRATE", ["全年预算数", "全年执行数"], [false, false], [undefined, undefined], undefined],
  [
    "EXECSCORE",
    ["全年预算数", "全年执行数", "分值", "规则"],
    [false, false, true, true],
    [undefined, undefined, undefined, undefined],
    undefined,
  ],
  [
    "INDICATORSCORE",
    ["指标性质", "指标值", "实际完成值", "分值", "度量单位", "规则", "一级指标", "二级指标", "三级指标"],
    [false, false, false, false, true, true, true, true, true],
    [M, M, M, M, M, undefined, M, M, M],
    M,
  ],
  ["GRADE", ["总分", "规则"], [false, true], [undefined, undefined], undefined],
  ["PARSEVALUE", ["文本"], [false], [undefined], M],
  [
    "EXPLAIN",
    ["指标性质", "指标值", "实际完成值", "分值", "度量单位", "规则", "一级指标", "二级指标", "三级指标"],
    [false, false, false, false, true, true, true, true, true],
    [M, M, M, M, M, undefined, M, M, M],
    M,
  ],
];

describe("generated functions.json", () => {
  it("declares exactly the six JX functions, ASCII ids equal to their names", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(EXPECTED.map((e) => e[0]).sort());
    for (const f of functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9]{2,}$/);
      expect(f.name).toBe(f.id);
    }
  });

  it.each(EXPECTED)("%s: parameters, optional flags and dimensionality", (id, names, optional, dims, resultDim) => {
    const f = functions.find((x) => x.id === id)!;
    expect(f.parameters.map((p) => p.name)).toEqual(names);
    expect(f.parameters.map((p) => p.optional === true)).toEqual(optional);
    expect(f.parameters.map((p) => p.dimensionality)).toEqual(dims);
    expect(f.result.dimensionality).toBe(resultDim);
    // A required parameter after an optional one would be rejected by Excel.
    const firstOptional = optional.indexOf(true);
    if (firstOptional >= 0) expect(optional.slice(firstOptional).every(Boolean)).toBe(true);
  });

  it("describes every function and parameter in Chinese", () => {
    for (const f of functions) {
      expect(f.description).toMatch(HAN);
      expect(f.description!.length).toBeLessThanOrEqual(512);
      for (const p of f.parameters) {
        expect(p.description).toMatch(HAN);
        expect(p.description!.length).toBeLessThanOrEqual(512);
        expect(p.name.length).toBeLessThanOrEqual(64);
      }
    }
  });

  it("marks nothing volatile, streaming or cancelable (pure, synchronous functions)", () => {
    for (const f of functions) expect(f.options ?? {}).toEqual({});
  });

  it("associates every id with the exported function of the same name", () => {
    expect(associate.map((a) => [a.id, a.functionName])).toEqual(functions.map((f) => [f.id, f.id]));
    for (const a of associate) {
      expect(typeof (functionsModule as Record<string, unknown>)[a.functionName]).toBe("function");
    }
    // Nothing exported without JSDoc registration (a helper exported by mistake would not be callable).
    expect(Object.keys(functionsModule).sort()).toEqual(associate.map((a) => a.functionName).sort());
  });

  it("registers in taskpane.html every id functions.ts declares (onDemand's list, before the code loads)", () => {
    expect([...FUNCTION_IDS]).toEqual(functions.map((f) => f.id));
  });
});
