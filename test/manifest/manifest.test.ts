/**
 * Structural checks of manifest.xml that need no network (`office-addin-manifest validate` calls an
 * online service and exits 0 when it cannot reach it, so it proves nothing here).
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "../..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const DEV_URL = "https://localhost:3000/";

type Node = { [key: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});
const doc = parser.parse(XML) as Node;

/** Every element named `name` anywhere below `node`, depth first. */
function all(node: unknown, name: string): Node[] {
  const found: Node[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n !== "object" || n === null) return;
    for (const [k, v] of Object.entries(n as Node)) {
      if (k === name) (Array.isArray(v) ? v : [v]).forEach((x) => found.push(x as Node));
      if (!k.startsWith("@_")) walk(v);
    }
  };
  walk(node);
  return found;
}

const one = (node: unknown, name: string): Node => {
  const list = all(node, name);
  expect(list).toHaveLength(1);
  return list[0];
};
/** Direct children named `name` (the schema reuses names such as Hosts, Label, Description). */
const child = (node: Node, name: string): Node => {
  const list = (node[name] ?? []) as Node[];
  expect(list).toHaveLength(1);
  return list[0];
};
const attr = (n: Node, a: string): string | undefined => n[`@_${a}`] as string | undefined;
const byType = (node: unknown, name: string, type: string) =>
  all(node, name).filter((n) => attr(n, "xsi:type") === type);

const resources = one(doc, "Resources");
const definitions = new Map<string, Node>();
for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
  for (const n of all(resources, kind)) {
    const id = attr(n, "id");
    if (id) definitions.set(id, n);
  }
}
const resolve = (resid: string | undefined): string => {
  const def = definitions.get(resid ?? "");
  if (!def) throw new Error(`resid ${resid} is not defined`);
  return attr(def, "DefaultValue") ?? "";
};
const zhOverride = (n: Node): string | undefined => {
  const overrides = [...(all(n, "Override") ?? []), ...(all(n, "bt:Override") ?? [])];
  return overrides.map((o) => (attr(o, "Locale") === "zh-CN" ? attr(o, "Value") : undefined)).find(Boolean);
};

