/**
 * `npm ci` warns that nanoid@6, a dependency docx declares (^6.0.1), wants Node ≥ 22 while we run
 * Node 20. No nanoid 6 declares Node 20, and an override to nanoid 5 would go outside docx's range.
 * The warning is harmless because docx never loads that package: its build copies nanoid's
 * non-secure generator (Math.random, no Node API) into every file of its dist/, which is all that
 * our CLI bundle, the pane's chunks and jest load. These tests fail the day a docx release
 * starts loading nanoid itself — then the warning matters and the README's note must go.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const docxDist = path.dirname(require.resolve("docx"));

test("no file of docx's dist/ requires or imports the nanoid package", () => {
  const reach = /(?:require\s*\(\s*|from\s*|import\s*\(\s*)["']nanoid(?:\/[^"']*)?["']/;
  const files = fs.readdirSync(docxDist).filter((f) => /\.(c?js|mjs)$/.test(f));
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((f) => reach.test(fs.readFileSync(path.join(docxDist, f), "utf8")))).toEqual([]);
});

test("docx writes a document (ids included) under this Node without loading nanoid", () => {
  // A plain Node process: it resolves docx as our CLI does, with no jest module registry in between.
  const script = `
    const Module = require("module");
    const asked = [];
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (/^nanoid(\\/|$)/.test(request)) asked.push(request);
      return resolve.call(this, request, ...rest);
    };
    const { Document, Packer, Paragraph, TextRun, FootnoteReferenceRun } = require("docx");
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph("注")] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun("自评报告"), new FootnoteReferenceRun(1)] })] }],
    });
    Packer.toBuffer(doc).then((b) => process.stdout.write(JSON.stringify({ bytes: b.length, asked })));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as {
    bytes: number;
    asked: string[];
  };
  expect(out.bytes).toBeGreaterThan(1000);
  expect(out.asked).toEqual([]);
});
