/** @jest-environment jsdom */
/**
 * A rule file imported through the pane (fake host: an in-memory port): a valid file is stored in
 * the workbook (id + JSON) and chosen; a broken one lists its problems with their paths and writes
 * nothing; a workbook that already carries an imported rule set shows it on open. Version B's
 * note tells the user that 90.00 is left ungraded.
 */
import * as fs from "fs";
import * as path from "path";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { RULE_SET_DATA_SETTING, RULE_SET_SETTING } from "../../src/host/settings";
import { MemoryPort } from "./memoryPort";
import { renderPane } from "./renderPane";

const example = fs.readFileSync(path.resolve(__dirname, "../../docs/examples/rules-example.json"), "utf8");

function pick(text: string) {
  const file = new File([text], "rules.json", { type: "application/json" });
  fireEvent.change(screen.getByTestId("rule-file-input"), { target: { files: [file] } });
}

const select = () => screen.getByRole("combobox", { name: /评分规则/ }) as HTMLSelectElement;

test("a valid rule file is stored in the workbook and chosen", async () => {
  const port = new MemoryPort();
  renderPane({ port });
  pick(example);
  await waitFor(() => expect(select().value).toBe("example-city-2024"), { timeout: 5000 });
  expect(await port.getSetting(RULE_SET_SETTING)).toBe("example-city-2024");
  expect(JSON.parse((await port.getSetting(RULE_SET_DATA_SETTING)) ?? "{}").label).toMatch(/示例市2024/);
});

test("a broken rule file lists its problems with paths and writes nothing", async () => {
  const port = new MemoryPort();
  renderPane({ port });
  const bad = JSON.parse(example);
  delete bad.total;
  bad.execution.kind = "steps";
  pick(JSON.stringify(bad));
  await screen.findByText(/total：缺少此项/, undefined, { timeout: 5000 });
  expect(screen.getByText(/execution\.kind：只能取/)).toBeTruthy();
  expect(port.settingWrites).toEqual([]);
});

test("in English, a broken rule file's problems are in English", async () => {
  const port = new MemoryPort();
  renderPane({ port, locale: "en" });
  const bad = JSON.parse(example);
  delete bad.total;
  bad.execution.kind = "steps";
  pick(JSON.stringify(bad));
  await screen.findByText(/total: missing \(should be a number\)/, undefined, { timeout: 5000 });
  const item = screen.getByText(/execution\.kind: can only be/);
  expect(item.closest("ul")?.textContent).not.toMatch(/[\u4e00-\u9fff]/u);
  expect(port.settingWrites).toEqual([]);
});

test("a workbook carrying an imported rule set shows it on open", async () => {
  const port = new MemoryPort({
    settings: { [RULE_SET_SETTING]: "example-city-2024", [RULE_SET_DATA_SETTING]: example },
  });
  renderPane({ port });
  await waitFor(() => expect(select().value).toBe("example-city-2024"));
  expect(port.settingWrites).toEqual([]);
});

test("version B's note says 90.00 is ungraded", async () => {
  const port = new MemoryPort({ settings: { [RULE_SET_SETTING]: "mof-platform-b" } });
  renderPane({ port });
  await waitFor(() => expect(select().value).toBe("mof-platform-b"));
  expect(screen.getByTestId("rule-set-note").textContent).toContain("90.00 不落入任何等级");
});
