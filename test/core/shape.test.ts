import * as z from '../../src/core/shape';

describe('shape', () => {
  const Request = z.object({
    id: z.string().check(z.minLength(1), z.maxLength(5)),
    count: z.int().check(z.gte(0), z.lte(10)),
    ratio: z.nullable(z.number()),
    flag: z.optional(z.boolean()),
    kind: z.enum(['a', 'b']),
    tags: z.array(z.string()).check(z.maxLength(2)),
    scores: z.record(z.string().check(z.regex(/^K\d$/)), z.nullable(z.number())),
    v: z.literal(1),
  });
  const good = { id: 'x1', count: 3, ratio: null, kind: 'b', tags: ['t'], scores: { K1: 4, K2: null }, v: 1 };

  it('accepts a value of the shape, drops unknown keys and leaves a missing optional key out', () => {
    const parsed = Request.safeParse({ ...good, extra: 'dropped' });
    expect(parsed).toEqual({ success: true, data: good });
    if (parsed.success) expect('flag' in parsed.data).toBe(false);
  });

  it.each([
    ['a wrong type', { ...good, id: 5 }, ['id'], 'invalid_type'],
    ['a string too long', { ...good, id: 'toolong' }, ['id'], 'too_big'],
    ['an empty string under a minimum', { ...good, id: '' }, ['id'], 'too_small'],
    ['a fraction where a whole number is needed', { ...good, count: 1.5 }, ['count'], 'invalid_type'],
    ['a number above the maximum', { ...good, count: 11 }, ['count'], 'too_big'],
    ['infinity as a number', { ...good, ratio: Infinity }, ['ratio'], 'invalid_type'],
    ['a value outside the choices', { ...good, kind: 'c' }, ['kind'], 'invalid_value'],
    ['a list too long', { ...good, tags: ['a', 'b', 'c'] }, ['tags'], 'too_big'],
    ['a wrong element', { ...good, tags: [1] }, ['tags', 0], 'invalid_type'],
    ['a record key off the pattern', { ...good, scores: { X: 1 } }, ['scores', 'X'], 'invalid_format'],
    ['another literal', { ...good, v: 2 }, ['v'], 'invalid_value'],
    ['a missing required key', { ...good, kind: undefined }, ['kind'], 'invalid_value'],
    ['a wrong optional value', { ...good, flag: 'yes' }, ['flag'], 'invalid_type'],
  ])('refuses %s, naming the path and the kind of problem', (_what, value, path, code) => {
    const parsed = Request.safeParse(value);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]).toMatchObject({ path, code });
  });

  it('refuses what is not an object at all, and an array where an object is expected', () => {
    for (const value of [null, undefined, 'x', 3, []]) expect(Request.safeParse(value).success).toBe(false);
  });

  it('runs a refinement only once the type is right, and parse throws where safeParse reports', () => {
    const Few = z
      .record(z.string(), z.number())
      .check(z.refine((s: Record<string, number>) => Object.keys(s).length <= 1, { message: 'too many' }));
    expect(Few.safeParse({ a: 1 }).success).toBe(true);
    expect(Few.safeParse({ a: 1, b: 2 })).toEqual({
      success: false,
      error: { issues: [{ path: [], code: 'custom', message: 'too many' }] },
    });
    expect(Few.safeParse('x')).toMatchObject({ success: false, error: { issues: [{ code: 'invalid_type' }] } });
    expect(() => z.array(z.string()).parse([1])).toThrow('0: expected string');
    expect(z.optional(z.object({ a: z.string() })).parse(undefined)).toBeUndefined();
  });
});
