/** Inputs: files and folders → the .xlsx files to read; a bounded pool to work on them. */
import * as fs from "fs/promises";
import * as path from "path";

export interface Expanded {
  files: string[];
  /** Inputs that do not exist, with a zh-CN reason. */
  missing: { input: string; message: string }[];
}

/** Office lock files (~$x.xlsx) and hidden files are never workbooks a user meant. */
const isWorkbookName = (name: string, legacy: boolean) =>
  (legacy ? /\.(xlsx|xls|et)$/i : /\.xlsx$/i).test(name) && !name.startsWith("~$") && !name.startsWith(".");

async function walk(dir: string, into: string[], legacy: boolean): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, into, legacy);
    else if (e.isFile() && isWorkbookName(e.name, legacy)) into.push(p);
  }
}

const MISSING = {
  "zh-CN": {
    none: "找不到文件或文件夹",
    empty: "文件夹中没有 .xlsx 文件",
    emptyAny: "文件夹中没有 .xlsx、.xls 或 .et 文件",
  },
  en: {
    none: "no such file or folder",
    empty: "the folder holds no .xlsx file",
    emptyAny: "the folder holds no .xlsx, .xls or .et file",
  },
};

/** `legacy`: also .xls and WPS .et files (review reads them through LibreOffice). */
export async function expandInputs(
  inputs: string[],
  cwd: string,
  lang: "zh-CN" | "en" = "zh-CN",
  legacy = false,
): Promise<Expanded> {
  const say = MISSING[lang];
  const files: string[] = [];
  const missing: Expanded["missing"] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const st = await fs.stat(abs).catch(() => null);
    if (!st) missing.push({ input, message: say.none });
    else if (st.isDirectory()) {
      const before = files.length;
      await walk(abs, files, legacy);
      if (files.length === before) missing.push({ input, message: legacy ? say.emptyAny : say.empty });
    } else files.push(abs);
  }
  return { files: [...new Set(files)], missing };
}

/** Run `work` over items with at most `limit` at a time; results keep the items' order. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(lanes);
  return results;
}

export class TimeoutError extends Error {}

/** Reject after `ms`; the timer never keeps the process alive. */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new TimeoutError()), ms);
    t.unref?.();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
