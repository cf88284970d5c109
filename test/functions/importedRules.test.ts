// The validator for a workbook's imported rule set is not in functions.js: it loads the first time
// a workbook carries one. Until then a function's result is a Promise (Excel shows #BUSY!), and
// the score it settles to is the imported rule set's, not the default's.
import { getRuleSet } from "../../src/engine";
import { RULE_SET_DATA_SETTING, RULE_SET_SETTING } from "../../src/host/settings";

const custom = { ...getRuleSet("mof-2021-101"), id: "my-city-2024", label: "某市2024" };
const g = globalThis as { Office?: unknown };

function officeWithSettings(settings: Record<string, string>) {
  g.Office = { context: { document: { settings: { get: (k: string) => settings[k] } } } };
}

afterEach(() => {
  delete g.Office;
});

test("a built-in workbook rule set scores synchronously, without loading the validator", () => {
  jest.isolateModules(() => {
    officeWithSettings({ [RULE_SET_SETTING]: "mof-2021-101" });
    const { INDICATORSCORE } = require("../../src/functions/functions");
    const { awaitsImportedRules } = require("../../src/functions/importedRules");
    expect(INDICATORSCORE([[""]], [["≥100%"]], [[0.84]], [[10]], [["%"]])).toEqual([[6]]);
    expect(awaitsImportedRules({ id: "x", data: "{}" })).toBe(true); // still not loaded
  });
});

test("an imported rule set: the first call waits for the validator, then scores by the imported rules", async () => {
  let functions: typeof import("../../src/functions/functions") | undefined;
  jest.isolateModules(() => {
    functions = require("../../src/functions/functions");
  });
  officeWithSettings({ [RULE_SET_SETTING]: custom.id, [RULE_SET_DATA_SETTING]: JSON.stringify(custom) });
  const first = functions!.INDICATORSCORE([[""]], [["≥100%"]], [[0.84]], [[10]], [["%"]]) as unknown;
  expect(first).toBeInstanceOf(Promise);
  // 101号 pass mark: 84% of target scores 6 of 10 (the default rules would give 8.4).
  await expect(first).resolves.toEqual([[6]]);
  // Loaded: later calls are synchronous again.
  expect(functions!.GRADE(85)).toBe("良");
  expect(functions!.EXPLAIN([[""]], [["≥100%"]], [[0.84]], [[10]], [["%"]])[0][0]).toContain("101号及格线");
});
