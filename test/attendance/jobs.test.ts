/** The checkpoint of a batched job as data (core/jobs.ts): batches, progress, and storage in document properties. */
import fc from 'fast-check';
import {
  MAX_SKIPPED,
  advance,
  batchesOf,
  decodeJob,
  encodeJob,
  encodeProgress,
  finished,
  jobKeys,
  newJob,
  nextItems,
} from '../../src/core/jobs';

const KEY = 'job:attendance';

describe('a batched job', () => {
  it('hands out its items batch by batch until done', () => {
    let job = newJob('j1', ['A', 'B', 'C', 'D', 'E']);
    const batches: string[][] = [];
    while (!finished(job)) {
      const items = nextItems(job, 2);
      batches.push(items);
      job = advance(job, items.length, items.length - (items.includes('C') ? 1 : 0), items.includes('C') ? ['C'] : []);
    }
    expect(batches).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
    expect(job).toMatchObject({ done: 5, built: 4, skipped: ['C'] });
    expect([batchesOf(5, 2), batchesOf(0, 25), batchesOf(25, 25), batchesOf(26, 25)]).toEqual([3, 1, 1, 2]);
  });

  it('keeps at most MAX_SKIPPED skipped items', () => {
    const many = Array.from({ length: MAX_SKIPPED + 5 }, (_, i) => `S${i}`);
    expect(advance(newJob('j', many), many.length, 0, many).skipped).toHaveLength(MAX_SKIPPED);
  });
});

describe('the checkpoint in document properties', () => {
  it('stores a thousand long codes in parts small enough for a property, and reads them back', () => {
    const items = Array.from({ length: 1000 }, (_, i) => `${'Ü'.repeat(90)}-${i}`);
    const job = advance(newJob('abc123', items), 25, 24, ['x']);
    const props = encodeJob(KEY, job);
    // Apps Script keeps at most 9 KB per value; a character takes at most four bytes.
    for (const value of Object.values(props)) expect(new TextEncoder().encode(value).length).toBeLessThan(9 * 1024);
    expect(Object.keys(props).length).toBeGreaterThan(40);
    expect(decodeJob(KEY, props)).toEqual(job);
    expect(jobKeys(KEY, { ...props, 'job:other': '1', 'report:Rekap': '3|id' }).sort()).toEqual(
      Object.keys(props).sort(),
    );
  });

  it('writes only the header after a batch', () => {
    const job = newJob('abc', ['A', 'B', 'C']);
    const props = encodeJob(KEY, job);
    const after = { ...props, ...encodeProgress(KEY, advance(job, 2, 2, [])) };
    expect(Object.keys(encodeProgress(KEY, job))).toEqual([KEY]);
    expect(decodeJob(KEY, after)).toMatchObject({ done: 2, items: ['A', 'B', 'C'] });
  });

  it('reads anything damaged or missing as no job at all', () => {
    const props = encodeJob(KEY, newJob('abc', ['A', 'B']));
    expect(decodeJob(KEY, {})).toBeUndefined();
    expect(decodeJob(KEY, { ...props, [KEY]: '{"v":2}' })).toBeUndefined();
    expect(decodeJob(KEY, { ...props, [`${KEY}:0`]: '["A"' })).toBeUndefined();
    expect(decodeJob(KEY, { [KEY]: props[KEY] })).toBeUndefined();
    expect(decodeJob(KEY, { ...props, [KEY]: props[KEY].replace('"parts":1', '"parts":1e9') })).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), fc.string(), (header, part) => {
        const job = decodeJob(KEY, { [KEY]: header, [`${KEY}:0`]: part });
        expect(job === undefined || Array.isArray(job.items)).toBe(true);
      }),
    );
  });
});
