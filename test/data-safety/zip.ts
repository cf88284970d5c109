/** Test helpers: add parts to a package as Excel, WPS or LibreOffice would write them. */
import JSZip from "jszip";

export interface ExtraPart {
  name: string;
  content: string;
  /** A relationship to it from `from` ("" = the package, or a part name). */
  rel?: { from: string; type: string; target: string };
  /** An Override content type for it. */
  contentType?: string;
}

export const REL = {
  custom: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
  taskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webextension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
  threaded: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
};

export const WPS_CUSTOM_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.12980</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>8F5C2D1A3B4E4F6A9C0D1E2F3A4B5C6D</vt:lpwstr></property></Properties>';

export const CUSTOM_PART: ExtraPart = {
  name: "docProps/custom.xml",
  content: WPS_CUSTOM_XML,
  rel: { from: "", type: REL.custom, target: "docProps/custom.xml" },
  contentType: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
};

function relsName(from: string): string {
  if (from === "") return "_rels/.rels";
  const slash = from.lastIndexOf("/");
  return `${from.slice(0, slash + 1)}_rels/${from.slice(slash + 1)}.rels`;
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export async function withParts(xlsx: Uint8Array, parts: ExtraPart[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let n = 100;
  for (const p of parts) {
    zip.file(p.name, p.content);
    if (p.contentType) {
      types = types.replace("</Types>", `<Override PartName="/${p.name}" ContentType="${p.contentType}"/></Types>`);
    }
    if (p.rel) {
      const name = relsName(p.rel.from);
      const rels = zip.file(name) ? await zip.file(name)!.async("string") : EMPTY_RELS;
      const tag = `<Relationship Id="rId${n++}" Type="${p.rel.type}" Target="${p.rel.target}"/>`;
      zip.file(name, rels.replace("</Relationships>", `${tag}</Relationships>`));
    }
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Every part of a package with its bytes. */
export async function partsOf(xlsx: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("nodebuffer"));
  return out;
}
