import { buildDemoWorkbook, type DemoWorkbook, type FaultKind } from '../../scripts/demo-data';
import {
  age,
  decodeNik,
  DISTRICT_CODES6,
  DISTRICTS,
  EMAIL_RE,
  isLandline,
  isMobile,
  kandidatRows,
  makassarYmd,
  norm,
  parseBirth,
  phoneNational,
  PROVINCE_CODES,
  sexOf,
  villagesOfRegency,
  type KRow,
} from './helpers';

const ACCEPTED_EDUCATION = new Set([
  'SMA',
  'SMK',
  'MA',
  'SLTA',
  'SMA/Sederajat',
  'Paket C',
  'sma',
  'D1',
  'D2',
  'D3',
  'D-III',
  'Diploma III',
  'D4',
  'S1',
  'S-1',
  'Sarjana',
  'S1 Pendidikan',
  'S1 Ekonomi',
  'S1 Kesejahteraan Sosial',
  'S2',
]);
const LOW_EDUCATION = new Set(['SMP', 'SD', 'SLTP', 'MTs', 'Paket B']);
const UNKNOWN_EDUCATION = new Set(['Pesantren', 'Pondok Pesantren', 'Kursus Komputer', 'Kursus Menjahit']);
const ALL_KINDS: FaultKind[] = [
  'nik-number',
  'nik-truncated',
  'nik-bad-length',
  'nik-bad-province',
  'nik-birthdate-mismatch',
  'nik-sex-mismatch',
  'phone-no-zero',
  'phone-landline',
  'phone-bad',
  'phone-shared',
  'age-too-young',
  'age-too-old',
  'education-too-low',
  'education-unknown',
  'village-not-targeted',
  'duplicate-nik',
  'duplicate-id',
  'missing-name',
  'missing-address',
  'missing-phone',
  'bad-email',
  'bad-sex',
  'bad-birthdate',
  'override-no-reason',
  'override-valid',
];
const REGENCY_CODES: Record<string, string> = {
  'aceh besar': '11.06',
  garut: '32.05',
  sikka: '53.07',
  'tanah laut': '63.01',
  bone: '73.08',
  'maluku tengah': '81.01',
  jayapura: '91.03',
};

let wb: DemoWorkbook;
let rows: KRow[];
let faultAt: Map<number, FaultKind>;
let targets: Set<string>;

beforeAll(() => {
  wb = buildDemoWorkbook();
  rows = kandidatRows(wb.tabs.Kandidat);
  faultAt = new Map(wb.faults.map((f) => [f.row, f.kind]));
  targets = new Set(
    wb.tabs['Desa Sasaran'].slice(1).map((r) => `${norm(String(r[1]))}|${norm(String(r[2]))}|${norm(String(r[3]))}`),
  );
});

const targetKey = (r: KRow) => `${norm(String(r.regency))}|${norm(String(r.district))}|${norm(String(r.village))}`;

