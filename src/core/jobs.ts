/**
 * A long action run in batches, one execution each, with a checkpoint between them: the items to
 * do, in order, and how many from the start are done. The checkpoint lives in document properties
 * (src/shell/jobs.ts keeps it, under the document lock), so a closed dialog, a dropped connection or
 * a failed batch loses nothing: the next batch starts where the last finished one stopped, and the
 * work equals one uninterrupted run. This module is the checkpoint as data; it calls no service.
 */
import * as z from './shape';

export interface Job {
  /** Tells this job from one started later (a continue request names the job it continues). */
  id: string;
  /** What to do, in order (for attendance sheets: session codes). */
  items: string[];
  /** How many items from the start are done. */
  done: number;
  /** How many of the done items produced something (the rest were skipped, with a reason given). */
  built: number;
  /** Items skipped for a reason the user must act on (at most MAX_SKIPPED kept). */
  skipped: string[];
}

export const MAX_SKIPPED = 50;

export function newJob(id: string, items: readonly string[]): Job {
  return { id, items: [...items], done: 0, built: 0, skipped: [] };
}

/** The items of the next batch. */
export function nextItems(job: Job, batchSize: number): string[] {
  return job.items.slice(job.done, job.done + batchSize);
}

/** The job after a batch that finished `done` more items, `built` of them with a result. */
export function advance(job: Job, done: number, built: number, skipped: readonly string[]): Job {
  return {
    ...job,
    done: Math.min(job.items.length, job.done + done),
    built: job.built + built,
    skipped: [...job.skipped, ...skipped].slice(0, MAX_SKIPPED),
  };
}

export function finished(job: Job): boolean {
  return job.done >= job.items.length;
}

export function batchesOf(items: number, batchSize: number): number {
  return Math.max(1, Math.ceil(items / batchSize));
}

/**
 * A document property holds at most 9 KB, so the item list is stored in parts of at most
 * PART_CHARS characters (four bytes each at worst) beside a small header that changes per batch.
 */
const PART_CHARS = 2000;
/** Room for the longest list a request may name (1,000 codes of 100 characters, escaped): 500 KB at most. */
const MAX_PARTS = 250;

const Header = z.object({
  v: z.literal(1),
  id: z.string(),
  done: z.number(),
  built: z.number(),
  skipped: z.array(z.string()),
  // Bounded, so that a damaged header cannot make the reader build a huge list of parts.
  parts: z.int().check(z.minimum(1), z.maximum(MAX_PARTS)),
  count: z.int(),
});

/** The properties that store a job under `key`: the header (key) and the item parts (key:0, key:1, …). */
export function encodeJob(key: string, job: Job): Record<string, string> {
  const items = JSON.stringify(job.items);
  const parts = Math.max(1, Math.ceil(items.length / PART_CHARS));
  const out: Record<string, string> = {};
  for (let i = 0; i < parts; i++) out[`${key}:${i}`] = items.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
  const header: z.infer<typeof Header> = {
    v: 1,
    id: job.id,
    done: job.done,
    built: job.built,
    skipped: job.skipped,
    parts,
    count: job.items.length,
  };
  out[key] = JSON.stringify(header);
  return out;
}

/** Only the header: what changes after each batch (one property write). */
export function encodeProgress(key: string, job: Job): Record<string, string> {
  const all = encodeJob(key, job);
  return { [key]: all[key] };
}

/** The job stored under `key`, or undefined when there is none or it cannot be read (then it is as if none were stored). */
export function decodeJob(key: string, properties: Readonly<Record<string, string | undefined>>): Job | undefined {
  const raw = properties[key];
  if (raw === undefined) return undefined;
  try {
    const header = Header.parse(JSON.parse(raw));
    const text = Array.from({ length: header.parts }, (_, i) => properties[`${key}:${i}`] ?? '').join('');
    const items = z.array(z.string()).parse(JSON.parse(text));
    if (items.length !== header.count) return undefined;
    return { id: header.id, items, done: header.done, built: header.built, skipped: header.skipped };
  } catch {
    return undefined;
  }
}

/** Every property key a job stored under `key` may use (to delete them all). */
export function jobKeys(key: string, properties: Readonly<Record<string, string | undefined>>): string[] {
  return Object.keys(properties).filter((k) => k === key || k.startsWith(`${key}:`));
}
