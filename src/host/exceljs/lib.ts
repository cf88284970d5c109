/**
 * exceljs and JSZip, loaded on first use. Every command lives in one bundle, and a pool worker
 * starts by evaluating all of it: importing exceljs at the top of a module made each worker
 * initialise exceljs (and the zip libraries it pulls in) before its first file, although a
 * worker checking forms through the light reader (./light) never touches it.
 */
import type ExcelJSModule from "exceljs";
import type JSZipModule from "jszip";

export function excel(): typeof ExcelJSModule {
  return require("exceljs") as typeof ExcelJSModule;
}

export function jszip(): typeof JSZipModule {
  return require("jszip") as typeof JSZipModule;
}