/** Every row-local problem the tests can see in a row, named by fault kind. */
function problems(r: KRow): FaultKind[] {
  const out: FaultKind[] = [];
  const birth = parseBirth(r.birth);
  const sex = sexOf(r.sex);
  if (typeof r.nik === 'number') out.push('nik-number');
  else {
    const digits = String(r.nik).replace(/[\s.-]/g, '');
    if (!/^\d+$/.test(digits)) out.push('nik-bad-length');
    else if (digits.length === 15 || (digits.length === 16 && digits.endsWith('0000'))) out.push('nik-truncated');
    else if (digits.length !== 16) out.push('nik-bad-length');
    else {
      const nik = decodeNik(digits);
      if (!PROVINCE_CODES.has(digits.slice(0, 2))) out.push('nik-bad-province');
      else if (!DISTRICT_CODES6.has(nik.region)) out.push('nik-bad-province');
      if (nik.birth === null) out.push('nik-birthdate-mismatch');
      else if (birth && (nik.birth.y !== birth.ymd.y || nik.birth.m !== birth.ymd.m || nik.birth.d !== birth.ymd.d))
        out.push('nik-birthdate-mismatch');
      if (sex && nik.sex !== sex) out.push('nik-sex-mismatch');
    }
  }
  if (r.phone === '') out.push('missing-phone');
  else if (typeof r.phone === 'number') out.push('phone-no-zero');
  else {
    const n = phoneNational(r.phone);
    if (isLandline(n)) out.push('phone-landline');
    else if (!isMobile(n)) out.push('phone-bad');
  }
  if (birth === null) out.push('bad-birthdate');
  else if (age(birth.ymd) < 18) out.push('age-too-young');
  else if (age(birth.ymd) > 55) out.push('age-too-old');
  if (LOW_EDUCATION.has(String(r.edu))) out.push('education-too-low');
  else if (!ACCEPTED_EDUCATION.has(String(r.edu))) out.push('education-unknown');
  if (!targets.has(targetKey(r))) out.push('village-not-targeted');
  if (r.name === '') out.push('missing-name');
  if (r.address === '') out.push('missing-address');
  if (r.email !== '' && !EMAIL_RE.test(String(r.email))) out.push('bad-email');
  if (sex === null) out.push('bad-sex');
  if (r.decision !== '' || r.reason !== '') out.push(r.reason === '' ? 'override-no-reason' : 'override-valid');
  return out;
}

const nikKey = (r: KRow) => String(r.nik).replace(/[\s.-]/g, '');

