/** How any failure of a command ends: one zh-CN line on stderr (a pointer to --help for usage) and exit 2. */
import { UsageError } from "./args";
import { EXIT, type CliIo } from "./io";
import { describeError } from "./open";

export function reportFailure(e: unknown, io: CliIo): number {
  if (e instanceof UsageError) io.stderr(`用法错误：${e.message}\n运行 ziping --help 查看用法。\n`);
  else io.stderr(`${describeError(e)}\n`);
  return EXIT.failure;
}
