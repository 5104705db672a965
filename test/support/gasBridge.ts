/**
 * Serves a sidebar's built HTML to Chromium and bridges `google.script.run` to the emulator, with
 * Apps Script's rules (runRpc): asynchronous calls, success and failure handlers, serialisable
 * values only. Everything else the page asks for is refused, so a sidebar that tried to fetch
 * anything from the network would fail its test.
 */
import type { Page } from 'playwright-core';
import type { Emulator } from '../../emulator';

export const SIDEBAR_URL = 'http://sidebar.invalid/';

export interface BridgeOptions {
  /** Who google.script.run runs as (defaults to the emulator's user). */
  user?: () => string;
  /** Return a message to make the next call to `name` fail like a dropped connection or server error. */
  fault?: (name: string, args: unknown[]) => string | undefined;
  /** Hold the answer to a call until the promise settles (to look at a page while it waits). */
  hold?: (name: string) => Promise<void> | undefined;
}

export interface Bridge {
  calls: Array<{ name: string; args: unknown[] }>;
  blocked: string[];
}

export async function openSidebar(
  page: Page,
  emu: Emulator,
  html: string,
  options: BridgeOptions = {},
): Promise<Bridge> {
  const bridge: Bridge = { calls: [], blocked: [] };
  await page.exposeFunction('__gasRun', async (name: string, args: unknown[]) => {
    bridge.calls.push({ name, args });
    await options.hold?.(name);
    const fault = options.fault?.(name, args);
    if (fault) return { ok: false, message: fault };
    try {
      return { ok: true, value: emu.runRpc(name, args, { user: options.user?.() }) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
  await page.addInitScript(() => {
    type Handler = (value: unknown) => void;
    const runner = (success?: Handler, failure?: Handler): unknown =>
      new Proxy(
        {},
        {
          get(_target, prop: string) {
            if (prop === 'withSuccessHandler') return (fn: Handler) => runner(fn, failure);
            if (prop === 'withFailureHandler') return (fn: Handler) => runner(success, fn);
            if (prop === 'withUserObject') return () => runner(success, failure);
            return (...args: unknown[]) => {
              const call = (
                window as unknown as {
                  __gasRun: (n: string, a: unknown[]) => Promise<{ ok: boolean; value?: unknown; message?: string }>;
                }
              ).__gasRun(prop, args);
              // Like Apps Script, handlers run asynchronously, after the call returns.
              call.then((result) => {
                if (result.ok) success?.(result.value);
                else failure?.(new Error(result.message));
              });
            };
          },
        },
      );
    (window as unknown as { google: unknown }).google = { script: { run: runner() } };
  });
  await page.route('**/*', (route) => {
    if (route.request().url() === SIDEBAR_URL)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    bridge.blocked.push(route.request().url());
    return route.abort();
  });
  await page.goto(SIDEBAR_URL);
  return bridge;
}