describe('clean candidate rows', () => {
  it('carry no problem at all', () => {
    const dirty = rows
      .filter((r) => !faultAt.has(r.row))
      .map((r) => [r.row, problems(r)])
      .filter(([, p]) => (p as string[]).length > 0);
    expect(dirty).toEqual([]);
  });

  it('have NIKs consistent with a real district code, the birth date and the sex', () => {
    const clean = rows.filter((r) => !faultAt.has(r.row));
    expect(clean).toHaveLength(1350);
    for (const r of clean) {
      expect(typeof r.nik).toBe('string');
      const digits = nikKey(r);
      expect(digits).toMatch(/^\d{16}$/);
      const nik = decodeNik(digits);
      expect(DISTRICT_CODES6.has(nik.region)).toBe(true);
      expect(nik.birth).toEqual(parseBirth(r.birth)!.ymd);
      expect(nik.sex).toBe(sexOf(r.sex));
      expect(nik.serial).not.toBe('0000');
    }
    // NIK region is mostly the candidate's own regency, sometimes elsewhere.
    const own = clean.filter((r) => nikKey(r).slice(0, 4) === REGENCY_CODES[norm(String(r.regency))].replace('.', ''));
    expect(own.length / clean.length).toBeGreaterThan(0.85);
    expect(own.length).toBeLessThan(clean.length);
    // Some NIKs typed with spaces, still 16 digits.
    expect(clean.some((r) => / /.test(String(r.nik)))).toBe(true);
  });

  it('are unique in NIK, phone and ID except where a fault says otherwise', () => {
    const count = (key: (r: KRow) => string) => {
      const m = new Map<string, KRow[]>();
      for (const r of rows) {
        const k = key(r);
        if (k) m.set(k, [...(m.get(k) ?? []), r]);
      }
      return [...m.values()].filter((g) => g.length > 1);
    };
    for (const [kind, key] of [
      ['duplicate-nik', nikKey],
      [
        'phone-shared',
        (r: KRow) => (typeof r.phone === 'string' && isMobile(phoneNational(r.phone)) ? phoneNational(r.phone)! : ''),
      ],
      ['duplicate-id', (r: KRow) => r.id],
    ] as const) {
      const groups = count(key);
      expect(groups.length).toBe(wb.faults.filter((f) => f.kind === kind).length);
      for (const g of groups) {
        expect(g.map((r) => faultAt.get(r.row) === kind).sort()).toEqual([false, true]);
      }
    }
  });

  it('look like real data: ages mostly 20–45, both sexes, single names, varied formats', () => {
    const clean = rows.filter((r) => !faultAt.has(r.row));
    const ages = clean.map((r) => age(parseBirth(r.birth)!.ymd));
    expect(ages.filter((a) => a >= 20 && a <= 45).length / ages.length).toBeGreaterThan(0.8);
    const sexes = clean.map((r) => sexOf(r.sex));
    expect(sexes.filter((s) => s === 'P').length).toBeGreaterThan(500);
    expect(sexes.filter((s) => s === 'L').length).toBeGreaterThan(500);
    expect(new Set(clean.map((r) => r.sex))).toEqual(
      new Set(['L', 'P', 'Laki-laki', 'Perempuan', 'LK', 'PR', 'Pria', 'Wanita']),
    );
    expect(clean.filter((r) => !/\s/.test(String(r.name))).length).toBeGreaterThan(20);
    expect(new Set(clean.map((r) => r.name)).size).toBeGreaterThan(1000);
    expect(clean.filter((r) => r.email === '').length).toBeGreaterThan(300);
    for (const edu of ['SMA', 'SMK', 'S1', 'D3', 'SLTA', 'Sarjana', 'Paket C', 'MA', 'S1 Pendidikan']) {
      expect([edu, clean.some((r) => r.edu === edu)]).toEqual([edu, true]);
    }
    // Birth dates: mostly Date cells, and text in every accepted format and month spelling.
    const parsed = clean.map((r) => parseBirth(r.birth)!);
    expect(parsed.filter((p) => p.format === 'date').length / parsed.length).toBeGreaterThan(0.7);
    for (const format of ['d/m/yyyy', 'd-m-yyyy', 'yyyy-mm-dd', 'd month yyyy'] as const) {
      expect([format, parsed.some((p) => p.format === format)]).toEqual([format, true]);
    }
    const months = new Set(parsed.map((p) => p.month).filter(Boolean));
    for (const m of ['Agustus', 'Pebruari', 'Nopember', 'Agt', 'Mei']) expect([m, months.has(m)]).toEqual([m, true]);
    const english = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    expect([...months].filter((m) => english.includes(m!)).length).toBeGreaterThanOrEqual(3);
    // Phones in several shapes, all strings.
    const phones = clean.map((r) => String(r.phone));
    for (const re of [/^08\d{8,11}$/, /^\+62 8\d\d-/, /^08\d\d \d{4} /, /^08\d\d-\d{4}-/, /^628\d+$/]) {
      expect([String(re), phones.some((p) => re.test(p))]).toEqual([String(re), true]);
    }
    // Place names sometimes typed differently but still the same place.
    expect(clean.some((r) => String(r.regency).startsWith('Kab. '))).toBe(true);
    expect(clean.some((r) => String(r.district).startsWith('Kec. '))).toBe(true);
  });

  it('were registered in November 2019 (Asia/Makassar), with times of day, in order', () => {
    let last = 0;
    for (const r of rows) {
      expect(r.registered).toBeInstanceOf(Date);
      const d = r.registered as Date;
      const ymd = makassarYmd(d);
      expect([ymd.y, ymd.m, ymd.d >= 1 && ymd.d <= 25]).toEqual([2019, 11, true]);
      expect(d.getTime()).toBeGreaterThanOrEqual(last);
      last = d.getTime();
    }
    expect(new Set(rows.map((r) => ((r.registered as Date).getTime() / 3600_000) % 24)).size).toBeGreaterThan(10);
  });
});

