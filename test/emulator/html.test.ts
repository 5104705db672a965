import { emulatorFor } from './helpers';

describe('HtmlService templates', () => {
  const emu = emulatorFor(
    `function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
     function render(data) {
       var t = HtmlService.createTemplateFromFile('Page');
       t.nama = data.nama; t.items = data.items;
       return t.evaluate().setTitle('Judul').setWidth(320).getContent();
     }
     function inline() { return HtmlService.createTemplate('<?= a ?>|<?!= a ?>|<? if (a) { ?>ya<? } else { ?>tidak<? } ?>').evaluate().getContent(); }
     function inlineWith(a) { var t = HtmlService.createTemplate('<?= a ?>|<?!= a ?>|<? if (a) { ?>ya<? } else { ?>tidak<? } ?>'); t.a = a; return t.evaluate().getContent(); }
     function show() {
       var out = HtmlService.createHtmlOutput('<p>x</p>').append('<p>y</p>').setTitle('Panduan').setWidth(300)
         .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL).addMetaTag('viewport', 'width=device-width');
       SpreadsheetApp.getUi().showSidebar(out);
       SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('d').setWidth(500).setHeight(200), 'Dialog');
       SpreadsheetApp.getUi().showModelessDialog(HtmlService.createHtmlOutput('m'), 'Modeless');
       return [out.getTitle(), out.getWidth(), out.getContent()];
     }`,
    undefined,
    {
      htmlFiles: {
        Page: '<h1><?= nama ?></h1><?!= include("Style") ?><ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
        Style: '<style>b{}</style>',
      },
    },
  );

  it('evaluates scriptlets: <?= ?> escapes, <?!= ?> does not, <? ?> runs code with template variables in scope', () => {
    const r = emu.run('render', [{ nama: 'Siti & <Budi> "A" \'B\'', items: ['<a>', 'b'] }]);
    expect(r.error).toBeUndefined();
    expect(r.value).toBe(
      '<h1>Siti &amp; &lt;Budi&gt; &quot;A&quot; &#39;B&#39;</h1><style>b{}</style><ul><li>&lt;a&gt;</li><li>b</li></ul>',
    );
  });

  it('an unassigned template variable is a ReferenceError, as in Apps Script', () => {
    expect(emu.run('inline').error).toMatchObject({ name: 'ReferenceError', message: 'a is not defined' });
    expect(emu.run('inlineWith', ['<x>']).value).toBe('&lt;x&gt;|<x>|ya');
    expect(emu.run('inlineWith', ['']).value).toBe('||tidak');
  });

  it('records sidebars and dialogs with their evaluated content and sizes', () => {
    const r = emu.run('show');
    expect(r.value).toEqual(['Panduan', 300, '<p>x</p><p>y</p>']);
    expect(r.ui.sidebars).toEqual([
      { title: 'Panduan', width: 300, height: 0, content: '<p>x</p><p>y</p>', modal: false },
    ]);
    expect(r.ui.dialogs).toEqual([
      { title: 'Dialog', width: 500, height: 200, content: 'd', modal: true },
      { title: 'Modeless', width: 600, height: 400, content: 'm', modal: false },
    ]);
  });
});

describe('Ui alerts and prompts', () => {
  const code = `function ask() {
    var ui = SpreadsheetApp.getUi();
    var a = ui.alert('Hapus?', 'Yakin menghapus 3 baris?', ui.ButtonSet.YES_NO);
    var p = ui.prompt('Nama sesi', ui.ButtonSet.OK_CANCEL);
    return [a === ui.Button.YES, String(a), p.getSelectedButton() === ui.Button.OK, p.getResponseText()];
  }`;

  it('returns what the responders choose and records the dialogs', () => {
    const emu = emulatorFor(code);
    emu.alertResponder = () => 'NO';
    emu.promptResponder = () => ({ button: 'OK', text: 'Sesi 1' });
    const r = emu.run('ask');
    expect(r.value).toEqual([false, 'NO', true, 'Sesi 1']);
    expect(r.ui.alerts).toEqual([
      { title: 'Hapus?', prompt: 'Yakin menghapus 3 baris?', buttons: 'YES_NO', response: 'NO' },
    ]);
    expect(r.ui.prompts).toEqual([{ prompt: 'Nama sesi', buttons: 'OK_CANCEL', response: 'OK', text: 'Sesi 1' }]);
  });

  it('defaults to the first button of the set', () => {
    expect(emulatorFor(code).run('ask').value).toEqual([true, 'YES', true, '']);
  });
});
