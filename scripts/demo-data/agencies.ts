/**
 * Roles (jabatan) and home organisations (instansi/asal) of FGD participants, by participant group (unsur).
 * `{kab}` is the regency's full name ("Kabupaten Tanah Laut"), `{kec}` a district, `{desa}` a village,
 * `{univ}` the regency's nearby university.
 */
import { UNSUR } from '../../src/core/vocab';

/** The participant groups are the contract's own list. */
export { UNSUR };
export type Unsur = (typeof UNSUR)[number];

export interface Role {
  jabatan: string;
  instansi: string;
}

export const RESEARCH_INSTITUTES = [
  'B2P3KS Yogyakarta, Kementerian Sosial RI',
  'Puslitbangkesos, Kementerian Sosial RI',
] as const;

export const PENELITI_ROLES: readonly Role[] = [
  { jabatan: 'Peneliti Ahli Utama', instansi: 'Puslitbangkesos, Kementerian Sosial RI' },
  { jabatan: 'Peneliti Ahli Madya', instansi: 'B2P3KS Yogyakarta, Kementerian Sosial RI' },
  { jabatan: 'Peneliti Ahli Muda', instansi: 'B2P3KS Yogyakarta, Kementerian Sosial RI' },
  { jabatan: 'Peneliti Ahli Pertama', instansi: 'Puslitbangkesos, Kementerian Sosial RI' },
];

export const PENYULUH_ROLES: readonly Role[] = [
  { jabatan: 'Penyuluh Sosial Ahli Madya', instansi: 'Pusat Penyuluhan Sosial, Kementerian Sosial RI' },
  { jabatan: 'Penyuluh Sosial Ahli Muda', instansi: 'Dinas Sosial {kab}' },
  { jabatan: 'Penyuluh Sosial Ahli Pertama', instansi: 'Dinas Sosial {kab}' },
  { jabatan: 'Penyuluh Sosial Masyarakat', instansi: 'Kecamatan {kec}' },
];

export const INSTANSI_ROLES: readonly Role[] = [
  { jabatan: 'Kepala Dinas', instansi: 'Dinas Sosial {kab}' },
  { jabatan: 'Sekretaris Dinas', instansi: 'Dinas Sosial {kab}' },
  { jabatan: 'Kepala Bidang Pemberdayaan Sosial', instansi: 'Dinas Sosial {kab}' },
  { jabatan: 'Kepala Bidang Perlindungan dan Jaminan Sosial', instansi: 'Dinas Sosial {kab}' },
  { jabatan: 'Kepala Seksi Penanganan Fakir Miskin', instansi: 'Dinas Sosial {kab}' },
  { jabatan: 'Kepala Bidang Sosial Budaya', instansi: 'Bappeda {kab}' },
  { jabatan: 'Staf Perencana', instansi: 'Bappeda {kab}' },
  { jabatan: 'Kepala Bidang Pemberdayaan Masyarakat', instansi: 'Dinas Pemberdayaan Masyarakat dan Desa {kab}' },
  { jabatan: 'Kepala Puskesmas', instansi: 'Puskesmas {kec}' },
  { jabatan: 'Bidan Desa', instansi: 'Puskesmas {kec}' },
  { jabatan: 'Camat', instansi: 'Kecamatan {kec}' },
  { jabatan: 'Sekretaris Kecamatan', instansi: 'Kecamatan {kec}' },
  { jabatan: 'Kasi Kesejahteraan Sosial', instansi: 'Kecamatan {kec}' },
  { jabatan: 'Bhabinkamtibmas', instansi: 'Polsek {kec}' },
  { jabatan: 'Babinsa', instansi: 'Koramil {kec}' },
  { jabatan: 'Penyuluh Agama', instansi: 'KUA Kecamatan {kec}' },
  { jabatan: 'Tenaga Kesejahteraan Sosial Kecamatan (TKSK)', instansi: 'Dinas Sosial {kab}' },
];

/** Village government titles differ by region; `kelurahan` villages have a lurah. */
export type VillageStyle = 'desa' | 'gampong' | 'negeri' | 'kampung';

export const APARAT_ROLES: Record<VillageStyle | 'kelurahan', readonly Role[]> = {
  desa: [
    { jabatan: 'Kepala Desa', instansi: 'Desa {desa}' },
    { jabatan: 'Sekretaris Desa', instansi: 'Desa {desa}' },
    { jabatan: 'Kaur Kesejahteraan', instansi: 'Desa {desa}' },
    { jabatan: 'Kepala Dusun', instansi: 'Desa {desa}' },
    { jabatan: 'Ketua BPD', instansi: 'Desa {desa}' },
    { jabatan: 'Kasi Pelayanan', instansi: 'Desa {desa}' },
  ],
  gampong: [
    { jabatan: 'Keuchik', instansi: 'Gampong {desa}' },
    { jabatan: 'Sekretaris Gampong', instansi: 'Gampong {desa}' },
    { jabatan: 'Ketua Tuha Peuet', instansi: 'Gampong {desa}' },
    { jabatan: 'Kepala Dusun', instansi: 'Gampong {desa}' },
  ],
  negeri: [
    { jabatan: 'Raja Negeri', instansi: 'Negeri {desa}' },
    { jabatan: 'Sekretaris Negeri', instansi: 'Negeri {desa}' },
    { jabatan: 'Kepala Soa', instansi: 'Negeri {desa}' },
    { jabatan: 'Ketua Saniri Negeri', instansi: 'Negeri {desa}' },
  ],
  kampung: [
    { jabatan: 'Kepala Kampung', instansi: 'Kampung {desa}' },
    { jabatan: 'Sekretaris Kampung', instansi: 'Kampung {desa}' },
    { jabatan: 'Ketua Bamuskam', instansi: 'Kampung {desa}' },
  ],
  kelurahan: [
    { jabatan: 'Lurah', instansi: 'Kelurahan {desa}' },
    { jabatan: 'Sekretaris Kelurahan', instansi: 'Kelurahan {desa}' },
    { jabatan: 'Kasi Kesejahteraan Sosial', instansi: 'Kelurahan {desa}' },
  ],
};

