/**
 * Checks the shape of what comes from outside the code: each sidebar's requests (google.script.run
 * hands the server whatever a page sends), batched jobs' stored checkpoints, and the values read from
 * `Pengaturan`. It speaks zod/mini's vocabulary (`z.object`, `z.string().check(z.maxLength(n))`,
 * `safeParse`, `z.infer`) for the few kinds of shape those need, in a tenth of zod's bytes: the server
 * bundle is evaluated on every execution, every sidebar call included.
 *
 * What it does not do, because nothing here needs it: coercion, defaults, transforms, unions, and
 * messages for people (a failed request is answered with one bilingual "could not read the request";
 * settings name the row and the values they accept). Unknown keys of an object are dropped.
 */

export type IssueCode = 'invalid_type' | 'invalid_value' | 'invalid_format' | 'too_big' | 'too_small' | 'custom';

export interface Issue {
  path: PropertyKey[];
  code: IssueCode;
  message: string;
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** A rule on a value that already has the right type. */
export type Check<T> = (value: T, path: PropertyKey[], issues: Issue[]) => void;

type Reader = (value: unknown, path: PropertyKey[], issues: Issue[]) => unknown;

export class Schema<T> {
  /** The type this schema accepts (for `z.infer`); never set at run time. */
  declare readonly _type: T;

  constructor(
    private readonly read: Reader,
    // Typed loosely so that Schema<T> varies with T alone (a Schema<string> is a Schema<unknown>).
    private readonly checks: ReadonlyArray<Check<never>> = [],
  ) {}

  /** The same schema with more rules, run in order once the type is right. */
  check(...checks: Array<Check<T>>): Schema<T> {
    return new Schema<T>(this.read, [...this.checks, ...checks]);
  }

  /** Reads `value` at `path`, adding what is wrong to `issues`; the result is meaningful only when none were added. */
  run(value: unknown, path: PropertyKey[], issues: Issue[]): T {
    const before = issues.length;
    const out = this.read(value, path, issues) as T;
    if (issues.length === before) for (const rule of this.checks) rule(out as never, path, issues);
    return out;
  }

  safeParse(value: unknown): SafeParseResult<T> {
    const issues: Issue[] = [];
    const data = this.run(value, [], issues);
    return issues.length ? { success: false, error: { issues } } : { success: true, data };
  }

  parse(value: unknown): T {
    const result = this.safeParse(value);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new Error(`${first.path.map(String).join('.') || 'value'}: ${first.message}`);
    }
    return result.data;
  }
}

/** A schema whose key may be missing from an object. */
export class OptionalSchema<T> extends Schema<T | undefined> {
  declare readonly _optional: true;
}

/** The type a schema accepts; exported as `infer` (zod's name, a keyword here). */
type output<S> = S extends Schema<infer T> ? T : never;
/** What a caller may send: the same as what is accepted, since nothing here transforms. */
export type input<S> = output<S>;
export type { output as infer };

function issue(issues: Issue[], path: PropertyKey[], code: IssueCode, message: string): void {
  issues.push({ path: [...path], code, message });
}

function typed<T>(expected: string, accepts: (value: unknown) => boolean): Schema<T> {
  return new Schema<T>((value, path, issues) => {
    if (!accepts(value)) issue(issues, path, 'invalid_type', `expected ${expected}`);
    return value;
  });
}

export const string = (): Schema<string> => typed('string', (v) => typeof v === 'string');
export const number = (): Schema<number> => typed('number', (v) => typeof v === 'number' && Number.isFinite(v));
export const int = (): Schema<number> => typed('integer', (v) => Number.isSafeInteger(v));
export const boolean = (): Schema<boolean> => typed('boolean', (v) => typeof v === 'boolean');

export function literal<const T extends string | number | boolean>(expected: T): Schema<T> {
  return new Schema<T>((value, path, issues) => {
    if (value !== expected) issue(issues, path, 'invalid_value', `expected ${String(expected)}`);
    return value;
  });
}

function _enum<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return new Schema<T[number]>((value, path, issues) => {
    if (!values.includes(value as string)) issue(issues, path, 'invalid_value', `expected one of ${values.join(', ')}`);
    return value;
  });
}
export { _enum as enum };

export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  return new OptionalSchema<T>((value, path, issues) =>
    value === undefined ? undefined : inner.run(value, path, issues),
  );
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return new Schema<T | null>((value, path, issues) => (value === null ? null : inner.run(value, path, issues)));
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return new Schema<T[]>((value, path, issues) => {
    if (!Array.isArray(value)) return issue(issues, path, 'invalid_type', 'expected array');
    return value.map((element, i) => item.run(element, [...path, i], issues));
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record<V>(key: Schema<string>, item: Schema<V>): Schema<Record<string, V>> {
  return new Schema<Record<string, V>>((value, path, issues) => {
    if (!isPlainObject(value)) return issue(issues, path, 'invalid_type', 'expected object');
    const out: Record<string, V> = {};
    for (const name of Object.keys(value)) {
      key.run(name, [...path, name], issues);
      out[name] = item.run(value[name], [...path, name], issues);
    }
    return out;
  });
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: output<S[K]> } & { [K in OptionalKeys<S>]?: output<S[K]> }
>;

export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return new Schema<ObjectOf<S>>((value, path, issues) => {
    if (!isPlainObject(value)) return issue(issues, path, 'invalid_type', 'expected object');
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(shape)) {
      const read = shape[name].run(value[name], [...path, name], issues);
      if (read !== undefined) out[name] = read;
    }
    return out;
  });
}

type Sized = { length: number };

export const maxLength =
  (max: number): Check<Sized> =>
  (value, path, issues) => {
    if (value.length > max) issue(issues, path, 'too_big', `at most ${max} long`);
  };

export const minLength =
  (min: number): Check<Sized> =>
  (value, path, issues) => {
    if (value.length < min) issue(issues, path, 'too_small', `at least ${min} long`);
  };

export const gte =
  (min: number): Check<number> =>
  (value, path, issues) => {
    if (value < min) issue(issues, path, 'too_small', `at least ${min}`);
  };

export const lte =
  (max: number): Check<number> =>
  (value, path, issues) => {
    if (value > max) issue(issues, path, 'too_big', `at most ${max}`);
  };

export const minimum = gte;
export const maximum = lte;

export const regex =
  (pattern: RegExp): Check<string> =>
  (value, path, issues) => {
    if (!pattern.test(value)) issue(issues, path, 'invalid_format', `does not match ${String(pattern)}`);
  };

export const refine =
  <T>(holds: (value: T) => boolean, options: { message: string }): Check<T> =>
  (value, path, issues) => {
    if (!holds(value)) issue(issues, path, 'custom', options.message);
  };
