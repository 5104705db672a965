/**
 * The "Pilih workbook kabupaten" dialog: Google's Picker (the documented browser flow for Apps
 * Script dialogs: api.js, gapi.load('picker'), a PickerBuilder with this user's OAuth token, the
 * deployment's API key and Cloud project number, and the dialog's origin). With the `drive.file`
 * scope the add-on may read a regency workbook only once the user picked it here, so the picked
 * files go to `Sumber Rekap` through addRegencyWorkbooks.
 *
 * Without PICKER_API_KEY or PICKER_APP_ID the page loads nothing from Google and says what the
 * deployer must set.
 */
import { PICKER_ENDPOINTS } from '../../core/endpoints';
import { menuLabel } from '../../core/menu';
import type { PickerApi, PickerConfig } from '../../core/rollupApi';
import { serverClient } from '../shared/server';

/** The parts of Google's Picker API (https://developers.google.com/workspace/drive/picker/reference) used here. */
interface PickerDoc {
  id: string;
  name?: string;
}
interface PickerResponse {
  action: string;
  docs?: PickerDoc[];
}
interface PickerBuilder {
  addView(view: unknown): PickerBuilder;
  enableFeature(feature: string): PickerBuilder;
  setOAuthToken(token: string): PickerBuilder;
  setDeveloperKey(key: string): PickerBuilder;
  setAppId(appId: string): PickerBuilder;
  setOrigin(origin: string): PickerBuilder;
  setLocale(locale: string): PickerBuilder;
  setTitle(title: string): PickerBuilder;
  setSize(width: number, height: number): PickerBuilder;
  setCallback(cb: (data: PickerResponse) => void): PickerBuilder;
  build(): { setVisible(visible: boolean): void; dispose(): void };
}
interface PickerNamespace {
  PickerBuilder: new () => PickerBuilder;
  DocsView: new (viewId: string) => { setMode(mode: string): unknown };
  ViewId: { SPREADSHEETS: string };
  DocsViewMode: { LIST: string };
  Feature: { MULTISELECT_ENABLED: string };
  Action: { PICKED: string; CANCEL: string; ERROR: string };
}
declare const google: { script: { host: { close(): void; origin: string } }; picker?: PickerNamespace };
declare const gapi: { load(api: string, callback: () => void): void };

const API_SCRIPT = 'https://apis.google.com/js/api.js';
const server = serverClient<PickerApi>(PICKER_ENDPOINTS);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const TEXT = {
  id: {
    heading: menuLabel('chooseRegencyWorkbooks', 'id'),
    intro:
      'Pilih satu atau beberapa workbook kabupaten/kota di Google Drive. Add-on hanya dapat membaca workbook yang Anda pilih di sini; setiap workbook yang dipilih ditambahkan ke tab Sumber Rekap.',
    pickerTitle: 'Pilih workbook kabupaten/kota',
    loading: 'Memuat…',
    opening: 'Membuka Google Picker…',
    open: 'Pilih workbook…',
    close: 'Tutup',
    saving: (n: number) => `Menambahkan ${n} workbook ke Sumber Rekap…`,
    cancelled: 'Tidak ada workbook yang dipilih. Tekan “Pilih workbook…” untuk membuka Google Picker lagi.',
    pickerError:
      'Google Picker melaporkan kesalahan. Coba lagi; bila terus terjadi, pengelola add-on perlu memeriksa PICKER_API_KEY dan PICKER_APP_ID.',
    loadFailed: 'Google Picker tidak dapat dimuat. Periksa koneksi internet, lalu coba lagi.',
    failed: (m: string) => `Gagal: ${m}`,
    notSetUp: 'Google Picker belum disiapkan untuk add-on ini, jadi workbook kabupaten belum dapat dipilih.',
    setupTitle: 'Yang perlu dilakukan pengelola add-on',
    setupWhat:
      'Orang yang memasang (deploy) add-on ini harus mengisi dua properti skrip di proyek Apps Script-nya (Setelan proyek › Properti skrip):',
    apiKey: 'kunci API Google Cloud (dari proyek Cloud add-on, dengan Google Picker API diaktifkan)',
    appId: 'nomor proyek Cloud (angka, bukan ID proyek)',
    unset: 'belum diisi',
    meanwhile:
      'Sampai itu selesai, URL workbook yang ditempel di tab Sumber Rekap tanpa dipilih di sini akan berstatus “Tidak dapat dibuka”: add-on hanya diizinkan membaca workbook yang dipilih di dialog ini.',
  },
  en: {
    heading: menuLabel('chooseRegencyWorkbooks', 'en'),
    intro:
      'Choose one or more regency/city workbooks in Google Drive. The add-on can read only the workbooks you choose here; each one chosen is added to the Sumber Rekap tab.',
    pickerTitle: 'Choose regency/city workbooks',
    loading: 'Loading…',
    opening: 'Opening the Google Picker…',
    open: 'Choose workbooks…',
    close: 'Close',
    saving: (n: number) => `Adding ${n} workbooks to Sumber Rekap…`,
    cancelled: 'No workbook was chosen. Press “Choose workbooks…” to open the Google Picker again.',
    pickerError:
      'The Google Picker reported an error. Try again; if it keeps happening, the add-on’s deployer needs to check PICKER_API_KEY and PICKER_APP_ID.',
    loadFailed: 'The Google Picker could not be loaded. Check the internet connection, then try again.',
    failed: (m: string) => `Failed: ${m}`,
    notSetUp: 'The Google Picker is not set up for this add-on, so regency workbooks cannot be chosen yet.',
    setupTitle: 'What the add-on’s deployer must do',
    setupWhat:
      'Whoever deploys this add-on must set two script properties in its Apps Script project (Project Settings › Script Properties):',
    apiKey: 'a Google Cloud API key (from the add-on’s Cloud project, with the Google Picker API enabled)',
    appId: 'the Cloud project number (digits, not the project ID)',
    unset: 'not set',
    meanwhile:
      'Until then, a workbook URL pasted on the Sumber Rekap tab without choosing it here will show “Tidak dapat dibuka”: the add-on may read only the workbooks chosen in this dialog.',
  },
};
let words = document.body.dataset.lang === 'en' ? TEXT.en : TEXT.id;
let lang: 'id' | 'en' = words === TEXT.en ? 'en' : 'id';
/** api.js requested (once per page); the Picker namespace loaded. */
let apiScript: Promise<void> | undefined;
let picker: { setVisible(visible: boolean): void; dispose(): void } | undefined;

