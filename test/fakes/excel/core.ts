/**
 * The strict machinery of the Excel fake: a request context that queues commands and runs them
 * at `sync()`, and proxy objects whose properties throw until a sync has loaded them.
 *
 * office-addin-mock answers unloaded reads with sentinel strings, so code that forgets a
 * `load` or a `sync` passes its tests and fails in Excel. Here it throws, as Office does.
 */
import type { FakeWorkbook } from "./state";

/** What Office throws at sync (OfficeExtension.Error): a code, a message, debugInfo. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export const notLoaded = (what: string): FakeOfficeError =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

interface QueuedOp {
  run: () => void;
  /** JSON size of what the command sends (written values), for the request-payload limit. */
  requestBytes: number;
}

export class FakeRequestContext {
  /** Syncs this context has completed. */
  syncsCompleted = 0;
  private queue: QueuedOp[] = [];
  /** Loaded data waits here until every command of the sync ran, then becomes readable at once. */
  private commits: (() => void)[] = [];
  private responseBytes = 0;
  /** Office's tracked-objects API, accepted and ignored. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly workbook: unknown;

  constructor(
    readonly wb: FakeWorkbook,
    makeWorkbook: (ctx: FakeRequestContext) => unknown,
  ) {
    this.workbook = makeWorkbook(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(run: () => void, requestBytes = 0): void {
    this.queue.push({ run, requestBytes });
  }

  /** Called by a load command while it runs: data to publish if the sync succeeds. */
  publish(bytes: number, commit: () => void): void {
    this.responseBytes += bytes;
    this.commits.push(commit);
  }

  async sync(): Promise<void> {
    this.wb.syncCount++;
    const batch = this.queue;
    this.queue = [];
    this.commits = [];
    this.responseBytes = 0;
    // Commands run after an await, so code that reads without awaiting sync() still throws.
    await Promise.resolve();
    const limits = this.wb.limits;
    const sent = batch.reduce((n, op) => n + op.requestBytes, 0);
    if (limits.requestPayloadBytes !== undefined && sent > limits.requestPayloadBytes) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${sent} bytes) has exceeded the limit.`,
      );
    }
    try {
      for (const op of batch) op.run();
    } catch (e) {
      this.syncsCompleted++;
      throw toOfficeError(e);
    }
    this.syncsCompleted++;
    if (limits.responsePayloadBytes !== undefined && this.responseBytes > limits.responsePayloadBytes) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`,
      );
    }
    for (const c of this.commits) c();
  }
}

function toOfficeError(e: unknown): FakeOfficeError {
  if (e instanceof FakeOfficeError) return e;
  return new FakeOfficeError("InvalidArgument", e instanceof Error ? e.message : String(e));
}

/** A scalar property: how to read it from the state and (optionally) write it, both at sync. */
export interface PropDef {
  get: () => unknown;
  set?: (v: unknown) => void;
}

/** Names every proxy answers without a load (internal and JS-protocol names). */
const PASS_THROUGH = new Set(["then", "toJSON", "constructor", "context", "isNullObject", "load", "set"]);

/**
 * Base of every fake API object. `T` is the state the object stands for (a sheet, a range…),
 * bound when a sync runs the command that created it; null for a null object.
 *
 * The constructor returns a Proxy: a declared scalar property throws until loaded and synced;
 * an undeclared property throws "not implemented", so the fake never silently answers undefined.
 */
export abstract class FakeObject<T> {
  readonly context: FakeRequestContext;
  _target: T | null | undefined = undefined;
  readonly _resolve: () => T | null;
  readonly _createdAt: number;
  readonly _nullable: boolean;
  _loaded = new Map<string, unknown>();
  _children = new Map<string, FakeObject<unknown>>();
  readonly _typeName: string;

