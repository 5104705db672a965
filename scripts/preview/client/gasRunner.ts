/**
 * Injected at the top of a sidebar's or dialog's HTML: google.script.run calls /api/rpc (handlers
 * run asynchronously, as in Apps Script) and google.script.host.close() asks the page to close the
 * frame. The page reloads the grid after each call, since the server functions change the workbook.
 */
type Handler = (value: unknown, userObject?: unknown) => void;

interface FrameWindow {
  __frameId: string;
  google: unknown;
}

const frameWindow = window as unknown as FrameWindow;
const frameId = frameWindow.__frameId;

function tellPage(type: string): void {
  if (window.parent !== window)
    window.parent.postMessage({ source: 'gas-frame', type, frame: frameId }, location.origin);
}

function call(name: string, args: unknown[], success?: Handler, failure?: Handler, userObject?: unknown): void {
  fetch('/api/rpc', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ frame: frameId, name, args }),
  })
    .then((r) => r.json() as Promise<{ ok: boolean; value?: unknown; message?: string }>)
    .then(
      (result) => {
        tellPage('changed');
        if (result.ok) success?.(result.value, userObject);
        else failure?.(new Error(result.message), userObject);
      },
      (error: unknown) => failure?.(error instanceof Error ? error : new Error(String(error)), userObject),
    );
}

function runner(success?: Handler, failure?: Handler, userObject?: unknown): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop: string | symbol) {
        if (typeof prop !== 'string') return undefined;
        if (prop === 'withSuccessHandler') return (fn: Handler) => runner(fn, failure, userObject);
        if (prop === 'withFailureHandler') return (fn: Handler) => runner(success, fn, userObject);
        if (prop === 'withUserObject') return (obj: unknown) => runner(success, failure, obj);
        return (...args: unknown[]) => call(prop, args, success, failure, userObject);
      },
    },
  );
}

frameWindow.google = {
  script: {
    run: runner(),
    host: {
      close: () => tellPage('close'),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
      origin: location.origin,
    },
  },
};
