import { announcedResults } from '../../src/core/announcedResults';

describe('announcedResults', () => {
  it('reads every table of the tab by its header row, in either language, and stops each table at a row without an ID', () => {
    const grid = [
      ['PENGUMUMAN', '', '', ''],
      ['Kabupaten Tanah Laut — Desa Ujung', '', '', ''],
      ['No', 'ID Kandidat', 'Nama', 'Hasil'],
      [1, 'TL-0001', 'Siti', 'MS'],
      [2, 'TL-0002', 'Budi', 'TMS'],
      ['', '', '', ''],
      ['Legend: A1 = …', 'TL-9999', '', 'not a row'],
      ['No', 'Candidate ID', 'Name', 'Result'],
      [1, ' TL-0003 ', 'Ani', 'Perlu Cek'],
    ];
    expect([...announcedResults(grid)]).toEqual([
      ['TL-0001', 'MS'],
      ['TL-0002', 'TMS'],
      ['TL-0003', 'Perlu Cek'],
    ]);
  });

  it('is empty for a tab without a candidate table', () => {
    expect(announcedResults([['Hasil', 'x']]).size).toBe(0);
  });
});