  constructor(ctx: FakeRequestContext, typeName: string, resolve: () => T | null, nullable = false) {
    this.context = ctx;
    this._typeName = typeName;
    this._resolve = resolve;
    this._nullable = nullable;
    this._createdAt = ctx.syncsCompleted;
    return new Proxy(this, {
      get: (target, prop, receiver) => {
        if (typeof prop === "symbol" || prop.startsWith("_") || PASS_THROUGH.has(prop)) {
          return Reflect.get(target, prop, receiver);
        }
        const scalars = target._scalars();
        if (prop in scalars) {
          if (!target._loaded.has(prop)) throw notLoaded(`${target._typeName}.${prop}`);
          return target._loaded.get(prop);
        }
        if (prop in target) return Reflect.get(target, prop, receiver);
        throw new Error(`Fake Excel: ${target._typeName}.${prop} is not implemented`);
      },
      set: (target, prop, value, receiver) => {
        if (typeof prop === "symbol" || prop.startsWith("_")) return Reflect.set(target, prop, value, receiver);
        const def = target._scalars()[prop];
        if (!def?.set) throw new Error(`Fake Excel: ${target._typeName}.${prop} cannot be set`);
        const setter = def.set;
        target.context.enqueue(() => {
          if (target._t() === null) return; // writes to a null object do nothing
          setter(value);
        }, jsonSize(value));
        return true;
      },
    });
  }

  /** Scalar properties (loadable; settable where `set` is given). */
  abstract _scalars(): Record<string, PropDef>;

  /** Navigation properties: child objects that `load("child/prop")` reaches. */
  _nav(): Record<string, () => FakeObject<unknown>> {
    return {};
  }

  /** The bound state, resolving it on first use (which happens inside a sync). */
  _t(): T | null {
    if (this._target === undefined) {
      const t = this._resolve();
      if (t === null && !this._nullable) throw new FakeOfficeError("ItemNotFound", `${this._typeName} not found`);
      this._target = t;
    }
    return this._target;
  }

  /** Bind now (as a queued command): what a creating method such as getItem or add does. */
  _bindAtSync(): void {
    this.context.enqueue(() => void this._t());
  }

  /** The state, or an error for a command run against a null object. */
  _must(): T {
    const t = this._t();
    if (t === null) throw new FakeOfficeError("InvalidOperation", `${this._typeName} is a null object`);
    return t;
  }

  get isNullObject(): boolean {
    if (this.context.syncsCompleted <= this._createdAt) throw notLoaded(`${this._typeName}.isNullObject`);
    return this._t() === null;
  }

  /** A cached navigation child, so `range.format.font` is one object. */
  _child<C extends FakeObject<unknown>>(name: string, make: () => C): C {
    let c = this._children.get(name);
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c as C;
  }

  load(arg?: string | string[] | { select?: string }): this {
    const paths = normalizePaths(arg);
    const own: string[] = [];
    const byChild = new Map<string, string[]>();
    const special = new Map<string, string[]>();
    const scalars = this._scalars();
    const nav = this._nav();
    for (const p of paths.length ? paths : Object.keys(scalars)) {
      const [head, ...rest] = p.split("/");
      if (head in scalars && rest.length === 0) own.push(head);
      else if (head in nav) {
        const list = byChild.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        byChild.set(head, list);
      } else if (this._isSpecial(head)) {
        const list = special.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        special.set(head, list);
      } else {
        throw new Error(`Fake Excel: cannot load "${p}" on ${this._typeName}`);
      }
    }
    // All "items/…" paths of one load call load together, on the same items.
    for (const [head, rests] of special) this._loadSpecial(head, rests);
    for (const [name, sub] of byChild) (nav[name]() as FakeObject<unknown>).load(sub);
    if (own.length) this._queueLoad(own);
    return this;
  }

  /** Collections override these to accept "items/…". */
  _isSpecial(head: string): boolean {
    void head;
    return false;
  }

  _loadSpecial(head: string, rests: string[]): void {
    void head;
    void rests;
  }

