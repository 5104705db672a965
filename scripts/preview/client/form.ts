/**
 * The candidate's form page (/form): sends the answers to /api/form, says where the response went
 * (the response tab, and Kandidat when the add-on imported it), and tells the spreadsheet page in
 * another tab to redraw (BroadcastChannel). All text goes in with textContent.
 */
import type { FormOutcome } from '../session';

/** The channel the spreadsheet page listens on. */
export const CHANNEL = 'seleksi-fgd-preview';

const form = document.getElementById('form') as HTMLFormElement | null;
const result = document.getElementById('result') as HTMLElement;
const send = document.getElementById('send') as HTMLButtonElement | null;
const sampleButton = document.getElementById('sample') as HTMLButtonElement | null;

interface Reply {
  outcome?: FormOutcome;
  connected?: boolean;
  error?: string;
}

function questions(): HTMLElement[] {
  return form ? Array.from(form.querySelectorAll<HTMLElement>('[data-question]')) : [];
}

function answerOf(q: HTMLElement): string {
  switch (q.dataset.kind) {
    case 'choice':
      return q.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? '';
    case 'file': {
      const input = q.querySelector<HTMLInputElement>('input[type=file]')!;
      return input.files?.[0]?.name ?? input.dataset.sample ?? '';
    }
    default:
      return q.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')?.value ?? '';
  }
}

function fill(q: HTMLElement, value: string): void {
  switch (q.dataset.kind) {
    case 'choice':
      for (const radio of q.querySelectorAll<HTMLInputElement>('input[type=radio]'))
        radio.checked = radio.value === value;
      return;
    case 'file': {
      // A page cannot choose a file for the user: the example's file name is sent instead.
      const input = q.querySelector<HTMLInputElement>('input[type=file]')!;
      input.dataset.sample = value;
      let note = q.querySelector<HTMLElement>('.sample-file');
      if (!note) {
        note = document.createElement('p');
        note.className = 'help sample-file';
        q.append(note);
      }
      note.textContent = `Contoh: berkas "${value}" dianggap sudah dipilih. (Example: the file "${value}" counts as chosen.)`;
      return;
    }
    default: {
      const field = q.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
      if (field) field.value = value;
    }
  }
}

function clearSamples(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('input[type=file]')) delete input.dataset.sample;
  for (const note of document.querySelectorAll('.sample-file')) note.remove();
}

function paragraph(text: string, lang?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (lang) p.lang = lang;
  return p;
}

function show(kind: 'ok' | 'waiting' | 'error', title: string, lines: HTMLElement[]): void {
  const heading = document.createElement('h2');
  heading.textContent = title;
  result.className = `card ${kind}`;
  result.dataset.state = kind;
  result.replaceChildren(heading, ...lines);
  result.focus();
}

function describe(outcome: FormOutcome): void {
  const where = `Jawaban tersimpan di tab ${outcome.tab}, baris ${outcome.row}.`;
  const whereEn = `The response is on the ${outcome.tab} tab, row ${outcome.row}.`;
  if (outcome.kandidatRow) {
    show('ok', 'Terima kasih, pendaftaran Anda sudah terkirim. / Thank you, your registration was sent.', [
      paragraph(`${where} Add-on sudah mengimpornya ke Kandidat baris ${outcome.kandidatRow} dan memvalidasinya.`),
      paragraph(`${whereEn} The add-on imported it to Kandidat row ${outcome.kandidatRow} and validated it.`, 'en'),
    ]);
  } else if (outcome.triggers === 0) {
    show('waiting', 'Terima kasih, pendaftaran Anda sudah terkirim. / Thank you, your registration was sent.', [
      paragraph(
        `${where} Formulir belum dihubungkan ke add-on, jadi jawaban ini diimpor ke Kandidat saat koordinator menjalankan Hubungkan formulir pendaftaran atau Impor jawaban formulir.`,
      ),
      paragraph(
        `${whereEn} The form is not connected to the add-on yet, so it reaches Kandidat when the coordinator connects the form or runs "Import form responses".`,
        'en',
      ),
    ]);
  } else {
    const errors = outcome.errors.length ? ` (${outcome.errors.join('; ')})` : '';
    show('waiting', 'Terima kasih, pendaftaran Anda sudah terkirim. / Thank you, your registration was sent.', [
      paragraph(
        `${where} Pemicu add-on berjalan tetapi belum mengimpor jawaban ini${errors}; lihat tab Log. Koordinator dapat menjalankan Impor jawaban formulir.`,
      ),
      paragraph(
        `${whereEn} The add-on's trigger ran but did not import it${errors}; see the Log tab. The coordinator can run "Import form responses".`,
        'en',
      ),
    ]);
  }
}

async function post(answers: Record<string, string>): Promise<Reply> {
  const response = await fetch('/api/form', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tab: form?.dataset.tab ?? '', answers }),
  });
  const reply = (await response.json()) as Reply;
  if (!response.ok) throw new Error(reply.error ?? `HTTP ${response.status}`);
  return reply;
}

function announce(outcome: FormOutcome): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'form-response', outcome });
  channel.close();
}

/** The banner says whether the form is connected as of the last response. */
function updateStatus(connected: boolean | undefined): void {
  if (connected === undefined) return;
  document.getElementById('connected')!.hidden = !connected;
  document.getElementById('not-connected')!.hidden = connected;
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const answers: Record<string, string> = {};
  for (const q of questions()) answers[q.dataset.question ?? ''] = answerOf(q);
  if (send) send.disabled = true;
  form.setAttribute('aria-busy', 'true');
  post(answers)
    .then((reply) => {
      if (!reply.outcome) throw new Error(reply.error ?? 'No answer from the preview');
      describe(reply.outcome);
      updateStatus(reply.connected);
      announce(reply.outcome);
      form.reset();
      clearSamples();
    })
    .catch((error: unknown) => {
      show('error', 'Jawaban tidak terkirim. / The response was not sent.', [
        paragraph(error instanceof Error ? error.message : String(error)),
      ]);
    })
    .finally(() => {
      if (send) send.disabled = false;
      form.removeAttribute('aria-busy');
    });
});

form?.addEventListener('reset', () => clearSamples());

sampleButton?.addEventListener('click', () => {
  sampleButton.disabled = true;
  fetch(`/api/form/sample?tab=${encodeURIComponent(form?.dataset.tab ?? '')}`)
    .then((r) => r.json() as Promise<{ answers?: Record<string, string>; error?: string }>)
    .then((reply) => {
      if (!reply.answers) throw new Error(reply.error ?? 'No example');
      clearSamples();
      for (const q of questions()) fill(q, reply.answers[q.dataset.question ?? ''] ?? '');
      questions()[0]?.querySelector<HTMLElement>('input, textarea')?.focus();
    })
    .catch((error: unknown) => {
      show('error', 'Contoh tidak tersedia. / No example available.', [
        paragraph(error instanceof Error ? error.message : String(error)),
      ]);
    })
    .finally(() => {
      sampleButton.disabled = false;
    });
});

document.body.dataset.ready = '1';
