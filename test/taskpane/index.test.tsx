/** @jest-environment jsdom */
// index.tsx is the only Office wiring: it must render the pane over the Office adapter once
// Office is ready, and say so in words when office.js never loaded.
import { screen, waitFor } from "@testing-library/react";
import { RULE_SET_SETTING } from "../../src/host/settings";
import { FakeWorkbook, installFakeOffice } from "../fakes/excel";

beforeEach(() => {
  jest.resetModules();
  document.body.innerHTML = '<div id="container"></div>';
});

it("explains that Office.js is missing instead of throwing", () => {
  expect(typeof (globalThis as { Office?: unknown }).Office).toBe("undefined");
  jest.isolateModules(() => require("../../src/taskpane/index"));
  expect(document.getElementById("container")!.textContent).toMatch(/无法加载 Office\.js/);
});

it("renders the pane over the Office adapter, in English for an English Office, with the stored rules", async () => {
  const workbook = new FakeWorkbook({
    sheets: { Sheet1: [] },
    displayLanguage: "en-US",
    settings: { [RULE_SET_SETTING]: "exec20" },
  });
  const fake = installFakeOffice(globalThis, workbook);
  try {
    // The isolated module graph has its own React, which Testing Library's act() cannot wrap:
    // rely on polling (findBy/waitFor) and tell that React it is not under act.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    // Not isolateModules: the panels load later through import(), which must resolve in the
    // same module registry as the React that rendered them (beforeEach reset the registry).
    require("../../src/taskpane/index");
    expect(await screen.findByRole("heading", { name: "Performance Self-Evaluation" })).toBeTruthy();
    const select = screen.getByRole("combobox", { name: /Scoring rules/ }) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe("exec20"));
    // A new choice is saved into the document and the JX.* cells are recalculated under it.
    // A plain DOM event: Testing Library's fireEvent would wrap it in the other React's act().
    select.value = "mof-2020";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await waitFor(() => expect(workbook.calculations).toEqual(["Full"]));
    expect(workbook.savedSettings[RULE_SET_SETTING]).toBe("mof-2020");
  } finally {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    fake.uninstall();
  }
});
