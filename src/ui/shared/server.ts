/**
 * A typed, promise-based client for google.script.run, derived from a surface's `Api` interface in
 * core: `server.submitScore(request)` only compiles with an endpoint the server has and the payload
 * it accepts, and resolves with the type the server returns. Apps Script passes only the message of
 * a server error to the failure handler; it arrives here as the rejection.
 */
interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [endpoint: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

export type Client<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

export function serverClient<Api>(endpoints: readonly (keyof Api & string)[]): Client<Api> {
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of endpoints) {
    client[name] = (...args) =>
      new Promise((resolve, reject) => {
        const run = google.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
        (run[name] as (...a: unknown[]) => void)(...args);
      });
  }
  return client as Client<Api>;
}
