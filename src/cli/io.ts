/** What the CLI touches outside itself, so tests run it in-process and capture its output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Relative paths resolve against this. */
  cwd: string;
  /** stderr is a terminal (progress redraws in place). */
  isTTY?: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** Exit codes: 0 clean, 1 error findings, 2 unreadable input or wrong usage. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** An error escaping everything (a bug) still ends as one line and exit 2, never a stack trace. */
export function exitOnEscapedError(): void {
  process.on("uncaughtException", (e) => {
    process.stderr.write(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
