/**
 * The strict fake of office.js' `CustomFunctions` global: `associate`, `Error`, `ErrorCode`.
 *
 * `associate` keys ids upper-cased and takes `(id, fn)` or `({ id: fn })`, as office.js does
 * (office.debug.js, `Association.prototype.associate`). Real Excel answers an id associated a second
 * time with a console warning `[DuplicatedName] Function=<id>` and replaces the function; a page full
 * of those is what a reviewer saw once. This fake prints the same warning, records the id in
 * `duplicates`, and then throws, so any test that associates an id twice fails where it happens.
 */
type AnyFunction = (...args: unknown[]) => unknown;
/** What `associate` accepts: any function (never[] takes a function of any parameters). */
type Associable = (...args: never[]) => unknown;

/** The part of `CustomFunctions.Error` the functions use: its code and the cell's message. */
export class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface FakeCustomFunctions {
  /** What to install as `globalThis.CustomFunctions`. */
  global: {
    associate(idOrMappings: string | Record<string, Associable>, fn?: Associable): void;
    Error: typeof FakeCustomFunctionsError;
    ErrorCode: { invalidValue: string; notAvailable: string };
  };
  /** Every id associated, in order, as given (a duplicate appears twice). */
  associated: string[];
  /** The function each id (upper-cased) is associated with now. */
  functions: Record<string, AnyFunction>;
  /** Ids associated a second time. */
  duplicates: string[];
}

export function createFakeCustomFunctions(): FakeCustomFunctions {
  const fake: FakeCustomFunctions = {
    associated: [],
    functions: {},
    duplicates: [],
    global: {
      associate(idOrMappings, fn) {
        if (typeof idOrMappings === "object" && idOrMappings !== null && fn === undefined) {
          for (const [id, f] of Object.entries(idOrMappings)) associateOne(fake, id, f);
        } else associateOne(fake, idOrMappings as string, fn);
      },
      Error: FakeCustomFunctionsError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
  };
  return fake;
}

function associateOne(fake: FakeCustomFunctions, id: unknown, fn: unknown): void {
  if (typeof id !== "string" || typeof fn !== "function") {
    throw new TypeError(`CustomFunctions.associate: [InvalidArg] (${typeof id}, ${typeof fn})`);
  }
  fake.associated.push(id);
  const key = id.toUpperCase();
  if (fake.functions[key]) {
    fake.duplicates.push(id);
    const warning = `[DuplicatedName] Function=${id}`;
    console.warn(warning);
    throw new Error(`CustomFunctions.associate: ${warning} — this id is already associated on this page.`);
  }
  fake.functions[key] = fn as AnyFunction;
}

/** Installs a fresh fake as `target.CustomFunctions`; `uninstall` puts back what was there. */
export function installFakeCustomFunctions(target: object): FakeCustomFunctions & { uninstall(): void } {
  const g = target as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(g, "CustomFunctions");
  const before = g.CustomFunctions;
  const fake = createFakeCustomFunctions();
  g.CustomFunctions = fake.global;
  return {
    ...fake,
    uninstall: () => {
      if (had) g.CustomFunctions = before;
      else delete g.CustomFunctions;
    },
  };
}
