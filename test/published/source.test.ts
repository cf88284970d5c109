/** Every corpus .xlsx is exactly its JSON transcription (run build.ts after editing a source). */
import * as fs from "fs";
import * as path from "path";
import { differenceFromSource, loadCorpusForm } from "./corpus";

const SRC = path.join(__dirname, "src");
const forms = fs
  .readdirSync(SRC)
  .filter((f) => f.endsWith(".json"))
  .map((f) => loadCorpusForm(path.join(SRC, f)));

test("the corpus has at least 30 forms from at least 10 provinces, both kinds", () => {
  expect(forms.length).toBeGreaterThanOrEqual(30);
  expect(new Set(forms.map((f) => f.province)).size).toBeGreaterThanOrEqual(10);
  expect(new Set(forms.map((f) => f.kind))).toEqual(new Set(["project", "department"]));
});

test.each(forms.map((f) => [f.id, f] as const))("%s.xlsx matches its source", async (_id, form) => {
  expect(await differenceFromSource(form, path.join(__dirname, `${form.id}.xlsx`))).toBeNull();
});

test("index.json lists every form", () => {
  const index = JSON.parse(fs.readFileSync(path.join(__dirname, "index.json"), "utf8")) as { file: string }[];
  expect(index.map((e) => e.file).sort()).toEqual(forms.map((f) => `${f.id}.xlsx`).sort());
});
