/**
 * `Panel`, `Sesi` and `Peserta`: the people who score candidates and the briefing/FGD sessions with their
 * participants.
 */
import {
  APARAT_ROLES,
  fillRole,
  INSTANSI_ROLES,
  LAINNYA_ROLES,
  PENELITI_ROLES,
  PENYULUH_ROLES,
  TITLES_AFTER,
  TOKOH_GENERAL,
  TOKOH_RELIGIOUS,
  UNSUR,
  VILLAGE_LABEL,
  type Role,
  type Unsur,
} from './agencies';
import { formatPhone, type Candidate, type CellValue } from './candidates';
import { witaDate } from './dates';
import { makeName, nameWords, type NameGroup, type Sex } from './names';
import type { Rng } from './rng';
import type { Regency, Village, World } from './world';

export const PANEL_HEADERS = ['Email', 'Nama', 'Wilayah', 'Aktif'] as const;
export const SESI_HEADERS = [
  'Kode Sesi',
  'Nama Kegiatan',
  'Tanggal',
  'Jam Mulai',
  'Jam Selesai',
  'Zona Waktu',
  'Tempat',
  'Desa/Kelurahan',
  'Kecamatan',
  'Kabupaten/Kota',
  'Provinsi',
  'Fasilitator',
  'Kota Penandatanganan',
] as const;
export const PESERTA_HEADERS = [
  'Kode Sesi',
  'Nama',
  'Jenis Kelamin',
  'Unsur',
  'Jabatan',
  'Instansi/Asal',
  'No. HP',
  'ID Kandidat',
] as const;

export const PANEL_DOMAIN = 'example.go.id';

/** Researchers travel from Java to every regency. */
const RESEARCHER_GROUPS: ReadonlyArray<readonly [NameGroup, number]> = [
  ['jawa', 6],
  ['sunda', 2],
  ['minang', 1],
  ['batak', 1],
  ['bugis', 1],
];

interface Person {
  name: string;
  sex: Sex;
  phone: string;
}

function newPerson(rng: Rng, group: NameGroup, sex?: Sex): Person {
  const s: Sex = sex ?? (rng.chance(0.45) ? 'P' : 'L');
  let name = makeName(rng, group, s);
  while (nameWords(name).length < 2) name = makeName(rng, group, s);
  const prefix = ['812', '813', '821', '852', '853', '811', '857', '878', '822'];
  return {
    name,
    sex: s,
    phone: formatPhone(rng.pick(prefix) + rng.digits(8), rng.pick(['plain', 'plain', 'dash', 'space'] as const)),
  };
}

function titled(rng: Rng, p: Person, pBefore: number, pAfter: number): string {
  let name = p.name;
  if (rng.chance(pBefore)) {
    const before = p.sex === 'L' ? rng.pick(['H.', 'Drs.', 'Dr.', 'Ir.']) : rng.pick(['Hj.', 'Dra.', 'Dr.']);
    name = `${before} ${name}`;
  }
  if (rng.chance(pAfter)) name = `${name}, ${rng.pick(TITLES_AFTER)}`;
  return name;
}

export interface RegencyPeople {
  researchers: Person[];
  /** Display names of the researchers, with titles (facilitators). */
  researcherNames: string[];
}

export function makeResearchers(rng: Rng, world: World): RegencyPeople[] {
  return world.regencies.map(() => {
    const researchers: Person[] = [];
    while (researchers.length < 3) {
      const p = newPerson(rng, rng.weighted(RESEARCHER_GROUPS));
      if (!researchers.some((q) => q.name === p.name)) researchers.push(p);
    }
    const researcherNames = researchers.map((p, i) => (i === 0 ? `Dr. ${p.name}, M.Si.` : titled(rng, p, 0.2, 0.8)));
    return { researchers, researcherNames };
  });
}

function emailFor(name: string, used: Set<string>): string {
  const words = nameWords(name);
  const base = words.length > 1 ? `${words[0]}.${words[words.length - 1]}` : (words[0] ?? 'panelis');
  let email = `${base}@${PANEL_DOMAIN}`;
  for (let i = 2; used.has(email); i++) email = `${base}${i}@${PANEL_DOMAIN}`;
  used.add(email);
  return email;
}

