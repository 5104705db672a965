import { educationLevel } from '../../src/core/education';

describe('educationLevel', () => {
  it.each([
    ['SMA', 'SLTA'],
    ['smk', 'SLTA'],
    ['Paket C', 'SLTA'],
    ['MA', 'SLTA'],
    ['SMA/SMK', 'SLTA'],
    ['S1 Pendidikan', 'D4/S1'],
    ['Sarjana', 'D4/S1'],
    ['D-3', 'D3'],
    ['D3 Keperawatan', 'D3'],
    ['SMP', 'SLTP'],
    ['MTs', 'SLTP'],
    ['SD', 'SD'],
    ['Paket A', 'SD'],
    ['S2', 'S2'],
    ['Magister', 'S2'],
    ['S3', 'S3'],
    ['D4', 'D4/S1'],
    ['D2', 'D1/D2'],
    ['Tidak Sekolah', 'Tidak/Belum Sekolah'],
  ])('maps %s to %s', (typed, code) => {
    expect(educationLevel(typed)?.code).toBe(code);
  });

  it('orders levels from no schooling to S3', () => {
    expect(educationLevel('SD')!.rank).toBeLessThan(educationLevel('SMP')!.rank);
    expect(educationLevel('SMP')!.rank).toBeLessThan(educationLevel('SMA')!.rank);
    expect(educationLevel('S1')!.rank).toBeLessThan(educationLevel('S2')!.rank);
  });

  it.each(['Pesantren', '', 'lulus', '123'])('does not recognise %j', (typed) => {
    expect(educationLevel(typed)).toBeUndefined();
  });
});
