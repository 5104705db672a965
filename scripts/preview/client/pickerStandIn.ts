/**
 * The preview's stand-in for https://apis.google.com/js/api.js, served at /gapi/api.js (the preview
 * rewrites the dialog's script URL): `gapi.load('picker', cb)` and a `google.picker` namespace with
 * the names and values Google documents (ViewId.SPREADSHEETS = 'spreadsheets', Action.PICKED =
 * 'picked', …). Made visible, its Picker reports LOADED, lists the spreadsheets of the preview's
 * Drive that this dialog's user can open (/api/drive), and on "Pilih" grants the chosen ones the way
 * Google's Picker grants a drive.file app (/api/pick → emu.pickFiles), then calls back PICKED with
 * their documents; "Batal" or Escape calls back CANCEL. All text goes in with textContent.
 */
export {};

interface Listing {
  id: string;
  name: string;
  owner: string;
  role: string;
  picked: boolean;
  active: boolean;
}
interface Doc {
  id: string;
  name: string;
  url: string;
  mimeType: string;
}
type Callback = (data: { action: string; docs?: Doc[] }) => void;

const ACTION = { CANCEL: 'cancel', PICKED: 'picked', ERROR: 'error', LOADED: 'loaded' };
const FEATURE = { MULTISELECT_ENABLED: 'multiselectEnabled', NAV_HIDDEN: 'navHidden' };
const frameId = (window as unknown as { __frameId?: string }).__frameId ?? '';

async function json<T>(response: Promise<Response>): Promise<T> {
  const r = await response;
  const body = (await r.json()) as T & { error?: string };
  if (!r.ok) throw new Error(body.error ?? `HTTP ${r.status}`);
  return body;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  style: string,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.setAttribute('style', style);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

const BUTTON =
  'font:inherit;padding:6px 16px;border-radius:4px;border:1px solid #dadce0;background:#fff;color:#1a73e8;cursor:pointer';
const PRIMARY = `${BUTTON};background:#1a73e8;color:#fff;border-color:#1a73e8`;

/** The Picker's window over the dialog: the list, then Pilih / Batal. */
function show(options: { title: string; multiselect: boolean; locale: string }, callback: Callback): () => void {
  const en = options.locale === 'en';
  const words = en
    ? {
        standIn: 'Preview stand-in for the Google Picker: the spreadsheets of this preview’s Drive you can open.',
        pick: 'Select',
        cancel: 'Cancel',
        loading: 'Loading…',
        none: 'No spreadsheet to choose.',
        picked: 'chosen before',
        thisOne: 'this spreadsheet',
        owner: 'owner',
      }
    : {
        standIn: 'Pengganti Google Picker di pratinjau: spreadsheet di Drive pratinjau ini yang dapat Anda buka.',
        pick: 'Pilih',
        cancel: 'Batal',
        loading: 'Memuat…',
        none: 'Tidak ada spreadsheet untuk dipilih.',
        picked: 'pernah dipilih',
        thisOne: 'spreadsheet ini',
        owner: 'pemilik',
      };
  const previousFocus = document.activeElement as HTMLElement | null;
  const overlay = el(
    'div',
    'position:fixed;inset:0;background:rgba(32,33,36,.6);display:flex;align-items:center;justify-content:center;z-index:2147483647;font:14px/1.4 Roboto,Arial,sans-serif',
  );
  overlay.id = 'preview-picker';
  const box = el(
    'div',
    'background:#fff;color:#202124;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);width:calc(100% - 24px);max-height:calc(100% - 24px);display:flex;flex-direction:column;padding:16px',
    undefined,
    { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'preview-picker-title' },
  );
  const title = el('h2', 'margin:0 0 4px;font-size:18px;font-weight:500', options.title || 'Google Picker', {
    id: 'preview-picker-title',
  });
  const note = el('p', 'margin:0 0 12px;color:#5f6368;font-size:12px', words.standIn);
  const list = el(
    'fieldset',
    'border:1px solid #dadce0;border-radius:4px;margin:0;padding:4px 8px;overflow:auto;flex:1;min-height:80px',
  );
  const legend = el('legend', 'position:absolute;left:-9999px', options.title || 'Google Picker');
  list.append(legend, el('p', 'margin:8px 0;color:#5f6368', words.loading));
  const status = el('p', 'margin:8px 0 0;color:#b3261e;min-height:1.4em', '', { role: 'status' });
  const pick = el('button', PRIMARY, words.pick, { type: 'button', id: 'preview-picker-pick' });
  const cancel = el('button', BUTTON, words.cancel, { type: 'button', id: 'preview-picker-cancel' });
  pick.disabled = true;
  const buttons = el('div', 'display:flex;gap:8px;justify-content:flex-end;margin-top:12px');
  buttons.append(cancel, pick);
  box.append(title, note, list, status, buttons);
  overlay.append(box);
  document.body.append(overlay);

  let done = false;
  const close = () => {
    overlay.remove();
    previousFocus?.focus?.();
  };
  const finish = (data: { action: string; docs?: Doc[] }) => {
    if (done) return;
    done = true;
    close();
    callback(data);
  };
  const chosen = () => Array.from(list.querySelectorAll<HTMLInputElement>('input:checked')).map((i) => i.value);
  list.addEventListener('change', () => (pick.disabled = chosen().length === 0));
  cancel.addEventListener('click', () => finish({ action: ACTION.CANCEL }));
  overlay.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      finish({ action: ACTION.CANCEL });
    }
  });
  pick.addEventListener('click', () => {
    const ids = chosen();
    if (!ids.length) return;
    pick.disabled = true;
    json<{ docs: Doc[] }>(
      fetch('/api/pick', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ frame: frameId, ids }),
      }),
    ).then(
      ({ docs }) => finish({ action: ACTION.PICKED, docs }),
      (error: Error) => {
        status.textContent = error.message;
        pick.disabled = false;
      },
    );
  });

  json<{ files: Listing[] }>(fetch(`/api/drive?frame=${encodeURIComponent(frameId)}`)).then(
    ({ files }) => {
      const rows = files.map((f) => {
        const label = el(
          'label',
          'display:flex;gap:8px;align-items:baseline;padding:6px 4px;border-bottom:1px solid #f1f3f4;cursor:pointer',
        );
        const input = el('input', 'margin:0', undefined, {
          type: options.multiselect ? 'checkbox' : 'radio',
          name: 'preview-picker-file',
          value: f.id,
        });
        const extra = [f.active ? words.thisOne : '', f.picked ? words.picked : ''].filter(Boolean).join(', ');
        const text = el('span', '', f.name);
        const meta = el(
          'span',
          'color:#5f6368;font-size:12px',
          `${words.owner}: ${f.owner}${extra ? ` · ${extra}` : ''}`,
        );
        label.append(input, text, meta);
        return label;
      });
      list.replaceChildren(legend, ...(rows.length ? rows : [el('p', 'margin:8px 0', words.none)]));
      (list.querySelector('input') ?? cancel).focus();
    },
    (error: Error) => {
      done = true;
      close();
      callback({ action: ACTION.ERROR });
      console.error(`Picker stand-in: ${error.message}`);
    },
  );
  return () => {
    done = true;
    close();
  };
}