describe('faults', () => {
  it('mark one row in ten, each kind several times, on distinct rows', () => {
    expect(wb.faults).toHaveLength(150);
    expect(new Set(wb.faults.map((f) => f.row)).size).toBe(150);
    const counts = new Map<FaultKind, number>();
    for (const f of wb.faults) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...ALL_KINDS].sort());
    for (const k of ALL_KINDS) expect([k, counts.get(k)! >= 5]).toEqual([k, true]);
    for (const f of wb.faults) {
      expect(f.tab).toBe('Kandidat');
      expect(f.note.length).toBeGreaterThan(5);
      if (f.column !== undefined) expect(wb.tabs.Kandidat[0]).toContain(f.column);
    }
  });

  it('each show exactly their own problem on the recorded row', () => {
    const byRow = new Map(rows.map((r) => [r.row, r]));
    for (const f of wb.faults) {
      const r = byRow.get(f.row);
      expect([f.row, r !== undefined]).toEqual([f.row, true]);
      const crossRow = f.kind === 'duplicate-nik' || f.kind === 'phone-shared' || f.kind === 'duplicate-id';
      expect([f.row, f.kind, problems(r!)]).toEqual([f.row, f.kind, crossRow ? [] : [f.kind]]);
    }
  });

  it('have the expected shapes', () => {
    const byRow = new Map(rows.map((r) => [r.row, r]));
    const of = (kind: FaultKind) => wb.faults.filter((f) => f.kind === kind).map((f) => byRow.get(f.row)!);
    for (const r of of('nik-number')) {
      expect(typeof r.nik).toBe('number');
      expect(r.nik as number).toBeGreaterThan(1e15);
      expect(r.nik as number).toBeLessThan(1e16);
    }
    for (const r of of('phone-no-zero')) expect(String(r.phone)).toMatch(/^8[1-35-9]\d{7,10}$/);
    for (const r of of('phone-landline')) expect(String(r.phone)).toMatch(/^(0\d{3}-\d{5,6}|\(0\d{3}\) \d{5,6})$/);
    for (const r of of('education-too-low')) expect(LOW_EDUCATION.has(String(r.edu))).toBe(true);
    for (const r of of('education-unknown')) expect(UNKNOWN_EDUCATION.has(String(r.edu))).toBe(true);
    for (const r of of('override-no-reason')) expect([r.decision, r.reason]).toEqual(['TMS', '']);
    for (const r of of('override-valid')) {
      expect(r.decision).toBe('MS');
      expect(String(r.reason).length).toBeGreaterThan(10);
    }
    for (const r of of('bad-birthdate')) expect(typeof r.birth).toBe('string');
    for (const r of of('age-too-young')) expect(age(parseBirth(r.birth)!.ymd)).toBeLessThan(18);
    for (const r of of('age-too-old')) expect(age(parseBirth(r.birth)!.ymd)).toBeGreaterThan(55);
    // A village not on the list is still a real village of the candidate's own regency and district.
    for (const r of of('village-not-targeted')) {
      const code = REGENCY_CODES[norm(String(r.regency))];
      const district = DISTRICTS.find((d) => d.regency === code && norm(d.name) === norm(String(r.district)))!;
      expect(district).toBeDefined();
      expect(
        villagesOfRegency(code).some((v) => v.district === district.code && norm(v.name) === norm(String(r.village))),
      ).toBe(true);
    }
    // A duplicated NIK is the same person registered twice (same name and birth date), from another row.
    for (const r of of('duplicate-nik')) {
      const twin = rows.find((o) => o !== r && nikKey(o) === nikKey(r))!;
      expect(twin.name).toBe(r.name);
      expect(parseBirth(twin.birth)!.ymd).toEqual(parseBirth(r.birth)!.ymd);
    }
    for (const r of of('phone-shared')) {
      expect(
        rows.filter((o) => o !== r && typeof o.phone === 'string' && phoneNational(o.phone) === phoneNational(r.phone)),
      ).toHaveLength(1);
    }
    for (const r of of('duplicate-id')) expect(rows.filter((o) => o.id === r.id)).toHaveLength(2);
  });
});
