/**
 * exceljs and JSZip, loaded on first use. Every command lives in one bundle, and a pool worker
 * starts by evaluating all of it: importing exceljs at the top of a module made each worker
 * initialise exceljs (and the zip libraries it pulls in) before its first file, although a
 * worker checking forms through the light reader (./light) never touches it.
 */
import type ExcelJSModule from "exceljs";
import type JSZipModule from "jszip";

/**
 * Thrown where exceljs is needed in a process started without it: the light pool worker
 * (src/cli/lightWorker.ts) hands such a file to the full CLI bundle, which reads it with exceljs.
 */
export class ExceljsElsewhere extends Error {
  constructor() {
    super("exceljs is not in this bundle");
  }
}

let elsewhere = false;

/** From now on, needing exceljs or JSZip throws ExceljsElsewhere (the light pool worker). */
export function exceljsElsewhere(): void {
  elsewhere = true;
}

export function excel(): typeof ExcelJSModule {
  if (elsewhere) throw new ExceljsElsewhere();
  return require("exceljs") as typeof ExcelJSModule;
}

export function jszip(): typeof JSZipModule {
  if (elsewhere) throw new ExceljsElsewhere();
  return require("jszip") as typeof JSZipModule;
}
