/**
 * Turns anything an operation throws into a message a finance user can read: never a stack
 * trace. Office errors carry a `code`; the common ones get their own Chinese sentence.
 */
import type { Strings } from "./strings";

export interface UserMessage {
  text: string;
  /** A short technical hint for IT (the error's own message), never a stack. */
  detail?: string;
}

const CJK = /[\u4e00-\u9fff]/;

function officeCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string") {
    return (e as { code: string }).code;
  }
  return undefined;
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  // Only the first line: some hosts append stack-like debug text after a newline.
  return msg.split(/\r?\n/)[0].trim().slice(0, 200);
}

export function describeError(e: unknown, s: Strings): UserMessage {
  const code = officeCode(e);
  const msg = firstLine(e);
  if (code === "InvalidOperationInCellEditMode") return { text: s.errEditMode };
  if (code === "ItemNotFound") return { text: s.errNotFound, detail: msg || undefined };
  if (code === "AccessDenied") return { text: s.errAccessDenied, detail: msg || undefined };
  // The operations and the engine throw Chinese sentences meant for users: show them as they are,
  // with what Excel said in its own words (if anything) as the detail for IT.
  const extra = typeof e === "object" && e !== null ? (e as { detail?: unknown }).detail : undefined;
  if (msg && CJK.test(msg)) return typeof extra === "string" && extra ? { text: msg, detail: extra } : { text: msg };
  return { text: s.failedGeneric, detail: [code, msg].filter(Boolean).join(": ") || undefined };
}