describe("manifest.xml", () => {
  it("is well-formed XML of an Excel task-pane add-in", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(attr(one(doc, "OfficeApp"), "xsi:type")).toBe("TaskPaneApp");
    expect(attr(child(child(one(doc, "OfficeApp"), "Hosts"), "Host"), "Name")).toBe("Workbook");
    expect(String(one(doc, "Id") as unknown)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("defines every resid it uses, once, each at most 32 characters", () => {
    const used = new Set<string>();
    const collect = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(collect);
      if (typeof n !== "object" || n === null) return;
      for (const [k, v] of Object.entries(n as Node)) {
        if (k === "@_resid") used.add(String(v));
        else if (!k.startsWith("@_")) collect(v);
      }
    };
    collect(doc);
    expect(used.size).toBeGreaterThan(5);
    for (const id of used) expect(definitions.has(id)).toBe(true);
    for (const id of [...used, ...definitions.keys()]) expect(id.length).toBeLessThanOrEqual(32);
    const ids = ["bt:Image", "bt:Url", "bt:String"].flatMap((k) => all(resources, k).map((n) => attr(n, "id")));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares one shared runtime with lifetime long, used by the pane, the functions and the ribbon", () => {
    const runtimes = all(doc, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(attr(runtimes[0], "lifetime")).toBe("long");
    const runtimeId = attr(runtimes[0], "resid");
    const customFunctions = byType(doc, "ExtensionPoint", "CustomFunctions");
    expect(customFunctions).toHaveLength(1);
    const pageSource = one(one(customFunctions[0], "Page"), "SourceLocation");
    expect(attr(pageSource, "resid")).toBe(runtimeId);
    expect(attr(one(doc, "FunctionFile"), "resid")).toBe(runtimeId);
    const showTaskpane = byType(doc, "Action", "ShowTaskpane");
    expect(showTaskpane.length).toBeGreaterThan(0);
    for (const a of showTaskpane) expect(attr(one(a, "SourceLocation"), "resid")).toBe(runtimeId);
    // The task pane page is the runtime page: the default source location is the same URL.
    expect(attr(one(one(doc, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(resolve(runtimeId));
  });

  it("has the CustomFunctions extension point with Script, Page, Metadata and a short Namespace", () => {
    const [cf] = byType(doc, "ExtensionPoint", "CustomFunctions");
    expect(resolve(attr(one(one(cf, "Script"), "SourceLocation"), "resid"))).toBe(`${DEV_URL}functions.js`);
    expect(resolve(attr(one(one(cf, "Metadata"), "SourceLocation"), "resid"))).toBe(`${DEV_URL}functions.json`);
    const nsDef = definitions.get(attr(one(cf, "Namespace"), "resid") ?? "")!;
    const values = [attr(nsDef, "DefaultValue"), zhOverride(nsDef)];
    for (const ns of values) {
      expect(ns).toBe("JX");
      expect(ns!.length).toBeLessThanOrEqual(32);
    }
  });

  it("requires SharedRuntime 1.1 and CustomFunctionsRuntime in the base manifest", () => {
    const sets = all(one(doc, "Requirements"), "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]);
    expect(sets).toEqual(
      expect.arrayContaining([
        ["SharedRuntime", "1.1"],
        ["CustomFunctionsRuntime", expect.stringMatching(/^1\.\d+$/)],
      ]),
    );
  });

  it("asks for ReadWriteDocument only", () => {
    const permissions = all(doc, "Permissions");
    expect(permissions).toHaveLength(1);
    expect(String(permissions[0]["#text"] ?? permissions[0]).trim()).toBe("ReadWriteDocument");
  });

  it("puts a 绩效自评 group on the Home tab with a button that opens the task pane (no TaskpaneId)", () => {
    const home = all(doc, "OfficeTab").filter((t) => attr(t, "id") === "TabHome");
    expect(home).toHaveLength(1);
    const group = one(home[0], "Group");
    expect(zhOverride(definitions.get(attr(child(group, "Label"), "resid")!)!)).toBe("绩效自评");
    const buttons = byType(group, "Control", "Button");
    expect(buttons).toHaveLength(1);
    expect(byType(buttons[0], "Action", "ShowTaskpane")).toHaveLength(1);
    // Under a shared runtime a TaskpaneId would open a second pane with a second runtime.
    expect(XML).not.toMatch(/TaskpaneId/);
  });

  it("gives every display string a zh-CN override within Office's length limits", () => {
    for (const name of ["DisplayName", "Description"]) {
      const n = child(one(doc, "OfficeApp"), name);
      expect(zhOverride(n)).toMatch(/[\u4e00-\u9fff]/);
    }
    const shortStrings = all(one(resources, "bt:ShortStrings"), "bt:String");
    const longStrings = all(one(resources, "bt:LongStrings"), "bt:String");
    expect(shortStrings.length + longStrings.length).toBeGreaterThanOrEqual(5);
    for (const [list, max] of [
      [shortStrings, 125],
      [longStrings, 250],
    ] as const) {
      for (const s of list) {
        const zh = zhOverride(s);
        expect(zh).toBeDefined();
        expect(attr(s, "DefaultValue")!.length).toBeLessThanOrEqual(max);
        expect(zh!.length).toBeLessThanOrEqual(max);
        // Only the namespace stays ASCII in Chinese: users type it.
        if (attr(s, "id") !== "Functions.Namespace") expect(zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it("points every icon at a PNG in assets/ of the declared size", () => {
    const icons: [string, number | undefined][] = [
      [attr(one(doc, "IconUrl"), "DefaultValue")!, 32],
      [attr(one(doc, "HighResolutionIconUrl"), "DefaultValue")!, 64],
      ...all(resources, "bt:Image").map((i): [string, number] => [
        attr(i, "DefaultValue")!,
        Number(/(\d+)x\d+$/.exec(attr(i, "id")!)?.[1]),
      ]),
    ];
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const [url, size] of icons) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      const file = path.join(ROOT, url.slice(DEV_URL.length));
      expect(fs.existsSync(file)).toBe(true);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  /** dist/manifest.xml as a production build with ADDIN_PUBLIC_URL=`url` writes it. */
  function productionManifest(url: string): string {
    const saved = process.env.ADDIN_PUBLIC_URL;
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    process.env.ADDIN_PUBLIC_URL = url;
    try {
      let out = "";
      jest.isolateModules(() => {
        const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
        const copy = config.plugins.find((p: object) => "patterns" in p);
        const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
        out = String(pattern.transform(Buffer.from(XML)));
      });
      return out;
    } finally {
      warn.mockRestore();
      if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
      else process.env.ADDIN_PUBLIC_URL = saved;
    }
  }

  it("uses only the dev URL, which a production build replaces everywhere", () => {
    const urls = [...XML.matchAll(/https?:\/\/[^"<\s]+/g)]
      .map((m) => m[0])
      .filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org"));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(DEV_URL.slice(0, -1))).toBe(true);

    const prod = "https://intranet.example/jx/";
    // Given with or without the trailing slash, the manifest gets ".../jx/taskpane.html".
    for (const given of [prod, prod.slice(0, -1)]) {
      const out = productionManifest(given);
      expect(out).not.toContain("localhost");
      expect(out.split(prod).length - 1).toBe(XML.split(DEV_URL).length - 1);
      expect(out).toContain(`${prod}taskpane.html`);
    }
  });
});
