/** How any failure of a command ends: one line on stderr in the chosen language (a pointer to --help for usage) and exit 2. */
import { UsageError } from "./args";
import { EXIT, type CliIo } from "./io";
import { describeError } from "./open";

export function reportFailure(e: unknown, io: CliIo, lang: "zh-CN" | "en" = "zh-CN"): number {
  if (e instanceof UsageError) {
    io.stderr(
      lang === "en"
        ? `Usage error: ${e.messageEn}\nRun ziping --help for usage.\n`
        : `用法错误：${e.message}\n运行 ziping --help 查看用法。\n`,
    );
  } else io.stderr(`${describeError(e, lang)}\n`);
  return EXIT.failure;
}
