/**
 * Progress of a long review or check on stderr: a bar with an ETA redrawn in place when stderr
 * is a terminal, about twenty plain lines otherwise (a log file must not fill with carriage returns).
 */
import type { Locale } from "../../engine";

export interface ProgressSink {
  stderr(text: string): void;
  isTTY?: boolean;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export interface ProgressOptions {
  /** The word before the count (default 已审核 / reviewed). */
  label?: { zh: string; en: string };
  /** Fewer inputs than this print nothing (default 2). */
  from?: number;
  now?: () => number;
}

/** `tick()` once per input settled; the ETA is the mean time per input so far times what is left. */
export function reviewProgress(total: number, io: ProgressSink, locale: Locale, options: ProgressOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const start = now();
  const step = Math.max(1, Math.ceil(total / 20));
  let done = 0;
  const words = options.label ?? { zh: "已审核", en: "reviewed" };
  const label = locale === "en" ? words.en : words.zh;
  const eta = locale === "en" ? "ETA" : "预计剩余";
  return {
    tick(): void {
      done++;
      if (total < (options.from ?? 2)) return;
      const left = (((now() - start) / done) * (total - done)) / 1000;
      if (io.isTTY) {
        const width = 24;
        const filled = Math.round((done / total) * width);
        const bar = "█".repeat(filled) + "░".repeat(width - filled);
        io.stderr(`\r${bar} ${label} ${done}/${total}  ${eta} ${clock(left)}${done === total ? "\n" : ""}`);
      } else if (done % step === 0 || done === total) {
        io.stderr(`${label} ${done}/${total}\n`);
      }
    },
  };
}
