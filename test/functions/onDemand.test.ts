// taskpane.html registers the JX functions at once but loads their code after the pane's first
// paint (src/functions/onDemand.ts): every id must be callable from the start, compute exactly what
// functions.ts computes, and say so in the cell when the code cannot be fetched.
import * as functions from "../../src/functions/functions";
import {
  FUNCTION_IDS,
  FUNCTIONS_NOT_LOADED,
  registerFunctionsOnDemand,
  registerWithExcel,
} from "../../src/functions/onDemand";
import { isValueError } from "../../src/functions/runtime";
import { FakeCustomFunctionsError, installFakeCustomFunctions } from "../fakes/customFunctions";

type Fn = (...args: unknown[]) => unknown;

function register(load: () => Promise<typeof functions>) {
  const associated = new Map<string, Fn>();
  const loads = jest.fn(load);
  const preload = registerFunctionsOnDemand((id, fn) => associated.set(id, fn), loads);
  return { associated, loads, preload };
}

test("every id is associated at once, before any code loads", () => {
  const { associated, loads } = register(() => Promise.resolve(functions));
  expect([...associated.keys()]).toEqual([...FUNCTION_IDS]);
  expect(loads).not.toHaveBeenCalled();
});

test("a call before the code has loaded waits for it (one load for all), then computes as functions.ts", async () => {
  const { associated, loads } = register(() => Promise.resolve(functions));
  const rate = associated.get("EXECRATE")!(200, 150);
  const grade = associated.get("GRADE")!(92);
  expect(rate).toBeInstanceOf(Promise);
  expect(await rate).toBe(functions.EXECRATE(200, 150));
  expect(await grade).toBe(functions.GRADE(92));
  expect(loads).toHaveBeenCalledTimes(1);
});

test("once preloaded, a call answers synchronously with the same result", async () => {
  const { associated, preload, loads } = register(() => Promise.resolve(functions));
  await preload();
  const args = [[[""]], [["≥100%"]], [[0.84]], [[10]], [["%"]]];
  expect(associated.get("INDICATORSCORE")!(...args)).toEqual(
    functions.INDICATORSCORE(...(args as [never, never, never, never, never])),
  );
  expect(associated.get("PARSEVALUE")!("≥95%")).toEqual(functions.PARSEVALUE("≥95%"));
  expect(loads).toHaveBeenCalledTimes(1);
});

test("code that cannot be fetched: the cell says so (#VALUE!), and the next call tries again", async () => {
  let fail = true;
  const { associated, preload, loads } = register(() =>
    fail ? Promise.reject(new Error("ChunkLoadError")) : Promise.resolve(functions),
  );
  await expect(preload()).rejects.toThrow("ChunkLoadError");
  const first = await associated.get("EXECRATE")!(200, 150);
  expect(isValueError(first)).toBe(true);
  expect((first as { message: string }).message).toMatch(/没有加载完整/);
  fail = false;
  expect(await associated.get("EXECRATE")!(200, 150)).toBe(0.75);
  expect(loads).toHaveBeenCalledTimes(3);
});

describe("registered with Excel's CustomFunctions (the strict fake: a second association throws)", () => {
  let fake: ReturnType<typeof installFakeCustomFunctions>;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    fake = installFakeCustomFunctions(globalThis);
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    fake.uninstall();
  });

  test("through the first call and the load of functions.ts, each id is associated exactly once", async () => {
    const preload = registerWithExcel()!;
    expect(fake.associated).toEqual([...FUNCTION_IDS]);
    const rate = fake.functions.EXECRATE(200, 150); // before the code is there: #BUSY! until it is
    expect(rate).toBeInstanceOf(Promise);
    expect(await rate).toBe(0.75);
    await preload();
    expect(fake.functions.GRADE(92)).toBe("优");
    expect(fake.functions.PARSEVALUE("≥95%")).toEqual(functions.PARSEVALUE("≥95%"));
    expect(fake.functions.EXECSCORE(200, 150, 10)).toBe(functions.EXECSCORE(200, 150, 10));
    expect(fake.associated).toEqual([...FUNCTION_IDS]);
    expect(fake.duplicates).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  test("a failed load: Excel's #VALUE! with the Chinese message, then a retry; still one association per id", async () => {
    let fail = true;
    registerFunctionsOnDemand(
      (id, fn) => fake.global.associate(id, fn),
      () => (fail ? Promise.reject(new Error("ChunkLoadError")) : Promise.resolve(functions)),
    );
    const first = await fake.functions.INDICATORSCORE([["≥"]], [[100]], [[84]], [[10]]);
    expect(first).toBeInstanceOf(FakeCustomFunctionsError);
    expect(first).toMatchObject({ code: "#VALUE!", message: FUNCTIONS_NOT_LOADED });
    fail = false;
    expect(await fake.functions.INDICATORSCORE([["≥"]], [[100]], [[84]], [[10]])).toEqual([[8.4]]);
    expect(fake.associated).toEqual([...FUNCTION_IDS]);
  });

  test("the fake fails an id associated twice (as the build's appended calls once did), in any case or form", () => {
    registerWithExcel();
    expect(() => fake.global.associate("EXECRATE", functions.EXECRATE)).toThrow(/\[DuplicatedName\] Function=EXECRATE/);
    expect(() => fake.global.associate({ grade: functions.GRADE })).toThrow(/\[DuplicatedName\] Function=grade/);
    expect(fake.duplicates).toEqual(["EXECRATE", "grade"]);
    expect(warn.mock.calls).toEqual([["[DuplicatedName] Function=EXECRATE"], ["[DuplicatedName] Function=grade"]]);
  });
});