export function buildPanel(rng: Rng, world: World, people: RegencyPeople[]): CellValue[][] {
  const rows: CellValue[][] = [[...PANEL_HEADERS]];
  const used = new Set<string>();
  world.regencies.forEach((regency, i) => {
    const local = regency.config.people[0][0];
    const members = [people[i].researchers[0], newPerson(rng, local), newPerson(rng, local)];
    for (const m of members) rows.push([emailFor(m.name, used), m.name, regency.name, 'Ya']);
    if (regency.config.short === 'TLT') {
      const gone = newPerson(rng, local);
      rows.push([emailFor(gone.name, used), gone.name, regency.name, 'Tidak']);
    }
  });
  const coordinator = newPerson(rng, 'jawa');
  rows.push([emailFor(coordinator.name, used), coordinator.name, 'Semua', 'Ya']);
  return rows;
}

/** The village meeting hall, by local naming. */
const HALL = {
  desa: 'Balai Desa',
  gampong: 'Meunasah Gampong',
  negeri: 'Baileo Negeri',
  kampung: 'Balai Kampung',
  kelurahan: 'Aula Kantor Lurah',
} as const;

export interface SessionInfo {
  code: string;
  regencyIndex: number;
  day: number;
}

export function buildSesi(
  rng: Rng,
  world: World,
  people: RegencyPeople[],
): { rows: CellValue[][]; sessions: SessionInfo[] } {
  const rows: CellValue[][] = [[...SESI_HEADERS]];
  const sessions: SessionInfo[] = [];
  world.regencies.forEach((regency, i) => {
    const cfg = regency.config;
    const seatDistrict = regency.districts.find((d) => d.name === cfg.seatDistrict);
    const seat = { village: cfg.seatVillage, district: seatDistrict?.name ?? cfg.seatDistrict };
    const field = rng.pick(regency.targets);
    const dot = cfg.fgd1Start.includes('.');
    const t = (hhmm: string) => (dot ? hhmm.replace(':', '.') : hhmm);
    const evening = cfg.fgd1Start.startsWith('19');
    const plan = [
      {
        code: `${cfg.short}-PBK`,
        title: 'Pembekalan & Rekrutmen Calon Penyuluh Sosial',
        day: 26,
        start: t('08:00'),
        end: t('16:00'),
        place: cfg.venue,
        where: seat,
      },
      {
        code: `${cfg.short}-FGD1`,
        title: 'FGD Hari 1',
        day: 27,
        start: cfg.fgd1Start,
        end: evening ? 'selesai' : t('15:30'),
        place: cfg.venue,
        where: seat,
      },
      {
        code: `${cfg.short}-FGD2`,
        title: 'FGD Hari 2',
        day: 28,
        start: t('08:30'),
        end: t('12:00'),
        place: `${HALL[field.kelurahan ? 'kelurahan' : cfg.villageStyle]} ${field.name}`,
        where: { village: field.name, district: field.districtName },
      },
      {
        code: `${cfg.short}-FGD3`,
        title: 'FGD Hari 3',
        day: 29,
        start: t('08:00'),
        end: rng.chance(0.5) ? 'selesai' : t('13:00'),
        place: cfg.venue,
        where: seat,
      },
    ];
    plan.forEach((s, k) => {
      rows.push([
        s.code,
        s.title,
        witaDate(2019, 11, s.day),
        s.start,
        s.end,
        cfg.zone,
        s.place,
        s.where.village,
        s.where.district,
        regency.name,
        regency.province,
        people[i].researcherNames[k === 0 ? 0 : k % 3],
        // Each regency signs in its seat; the first leaves it blank and falls back to the setting.
        i === 0 ? '' : cfg.seatDistrict,
      ]);
      sessions.push({ code: s.code, regencyIndex: i, day: s.day });
    });
  });
  return { rows, sessions };
}

interface Participant {
  name: string;
  sex: Sex;
  unsur: Unsur;
  role: Role;
  phone: string;
  candidateId: string;
}

