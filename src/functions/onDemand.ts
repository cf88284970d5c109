/**
 * The JX.* functions as taskpane.html registers them under the shared runtime. Excel must find
 * every id as soon as the runtime is up (an id associated only after an await fails its first
 * call), but the functions' code — functions.ts and the scoring engine under it — need not be in
 * the pane's first scripts (bench bundle.taskpane.initial_gzip_kb). So the page associates each id
 * at once with a stand-in and loads the code after the pane's first paint, or at the first call
 * if Excel calls sooner (that cell shows #BUSY! for the moment it takes).
 *
 * Each id is associated exactly once, with its stand-in, which calls straight into the code once
 * loaded: associating an id again would make office.js print a "[DuplicatedName]" warning per id.
 * So the copy of functions.ts this page loads is built without the `CustomFunctions.associate`
 * calls the build appends to functions.js, the manifest's Script, which is the same functions.ts
 * built on its own (webpack.config.js).
 */
import type * as Functions from "./functions";
import { valueError } from "./runtime";

/**
 * A stand-in's cell when the functions' code could not be fetched (here, not in ./messages.ts: the
 * pane's first scripts would carry that whole catalogue with it).
 */
export const FUNCTIONS_NOT_LOADED = "JX 函数的代码没有加载完整：请确认能访问加载项所在的服务器，然后重新计算。";

/** Every id functions.ts declares, in its order (test/functions/metadata.test.ts holds them equal). */
export const FUNCTION_IDS = ["EXECRATE", "EXECSCORE", "INDICATORSCORE", "GRADE", "PARSEVALUE", "EXPLAIN"] as const;

type Code = typeof Functions;
type AnyFunction = (...args: unknown[]) => unknown;
export type Associate = (id: string, fn: AnyFunction) => void;

/**
 * Associates every id with its stand-in; returns the loader (start it after the first paint).
 * A failed load is retried at the next call, and meanwhile each cell says what happened.
 */
export function registerFunctionsOnDemand(
  associate: Associate,
  load: () => Promise<Code> = () => import(/* webpackChunkName: "jx-functions" */ "./functions"),
): () => Promise<void> {
  let code: Code | undefined;
  let loading: Promise<Code> | undefined;
  const loaded = () =>
    (loading ??= load().then(
      (m) => (code = m),
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    ));
  for (const id of FUNCTION_IDS) {
    const call = (m: Code, args: unknown[]) => (m[id] as AnyFunction)(...args);
    associate(id, (...args) =>
      code
        ? call(code, args)
        : loaded().then(
            (m) => call(m, args),
            () => valueError(FUNCTIONS_NOT_LOADED),
          ),
    );
  }
  return () => loaded().then(() => undefined);
}

interface CustomFunctionsGlobal {
  associate: Associate;
}
// Ambient: present where Excel runs custom functions (and in the Chromium E2E's fake host) only.
declare const CustomFunctions: CustomFunctionsGlobal | undefined;

/** Registers with Excel when this page runs custom functions; returns the loader, or undefined. */
export function registerWithExcel(): (() => Promise<void>) | undefined {
  if (typeof CustomFunctions === "undefined" || !CustomFunctions) return undefined;
  const excel = CustomFunctions;
  return registerFunctionsOnDemand((id, fn) => excel.associate(id, fn));
}