function setLang(next: 'id' | 'en'): void {
  lang = next;
  words = TEXT[next];
  document.documentElement.lang = next;
  $('heading').textContent = words.heading;
  document.title = words.heading;
  $('intro').textContent = words.intro;
  $('open').textContent = words.open;
  $('close').textContent = words.close;
}

function say(text: string): void {
  $('status').textContent = text;
}

/** While the Picker opens or the choice is saved, the button that opens it waits. */
function busy(on: boolean): void {
  $<HTMLButtonElement>('open').disabled = on;
  $('open').setAttribute('aria-busy', String(on));
}

/** Loads Google's api.js, then the Picker module; only ever called with a key and an app id. */
function loadPickerApi(): Promise<void> {
  if (!apiScript)
    apiScript = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = API_SCRIPT;
      script.async = true;
      script.onload = () => {
        try {
          gapi.load('picker', () => resolve());
        } catch (error) {
          reject(error);
        }
      };
      script.onerror = () => {
        script.remove();
        reject(new Error('api.js'));
      };
      document.head.append(script);
    }).catch((error: unknown) => {
      // A failed load may be retried with the button.
      apiScript = undefined;
      throw error;
    });
  return apiScript;
}

/** The deployment lacks the Picker's key or project number: say what to set, load nothing. */
function showSetup(config: PickerConfig): void {
  say(words.notSetUp);
  $('setup-title').textContent = words.setupTitle;
  $('setup-what').textContent = words.setupWhat;
  const item = (name: string, what: string, set: boolean) => {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = name;
    li.append(code, ` — ${what}${set ? '' : ` (${words.unset})`}`);
    return li;
  };
  $('setup-list').replaceChildren(
    item('PICKER_API_KEY', words.apiKey, config.apiKey !== ''),
    item('PICKER_APP_ID', words.appId, config.appId !== ''),
  );
  $('setup-meanwhile').textContent = words.meanwhile;
  $('setup').hidden = false;
  $('open').hidden = true;
  $('close').focus();
}

/** The Picker's size: the dialog's, within the bounds Google documents (566×350 to 1051×650). */
function pickerSize(): [number, number] {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return [clamp(window.innerWidth - 2, 566, 1051), clamp(window.innerHeight - 2, 350, 650)];
}

function onPicked(data: PickerResponse): void {
  const api = google.picker as PickerNamespace;
  if (data.action === api.Action.PICKED) {
    const files = (data.docs ?? []).map((d) => ({ id: d.id, name: d.name }));
    say(words.saving(files.length));
    server.addRegencyWorkbooks({ files }).then(
      (outcome) => {
        say(outcome.message);
        busy(false);
        $('close').focus();
      },
      (error: Error) => {
        say(words.failed(error.message));
        busy(false);
        $('open').focus();
      },
    );
  } else if (data.action === api.Action.CANCEL) {
    say(words.cancelled);
    busy(false);
    $('open').focus();
  } else if (data.action === api.Action.ERROR) {
    say(words.pickerError);
    busy(false);
    $('open').focus();
  }
  // Other actions (the Picker's "loaded") need nothing.
}

function showPicker(config: PickerConfig): void {
  const api = google.picker as PickerNamespace;
  picker?.dispose();
  const [width, height] = pickerSize();
  picker = new api.PickerBuilder()
    .addView(new api.DocsView(api.ViewId.SPREADSHEETS).setMode(api.DocsViewMode.LIST))
    .enableFeature(api.Feature.MULTISELECT_ENABLED)
    .setOAuthToken(config.token)
    .setDeveloperKey(config.apiKey)
    .setAppId(config.appId)
    .setOrigin(google.script.host.origin)
    .setLocale(config.lang === 'en' ? 'en' : 'id')
    .setTitle(words.pickerTitle)
    .setSize(width, height)
    .setCallback(onPicked)
    .build();
  picker.setVisible(true);
}

/**
 * Asks the server for the config each time (a fresh token: the dialog may stay open past the
 * token's hour), then opens the Picker, or explains the missing setup.
 */
function open(): void {
  busy(true);
  say(picker ? words.opening : words.loading);
  server.pickerConfig().then(
    (config) => {
      if (config.lang !== lang) setLang(config.lang);
      if (config.apiKey === '' || config.appId === '') {
        busy(false);
        showSetup(config);
        return;
      }
      say(words.opening);
      $('open').hidden = false;
      loadPickerApi()
        .then(() => showPicker(config))
        .catch(() => {
          say(words.loadFailed);
          busy(false);
          $('open').focus();
        });
    },
    (error: Error) => {
      say(words.failed(error.message));
      busy(false);
      $('open').hidden = false;
      $('open').focus();
    },
  );
}

setLang(lang);
$('open').addEventListener('click', open);
$('close').addEventListener('click', () => google.script.host.close());
open();
