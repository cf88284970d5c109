/**
 * Turns anything an operation throws into a message a finance user can read, in the pane's
 * language: never a stack trace. An error is recognised by its code (Office's, the Office
 * adapter's, an operation's), never by the language of its text; what Excel said in its own
 * words is kept as the detail for IT.
 */
import { OperationError } from "../ops/errors";
import type { Strings } from "./strings";

export interface UserMessage {
  text: string;
  /** A short technical hint for IT (the error's own words), never a stack. */
  detail?: string;
}

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

/** The words Excel (or the runtime) used, which the Office adapter keeps as `detail`. */
function hostWords(e: unknown): string | undefined {
  const d = typeof e === "object" && e !== null ? (e as { detail?: unknown }).detail : undefined;
  return typeof d === "string" && d ? d.split(/\r?\n/)[0].slice(0, 200) : undefined;
}

/** Headlines by code: Office's own codes and the Office adapter's (src/host/office/errors.ts). */
function headline(code: string | undefined, s: Strings): string | undefined {
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return s.errEditMode;
    case "ItemNotFound":
      return s.errNotFound;
    case "ItemAlreadyExists":
      return s.errExists;
    case "AccessDenied":
    case "InsertDeleteConflict":
      return s.errAccessDenied;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return s.errTooLarge;
    case "NoHost":
      return s.errNoHost;
    case "InvalidPlan":
      return s.errInvalidPlan;
    case "Internal":
      return s.errInternal;
    default:
      return undefined;
  }
}

export function describeError(e: unknown, s: Strings): UserMessage {
  if (e instanceof OperationError) return { text: e.messageIn(s.locale) };
  const code = officeCode(e);
  const known = headline(code, s);
  const detail = hostWords(e);
  if (known) return detail ? { text: known, detail } : { text: known };
  // Anything else: the generic sentence, with the code and the error's first line for IT.
  return { text: s.failedGeneric, detail: [code, detail ?? firstLine(e)].filter(Boolean).join(": ") || undefined };
}
