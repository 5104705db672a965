/**
 * What the browser tests of the batched-job dialogs (attendance, validation, summaries) share: a
 * gate that holds the dialog's "next batch" calls until the test lets each through, the progress
 * bar as the user sees it, waiting for a condition, the text of an element, and an axe check.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Bridge, BridgeOptions } from './gasBridge';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Holds every `endpoint` call until the test lets it through, one at a time. */
export function gate(endpoint: string): { hold: BridgeOptions['hold']; pass: () => void; waiting: () => number } {
  const queue: Array<() => void> = [];
  return {
    hold: (name) => (name === endpoint ? new Promise<void>((resolve) => queue.push(resolve)) : undefined),
    pass: () => queue.shift()?.(),
    waiting: () => queue.length,
  };
}

/** How many times the dialog called `endpoint`. */
export const callsTo = (bridge: Bridge, endpoint: string) => bridge.calls.filter((c) => c.name === endpoint).length;

export const text = (page: Page, selector: string) => page.textContent(selector).then((t) => t ?? '');

/** The progress bar (#bar), its line (#progress-text) and whether its block (#progress) shows. */
export async function bar(page: Page): Promise<{ value: number; max: number; line: string; shown: boolean }> {
  return page.evaluate(() => {
    const progress = document.querySelector('#bar') as HTMLProgressElement;
    return {
      value: progress.value,
      max: progress.max,
      line: document.querySelector('#progress-text')?.textContent ?? '',
      shown: !(document.querySelector('#progress') as HTMLElement).hidden,
    };
  });
}

/**
 * Wait until `check` holds, and fail if it never does. The limit is wall time, not a count of polls:
 * a starved runner can stall Chromium for seconds between a reply and the dialog's next call.
 */
export async function until(page: Page, check: () => boolean, seconds = 20): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!check() && Date.now() < end) await page.waitForTimeout(10);
  if (!check()) throw new Error(`the condition did not come true within ${seconds} s`);
}

/** axe-core's violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<unknown[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
}
