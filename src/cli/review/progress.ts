/**
 * Progress of a long review on stderr: a bar with an ETA redrawn in place when stderr is a
 * terminal, about twenty plain lines otherwise (a log file must not fill with carriage returns).
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

export function reviewProgress(total: number, io: ProgressSink, locale: Locale, now = () => Date.now()) {
  const start = now();
  const step = Math.max(1, Math.ceil(total / 20));
  let done = 0;
  const label = locale === "en" ? "reviewed" : "已审核";
  const eta = locale === "en" ? "ETA" : "预计剩余";
  return {
    tick(): void {
      done++;
      if (total < 2) return;
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
