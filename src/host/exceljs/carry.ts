/**
 * Parts exceljs reads past and that nothing in a written workbook refers to but a relationship:
 * custom document properties (docProps/custom.xml — WPS's KSOProductBuildVer, a company's own
 * fields), the thumbnail, Office add-in task panes and their settings, custom XML data. exceljs
 * drops them on save; they are copied from the input into the written package unchanged, with
 * their relationship and content type, so calc and freeze keep them.
 */
import type JSZip from "jszip";
import {
  contentTypeTag,
  insertBeforeClose,
  parseRelationships,
  partText,
  relsPartOf,
  resolveTarget,
  type Relationship,
} from "./opc";

/** Which relationships of which source part point at a part that can be carried as it is. */
const CARRIED: { source: string; type: RegExp }[] = [
  { source: "", type: /\/(custom-properties|metadata\/thumbnail|webextensiontaskpanes)$/ },
  { source: "xl/workbook.xml", type: /\/customXml$/ },
];

const CONTENT_TYPES = "[Content_Types].xml";

/** A part and everything it reaches through its own relationships (its rels part included). */
async function closureOf(zip: JSZip, part: string, into: Set<string> = new Set()): Promise<Set<string>> {
  if (into.has(part) || !zip.file(part)) return into;
  into.add(part);
  const rels = relsPartOf(part);
  if (!zip.file(rels)) return into;
  into.add(rels);
  for (const r of parseRelationships(await partText(zip, rels))) {
    if (!r.external) await closureOf(zip, resolveTarget(part, r.target), into);
  }
  return into;
}

/** A relationship id the output's rels part does not use yet. */
function freshId(used: Set<string>): string {
  let n = 1;
  while (used.has(`rIdJx${n}`)) n++;
  used.add(`rIdJx${n}`);
  return `rIdJx${n}`;
}

interface Patch {
  /** The output's rels part of the source and [Content_Types].xml, as text being patched. */
  rels: string;
  types: string;
  ids: Set<string>;
}

/** Copy one relationship's parts into the output; false when a name is taken there (nothing copied). */
async function carryOne(
  input: JSZip,
  output: JSZip,
  source: string,
  rel: Relationship,
  patch: Patch,
  inputTypes: string,
): Promise<boolean> {
  const parts = await closureOf(input, resolveTarget(source, rel.target));
  if (parts.size === 0 || [...parts].some((p) => output.file(p))) return false;
  for (const p of parts) output.file(p, await input.file(p)!.async("uint8array"));
  for (const p of parts) {
    if (p.endsWith(".rels")) continue;
    const want = contentTypeTag(inputTypes, p);
    const have = contentTypeTag(patch.types, p);
    // An Override is always copied; a Default only when the output knows no type for the extension.
    if (want && (want.override ? !have?.override : !have))
      patch.types = insertBeforeClose(patch.types, "Types", want.tag);
  }
  const id = freshId(patch.ids);
  patch.rels = insertBeforeClose(
    patch.rels,
    "Relationships",
    `<Relationship Id="${id}" Type="${rel.type}" Target="${rel.target}"/>`,
  );
  return true;
}

/**
 * Copy what the input had and the output lacks (see CARRIED) into `output`, in place.
 * Returns the part names carried; a part whose name exceljs used for something else is left
 * for the audit to report as lost.
 */
export async function carryParts(input: JSZip, output: JSZip): Promise<string[]> {
  const carried: string[] = [];
  let types = await partText(output, CONTENT_TYPES);
  const inputTypes = await partText(input, CONTENT_TYPES);
  for (const { source, type } of CARRIED) {
    const relsName = relsPartOf(source);
    const outRels = await partText(output, relsName);
    if (!outRels) continue;
    const kept = new Set(parseRelationships(outRels).map((r) => resolveTarget(source, r.target)));
    const patch: Patch = { rels: outRels, types, ids: new Set(parseRelationships(outRels).map((r) => r.id)) };
    for (const rel of parseRelationships(await partText(input, relsName))) {
      const target = resolveTarget(source, rel.target);
      if (rel.external || !type.test(rel.type) || kept.has(target)) continue;
      if (await carryOne(input, output, source, rel, patch, inputTypes)) carried.push(target);
    }
    if (patch.rels !== outRels) output.file(relsName, patch.rels);
    types = patch.types;
  }
  if (carried.length > 0) output.file(CONTENT_TYPES, types);
  return carried;
}