class DocsView {
  mode = '';
  constructor(readonly viewId: string) {}
  setMode(mode: string): this {
    this.mode = mode;
    return this;
  }
}

class PickerBuilder {
  private title = '';
  private locale = 'id';
  private readonly features = new Set<string>();
  private callback: Callback = () => undefined;
  addView(): this {
    return this;
  }
  enableFeature(feature: string): this {
    this.features.add(feature);
    return this;
  }
  disableFeature(feature: string): this {
    this.features.delete(feature);
    return this;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  setLocale(locale: string): this {
    this.locale = String(locale);
    return this;
  }
  setCallback(callback: Callback): this {
    this.callback = callback;
    return this;
  }
  // Accepted and not needed here: the token, key, app id, origin, size.
  setOAuthToken(): this {
    return this;
  }
  setDeveloperKey(): this {
    return this;
  }
  setAppId(): this {
    return this;
  }
  setOrigin(): this {
    return this;
  }
  setSize(): this {
    return this;
  }
  hideTitleBar(): this {
    return this;
  }
  build(): { setVisible(visible: boolean): void; dispose(): void } {
    const options = {
      title: this.title,
      multiselect: this.features.has(FEATURE.MULTISELECT_ENABLED),
      locale: this.locale,
    };
    const callback = this.callback;
    let hide: (() => void) | undefined;
    return {
      setVisible(visible: boolean) {
        hide?.();
        hide = undefined;
        if (!visible) return;
        callback({ action: ACTION.LOADED });
        hide = show(options, callback);
      },
      dispose() {
        hide?.();
        hide = undefined;
      },
    };
  }
}

const standIn = window as unknown as {
  gapi?: unknown;
  google?: Record<string, unknown>;
};
standIn.gapi = {
  load(name: string, callback: (() => void) | { callback: () => void }) {
    if (name !== 'picker') throw new Error(`The preview's stand-in for api.js loads only 'picker', not '${name}'`);
    const google = standIn.google ?? (standIn.google = {});
    google.picker = {
      PickerBuilder,
      DocsView,
      ViewId: { DOCS: 'all', SPREADSHEETS: 'spreadsheets', FOLDERS: 'folders' },
      DocsViewMode: { GRID: 'grid', LIST: 'list' },
      Feature: FEATURE,
      Action: ACTION,
      Response: { ACTION: 'action', DOCUMENTS: 'docs' },
      Document: { ID: 'id', NAME: 'name', URL: 'url', MIME_TYPE: 'mimeType' },
    };
    setTimeout(typeof callback === 'function' ? callback : callback.callback, 0);
  },
};
