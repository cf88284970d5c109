/** Why the pool (./pool.ts) could not process a file, as the one line the user reads. */
export type PoolFailureKind = "timeout" | "memory" | "crash";

export type PoolFailure = { ok: false; kind: PoolFailureKind; message: string };

export type PoolLang = "zh-CN" | "en" | undefined;

/** The Chinese (or English) reason a file was not processed. */
export function poolFailure(kind: PoolFailureKind, lang: PoolLang, detail?: string | number): PoolFailure {
  const en = lang === "en";
  const text = String(detail ?? "")
    .split("\n")[0]
    .slice(0, 120);
  const message =
    kind === "timeout"
      ? en
        ? `timed out: still running after ${text} s and stopped (raise it with --timeout)`
        : `超时：超过 ${text} 秒仍未完成，已停止处理该文件（可用 --timeout 调整）`
      : kind === "memory"
        ? en
          ? `too large: needed more than ${text} MB of memory and was stopped`
          : `过大：处理该文件所需内存超过 ${text} MB 的上限，已停止`
        : en
          ? `failed: the worker stopped unexpectedly (${text})`
          : `失败：处理该文件时工作线程意外退出（${text}）`;
  return { ok: false, kind, message };
}

/** A worker's error event as a failure: out of memory is 过大, anything else 失败. */
export function poolFailureOf(e: Error, lang: PoolLang, memoryMb: number): PoolFailure {
  const code = (e as { code?: string }).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory|heap/i.test(e.message)) {
    return poolFailure("memory", lang, memoryMb);
  }
  return poolFailure("crash", lang, e.message);
}