function regencyPool(rng: Rng, regency: Regency, researchers: RegencyPeople, calon: Candidate[]): Participant[] {
  const cfg = regency.config;
  const local = cfg.people[0][0];
  const ctx = (v: Village) => ({
    kab: regency.name,
    kec: v.districtName,
    desa: v.name,
    univ: cfg.university,
    label: VILLAGE_LABEL[v.kelurahan ? 'kelurahan' : cfg.villageStyle],
  });
  const seatVillage = regency.targets[0];
  const pool: Participant[] = [];
  const names = new Set<string>([...researchers.researchers.map((p) => p.name), ...calon.map((c) => c.name)]);
  const add = (unsur: Unsur, p: Person, role: Role, name = p.name, candidateId = '') =>
    pool.push({ name, sex: p.sex, unsur, role, phone: rng.chance(0.85) ? p.phone : '', candidateId });
  // A new person whose name is not yet on this regency's lists.
  const person = (r: Rng, group: NameGroup, sex?: Sex): Person => {
    for (;;) {
      const p = newPerson(r, group, sex);
      if (!names.has(p.name)) {
        names.add(p.name);
        return p;
      }
    }
  };

  researchers.researchers.forEach((p, i) =>
    add('Peneliti', p, PENELITI_ROLES[i % PENELITI_ROLES.length], researchers.researcherNames[i]),
  );
  for (const role of rng.sample(PENYULUH_ROLES, 3))
    add('Penyuluh Sosial', person(rng, local), fillRole(role, ctx(rng.pick(regency.targets))));
  for (const role of rng.sample(INSTANSI_ROLES, 8)) {
    const p = person(rng, rng.weighted(cfg.people));
    add('Perwakilan Instansi Terkait', p, fillRole(role, ctx(rng.pick(regency.targets))), titled(rng, p, 0.25, 0.5));
  }
  for (const v of rng.sample(regency.targets, 10)) {
    const roles = APARAT_ROLES[v.kelurahan ? 'kelurahan' : cfg.villageStyle];
    const p = person(rng, rng.weighted(cfg.people));
    add('Aparat Desa', p, fillRole(rng.pick(roles), ctx(v)), titled(rng, p, 0.1, 0.2));
  }
  for (const c of calon) {
    const p: Person = { name: c.name, sex: c.sex, phone: typeof c.phone === 'string' ? c.phone : '' };
    add(
      'Calon Penyuluh Sosial',
      p,
      fillRole({ jabatan: 'Calon Penyuluh Sosial', instansi: 'Desa {desa}' }, ctx(c.village)),
      c.name,
      c.id,
    );
  }
  for (let i = calon.length; i < 6; i++) {
    const v = rng.pick(regency.targets);
    add(
      'Calon Penyuluh Sosial',
      person(rng, rng.weighted(cfg.people)),
      fillRole({ jabatan: 'Calon Penyuluh Sosial', instansi: 'Desa {desa}' }, ctx(v)),
    );
  }
  for (const role of rng.sample(TOKOH_RELIGIOUS[cfg.faith], 2))
    add('Tokoh Masyarakat', person(rng, local, 'L'), fillRole(role, ctx(rng.pick(regency.targets))));
  for (const role of rng.sample(TOKOH_GENERAL, 4)) {
    const sex: Sex | undefined = /PKK|Perempuan/.test(role.jabatan) ? 'P' : undefined;
    add('Tokoh Masyarakat', person(rng, rng.weighted(cfg.people), sex), fillRole(role, ctx(rng.pick(regency.targets))));
  }
  for (const role of rng.sample(LAINNYA_ROLES, 4))
    add('Lainnya', person(rng, rng.weighted(cfg.people)), fillRole(role, ctx(seatVillage)));
  return pool;
}

export function buildPeserta(
  rng: Rng,
  world: World,
  sessions: SessionInfo[],
  people: RegencyPeople[],
  candidates: Candidate[],
): CellValue[][] {
  const rows: CellValue[][] = [[...PESERTA_HEADERS]];
  const pools = world.regencies.map((regency, i) => {
    const calon = candidates
      .filter((c) => c.regency === regency && c.id !== '' && !c.fault && c.name !== '')
      .slice(0, 12);
    return regencyPool(rng, regency, people[i], calon);
  });
  for (const s of sessions) {
    const pool = pools[s.regencyIndex];
    const count = rng.int(15, 30);
    const chosen = new Set<Participant>();
    for (const unsur of UNSUR) chosen.add(rng.pick(pool.filter((p) => p.unsur === unsur)));
    for (const p of rng.shuffle(pool)) {
      if (chosen.size >= count) break;
      chosen.add(p);
    }
    const ordered = [...chosen].sort((a, b) => UNSUR.indexOf(a.unsur) - UNSUR.indexOf(b.unsur));
    for (const p of ordered)
      rows.push([s.code, p.name, p.sex, p.unsur, p.role.jabatan, p.role.instansi, p.phone, p.candidateId]);
  }
  return rows;
}