  _queueLoad(props: string[]): void {
    this.context.enqueue(() => {
      const t = this._t();
      const scalars = this._scalars();
      const data = new Map<string, unknown>();
      for (const p of props) data.set(p, t === null ? null : scalars[p].get());
      const bytes = [...data.values()].reduce<number>((n, v) => n + jsonSize(v), 0);
      this.context.publish(bytes, () => {
        for (const [k, v] of data) this._loaded.set(k, v);
      });
    });
  }

  set(properties: Record<string, unknown>): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(properties)) self[k] = v;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

function normalizePaths(arg?: string | string[] | { select?: string }): string[] {
  if (arg === undefined) return [];
  const text = Array.isArray(arg) ? arg.join(",") : typeof arg === "string" ? arg : (arg.select ?? "");
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function jsonSize(v: unknown): number {
  if (v === undefined) return 0;
  // Office sends UTF-8; CJK text takes 3 bytes a character.
  const s = JSON.stringify(v) ?? "";
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return bytes;
}

/**
 * A collection (worksheets, conditional formats): `items` throws until loaded;
 * `load("items/name")` loads those properties on every item in the same sync.
 */
export abstract class FakeCollection<T, I> extends FakeObject<T> {
  _items: FakeObject<I>[] | undefined;

  abstract _list(): I[];
  abstract _makeItem(target: I): FakeObject<I>;

  override _scalars(): Record<string, PropDef> {
    return {};
  }

  get items(): FakeObject<I>[] {
    if (this._items === undefined) throw notLoaded(`${this._typeName}.items`);
    return this._items;
  }

  override _isSpecial(head: string): boolean {
    return head === "items";
  }

  override _loadSpecial(head: string, rests: string[]): void {
    const subPaths = rests;
    this.context.enqueue(() => {
      if (this._t() === null) return;
      const targets = this._list();
      const items = targets.map((t) => {
        const item = this._makeItem(t);
        item._target = t;
        return item;
      });
      // The items' own loads run now, inside this sync, and publish with it.
      for (const item of items) {
        const scalars = item._scalars();
        const nav = item._nav();
        const own = subPaths.length ? subPaths : Object.keys(scalars);
        for (const p of own.flatMap((x) => x.split(","))) {
          const [h, ...r] = p.trim().split("/");
          if (h in scalars && r.length === 0) runLoadNow(item, [h]);
          else if (h in nav) runNavLoadNow(nav[h](), r.join("/"));
          else throw new Error(`Fake Excel: cannot load "items/${p}" on ${this._typeName}`);
        }
      }
      this.context.publish(0, () => {
        this._items = items;
      });
    });
  }

  getCount(): { value: number } {
    const result = { _v: undefined as number | undefined };
    this.context.enqueue(() => {
      const n = this._t() === null ? 0 : this._list().length;
      this.context.publish(8, () => (result._v = n));
    });
    return {
      get value(): number {
        if (result._v === undefined) throw notLoaded("ClientResult.value");
        return result._v;
      },
    };
  }
}

/** Load scalar props of an object immediately (we are already inside a sync). */
function runLoadNow(obj: FakeObject<unknown>, props: string[]): void {
  const t = obj._t();
  const scalars = obj._scalars();
  const data = new Map<string, unknown>();
  for (const p of props) data.set(p, t === null ? null : scalars[p].get());
  const bytes = [...data.values()].reduce<number>((n, v) => n + jsonSize(v), 0);
  obj.context.publish(bytes, () => {
    for (const [k, v] of data) obj._loaded.set(k, v);
  });
}

function runNavLoadNow(obj: FakeObject<unknown>, path: string): void {
  const scalars = obj._scalars();
  const nav = obj._nav();
  if (path === "") {
    runLoadNow(obj, Object.keys(scalars));
    return;
  }
  const [h, ...r] = path.split("/");
  if (h in scalars && r.length === 0) runLoadNow(obj, [h]);
  else if (h in nav) runNavLoadNow(nav[h](), r.join("/"));
  else throw new Error(`Fake Excel: cannot load "${path}" on ${obj._typeName}`);
}
