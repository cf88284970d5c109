/** An operation that cannot proceed for a reason the user can act on; `message` is zh-CN. */
export class OperationError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = "OperationError";
  }
}
