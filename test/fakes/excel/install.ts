/**
 * Puts the strict fake in place of Office: defines the `Excel` and `Office` globals the adapter
 * uses. Works in jest (node) and in a browser page (the end-to-end test); no Node APIs.
 */
import { FakeRequestContext } from "./core";
import { FakeWorkbook } from "./state";
import { FakeWorkbookObject } from "./workbook";

type Batch<R> = (context: FakeRequestContext & { workbook: FakeWorkbookObject }) => Promise<R>;

export interface InstalledFake {
  workbook: FakeWorkbook;
  /** Remove the globals again (restores what was there before). */
  uninstall(): void;
}

/** Excel's enums the adapter reads, with Office's string values. */
const ExcelEnums = {
  ConditionalFormatType: {
    custom: "Custom",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
    containsText: "ContainsText",
    cellValue: "CellValue",
  },
  RangeValueType: {
    unknown: "Unknown",
    empty: "Empty",
    string: "String",
    integer: "Integer",
    double: "Double",
    boolean: "Boolean",
    error: "Error",
    richValue: "RichValue",
  },
  BorderIndex: {
    edgeTop: "EdgeTop",
    edgeBottom: "EdgeBottom",
    edgeLeft: "EdgeLeft",
    edgeRight: "EdgeRight",
    insideVertical: "InsideVertical",
    insideHorizontal: "InsideHorizontal",
    diagonalDown: "DiagonalDown",
    diagonalUp: "DiagonalUp",
  },
  BorderWeight: { hairline: "Hairline", thin: "Thin", medium: "Medium", thick: "Thick" },
  BorderLineStyle: { none: "None", continuous: "Continuous", dash: "Dash", dot: "Dot", double: "Double" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
  PaperType: { a4: "A4", letter: "Letter", a3: "A3" },
  ErrorCodes: {
    itemNotFound: "ItemNotFound",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    propertyNotLoaded: "PropertyNotLoaded",
    requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    itemAlreadyExists: "ItemAlreadyExists",
  },
};

export function createExcelGlobal(wb: FakeWorkbook): Record<string, unknown> {
  return {
    ...ExcelEnums,
    RequestContext: function RequestContext() {
      return new FakeRequestContext(wb, (ctx) => new FakeWorkbookObject(ctx));
    },
    async run<R>(a: unknown, b?: unknown): Promise<R> {
      // Excel.run(batch) or Excel.run(options | object, batch).
      const batch = (typeof a === "function" ? a : b) as Batch<R>;
      const ctx = new FakeRequestContext(wb, (c) => new FakeWorkbookObject(c)) as FakeRequestContext & {
        workbook: FakeWorkbookObject;
      };
      const result = await batch(ctx);
      // Excel.run sends whatever the batch left queued: a round trip like any other.
      if (ctx.pending > 0) await ctx.sync();
      return result;
    },
  };
}

export function createOfficeGlobal(wb: FakeWorkbook): Record<string, unknown> {
  const settings = {
    get: (name: string): unknown => (name in wb.settings ? wb.settings[name] : null),
    set: (name: string, value: unknown): void => {
      wb.settings[name] = value as string;
    },
    remove: (name: string): void => {
      delete wb.settings[name];
    },
    saveAsync: (...args: unknown[]): void => {
      wb.savedSettings = { ...wb.settings };
      const cb = args.find((a) => typeof a === "function") as ((r: unknown) => void) | undefined;
      if (cb) setTimeout(() => cb({ status: "succeeded", value: undefined, error: null }), 0);
    },
  };
  const info = { host: "Excel", platform: "OfficeOnline" };
  return {
    HostType: { Excel: "Excel" },
    PlatformType: {
      OfficeOnline: "OfficeOnline",
      PC: "PC",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: (cb?: (i: typeof info) => void): Promise<typeof info> => {
      if (cb) cb(info);
      return Promise.resolve(info);
    },
    context: {
      get displayLanguage(): string {
        return wb.displayLanguage;
      },
      document: { settings },
      diagnostics: {
        host: "Excel",
        get platform(): string {
          return wb.platform;
        },
        version: "16.0",
      },
      requirements: {
        isSetSupported: (name: string, version?: string): boolean =>
          !wb.unsupportedSets.has(`${name} ${version ?? ""}`.trim()),
      },
    },
    actions: { associate: (): void => undefined },
  };
}

/**
 * Define `Excel` and `Office` on `target` (globalThis in jest or a browser) backed by `workbook`.
 * Returns the workbook state for assertions and an uninstall function.
 */
export function installFakeOffice(target: object, workbook: FakeWorkbook = new FakeWorkbook()): InstalledFake {
  const g = target as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  g.Excel = createExcelGlobal(workbook);
  g.Office = createOfficeGlobal(workbook);
  return {
    workbook,
    uninstall: () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    },
  };
}