/** Community leaders; religious roles depend on the region. */
export type FaithStyle = 'islam' | 'aceh' | 'katolik' | 'protestan-papua' | 'maluku';

export const TOKOH_RELIGIOUS: Record<FaithStyle, readonly Role[]> = {
  islam: [
    { jabatan: 'Tokoh Agama (Ustadz)', instansi: 'Majelis Ulama Indonesia Kecamatan {kec}' },
    { jabatan: 'Imam Masjid', instansi: 'Masjid Jami {desa}' },
    { jabatan: 'Ketua Majelis Taklim', instansi: 'Majelis Taklim Desa {desa}' },
  ],
  aceh: [
    { jabatan: 'Teungku Imeum Meunasah', instansi: 'Gampong {desa}' },
    { jabatan: 'Tokoh Agama (Teungku)', instansi: 'Dayah {desa}' },
  ],
  katolik: [
    { jabatan: 'Pastor Paroki', instansi: 'Paroki {desa}, Keuskupan Maumere' },
    { jabatan: 'Ketua Dewan Pastoral Paroki', instansi: 'Paroki {desa}, Keuskupan Maumere' },
    { jabatan: 'Ketua KUB', instansi: 'Kelompok Umat Basis {desa}' },
  ],
  'protestan-papua': [
    { jabatan: 'Pendeta', instansi: 'Jemaat GKI di Tanah Papua, Klasis Sentani' },
    { jabatan: 'Ondoafi', instansi: 'Kampung {desa}' },
    { jabatan: 'Tokoh Adat', instansi: 'Dewan Adat Suku Sentani' },
  ],
  maluku: [
    { jabatan: 'Imam Masjid Negeri', instansi: 'Negeri {desa}' },
    { jabatan: 'Pendeta Jemaat', instansi: 'Jemaat GPM {desa}' },
    { jabatan: 'Tokoh Adat (Latupati)', instansi: 'Negeri {desa}' },
  ],
};

export const TOKOH_GENERAL: readonly Role[] = [
  { jabatan: 'Ketua RT', instansi: 'RT 003 Desa {desa}' },
  { jabatan: 'Ketua TP PKK Desa', instansi: 'TP PKK Desa {desa}' },
  { jabatan: 'Tokoh Pemuda', instansi: 'Karang Taruna Desa {desa}' },
  { jabatan: 'Tokoh Perempuan', instansi: 'Desa {desa}' },
  { jabatan: 'Ketua Kelompok Tani', instansi: 'Gapoktan Desa {desa}' },
];

export const LAINNYA_ROLES: readonly Role[] = [
  { jabatan: 'Mahasiswa KKN', instansi: '{univ}' },
  { jabatan: 'Dosen', instansi: '{univ}' },
  { jabatan: 'Pendamping PKH', instansi: 'Kecamatan {kec}' },
  { jabatan: 'Relawan Tagana', instansi: 'Tagana {kab}' },
  { jabatan: 'Pekerja Sosial Masyarakat (PSM)', instansi: 'Desa {desa}' },
  { jabatan: 'Wartawan', instansi: 'Media lokal' },
  { jabatan: 'Pendamping Desa', instansi: 'P3MD Kecamatan {kec}' },
];

/** Academic and civil-service titles seen on attendance lists. */
export const TITLES_BEFORE = ['Dr.', 'Drs.', 'Dra.', 'Ir.', 'H.', 'Hj.'] as const;
export const TITLES_AFTER = [
  'S.Sos.',
  'S.Pd.',
  'S.E.',
  'S.ST.',
  'M.Si.',
  'M.Kesos.',
  'S.Kep.',
  'S.H.',
  'M.Pd.',
  'S.IP.',
] as const;

/** What a village is called locally, for "Desa {desa}" in the templates. */
export const VILLAGE_LABEL: Record<VillageStyle | 'kelurahan', string> = {
  desa: 'Desa',
  gampong: 'Gampong',
  negeri: 'Negeri',
  kampung: 'Kampung',
  kelurahan: 'Kelurahan',
};

export function fillRole(
  role: Role,
  ctx: { kab: string; kec: string; desa: string; univ: string; label?: string },
): Role {
  const fill = (s: string) =>
    s
      .replace('Desa {desa}', `${ctx.label ?? 'Desa'} {desa}`)
      .replace('{kab}', ctx.kab)
      .replace('{kec}', ctx.kec)
      .replace('{desa}', ctx.desa)
      .replace('{univ}', ctx.univ);
  return { jabatan: fill(role.jabatan), instansi: fill(role.instansi) };
}
