/**
 * Personal-name pools for the demo workbook, by naming tradition. All names are composed at random from common
 * given names and family/clan names; any resemblance to a real person is coincidental.
 */
import type { Rng } from './rng';

export type NameGroup =
  | 'banjar' | 'jawa' | 'sunda' | 'aceh' | 'bugis' | 'batak' | 'minang'
  | 'ntt' | 'maluku-islam' | 'maluku-kristen' | 'papua' | 'arab';
export type Sex = 'L' | 'P';

interface Pool {
  male: readonly string[];
  female: readonly string[];
  maleSecond: readonly string[];
  femaleSecond: readonly string[];
  /** Family or clan names appended after the given names. */
  family?: readonly string[];
  familyChance?: number;
  secondChance: number;
  /** One-word names (very common in Java, Kalimantan and Sulawesi). */
  singleMale?: readonly string[];
  singleFemale?: readonly string[];
  singleChance?: number;
  /** Prefix before the family name of a woman (Batak "br." = boru). */
  femaleFamilyPrefix?: readonly string[];
}

export const NAME_POOLS: Record<NameGroup, Pool> = {
  banjar: {
    male: ['Muhammad', 'Ahmad', 'Akhmad', 'Abdul', 'Rahmat', 'Fahrul', 'Hendra', 'Rizki', 'Noor', 'Syarif', 'Hairul', 'Zainal', 'Rusdi', 'Mahyudin', 'Taufik', 'Anang', 'Gusti', 'Fadlan'],
    maleSecond: ['Rizani', 'Fauzi', 'Ilmi', 'Rafiqi', 'Hidayat', 'Arsyad', 'Yamani', 'Syahrani', 'Fadillah', 'Ridha', 'Rahman', 'Maulana', 'Hamdi', 'Saberi', 'Norhadi', 'Irhamni', 'Arifin'],
    female: ['Siti', 'Noor', 'Nor', 'Nurul', 'Mariatul', 'Fitriani', 'Halimah', 'Mahdalena', 'Aulia', 'Raudah', 'Lailatul', 'Rina', 'Gusti', 'Dayang'],
    femaleSecond: ['Rahmah', 'Hayati', 'Latifah', 'Jannah', 'Aisyah', 'Khadijah', 'Rahmawati', 'Maulida', 'Fitria', 'Hasanah', 'Qamariah', 'Hikmah', 'Mawaddah', 'Sa\'adah', 'Noviana'],
    secondChance: 0.85,
    singleMale: ['Asnawi', 'Jumri', 'Saliman', 'Mahyuni', 'Arbain', 'Jumberi', 'Saukani', 'Masrani'],
    singleFemale: ['Noorhayati', 'Norlatifah', 'Rusmini', 'Arbainah', 'Jumiati', 'Mahliani', 'Fatimah', 'Norjanah'],
    singleChance: 0.08,
  },
  jawa: {
    male: ['Agus', 'Budi', 'Eko', 'Dwi', 'Tri', 'Joko', 'Bambang', 'Slamet', 'Wahyu', 'Hadi', 'Teguh', 'Adi', 'Rudi', 'Bayu', 'Arif', 'Yoga', 'Andri', 'Heru', 'Puji', 'Catur'],
    maleSecond: ['Santoso', 'Setiawan', 'Prasetyo', 'Nugroho', 'Wibowo', 'Susanto', 'Purnomo', 'Hartono', 'Saputro', 'Kurniawan', 'Riyadi', 'Widodo', 'Prabowo', 'Utomo', 'Firmansyah', 'Hidayat', 'Sulistyo', 'Wicaksono'],
    female: ['Sri', 'Dwi', 'Tri', 'Rini', 'Dewi', 'Endang', 'Siti', 'Ratna', 'Wulan', 'Indah', 'Retno', 'Ayu', 'Eka', 'Yuni', 'Novi', 'Anik', 'Umi'],
    femaleSecond: ['Wahyuni', 'Lestari', 'Handayani', 'Rahayu', 'Astuti', 'Mulyani', 'Suryani', 'Kusumawati', 'Puspitasari', 'Wulandari', 'Rahmawati', 'Ningsih', 'Purwanti', 'Susanti', 'Utami', 'Fatmawati'],
    secondChance: 0.9,
    singleMale: ['Sutrisno', 'Sugiyanto', 'Sukirman', 'Wagiman', 'Suyatno', 'Suparno', 'Paimin', 'Sunarto', 'Mujiono'],
    singleFemale: ['Suparmi', 'Sumarni', 'Sumiyati', 'Tumini', 'Sarmini', 'Suwarni', 'Painem', 'Sulastri', 'Jumiati'],
    singleChance: 0.1,
  },
  sunda: {
    male: ['Asep', 'Dede', 'Ujang', 'Cecep', 'Yayan', 'Dadang', 'Aep', 'Deden', 'Iwan', 'Ade', 'Agus', 'Dadan', 'Wawan', 'Acep', 'Encep', 'Ayi', 'Rizal'],
    maleSecond: ['Saepudin', 'Kurniawan', 'Suherman', 'Hidayat', 'Sopyan', 'Saepulloh', 'Rahmat', 'Sutisna', 'Supriatna', 'Setiawan', 'Permana', 'Gunawan', 'Ruhiyat', 'Komarudin', 'Nugraha', 'Mulyana', 'Hermawan'],
    female: ['Euis', 'Neng', 'Iis', 'Lilis', 'Enung', 'Eneng', 'Cucu', 'Elis', 'Yati', 'Ai', 'Nining', 'Dewi', 'Rina', 'Siti', 'Imas', 'Tati', 'Wulan'],
    femaleSecond: ['Komariah', 'Nurjanah', 'Sumiati', 'Suryani', 'Rohmah', 'Kurniasih', 'Nurhasanah', 'Maryani', 'Herlina', 'Rosmiati', 'Hartati', 'Sulastri', 'Rahmawati', 'Fitriani', 'Nurlaela', 'Sopiah'],
    secondChance: 0.9,
    singleMale: ['Dadang', 'Ujang', 'Engkos', 'Entis', 'Oman', 'Apid', 'Udin', 'Maman'],
    singleFemale: ['Enah', 'Iyah', 'Icih', 'Euis', 'Enok', 'Imas', 'Onah', 'Aah'],
    singleChance: 0.07,
  },
  aceh: {
    male: ['Muhammad', 'Teuku', 'Zulfikar', 'Mukhlis', 'Khairul', 'Safrizal', 'Irwansyah', 'Fauzan', 'Munawar', 'Rizal', 'Iskandar', 'Mahdi', 'Murdani', 'Zulkifli', 'Said'],
    maleSecond: ['Iqbal', 'Amri', 'Rizki', 'Fadhil', 'Syahputra', 'Ridwan', 'Hamdani', 'Maulana', 'Akbar', 'Saputra', 'Yusuf', 'Nasrullah', 'Daud', 'Ilyas', 'Husin', 'Mahfud'],
    female: ['Cut', 'Nurul', 'Rahmi', 'Fitriani', 'Maulidar', 'Ainun', 'Nurhayati', 'Khairunnisa', 'Rahmah', 'Siti', 'Intan', 'Zahratul', 'Ulfa', 'Putri', 'Cut Nyak'],
    femaleSecond: ['Aini', 'Mardhiah', 'Safitri', 'Rahmawati', 'Husna', 'Fajriah', 'Mutia', 'Zahara', 'Nurjannah', 'Fitri', 'Wardani', 'Rizki', 'Azizah', 'Munawarah', 'Jannah'],
    secondChance: 0.9,
    singleMale: ['Husaini', 'Mukhlis', 'Nurdin', 'Ismail', 'Bukhari', 'Jamaluddin', 'Zakaria', 'Ibrahim', 'Syahrial'],
    singleFemale: ['Maulidar', 'Rosmaniar', 'Darmawati', 'Marlina', 'Nurhayati', 'Salmiah', 'Ramlah', 'Fauziah'],
    singleChance: 0.07,
  },
  bugis: {
    male: ['Andi', 'Muhammad', 'Abdul', 'Ahmad', 'Muh.', 'Syamsul', 'Arifin', 'Syahrir', 'Jumardi', 'Irfan', 'Hasbi', 'Amiruddin', 'Sudirman', 'Asri', 'Ilham', 'Rusli'],
    maleSecond: ['Arsyad', 'Rahman', 'Ridwan', 'Alam', 'Jaya', 'Syam', 'Rasyid', 'Fadli', 'Nurdin', 'Amir', 'Akbar', 'Hamzah', 'Mattalitti', 'Mappanyukki', 'Arafah', 'Ismail'],
    female: ['Andi', 'Sitti', 'Nur', 'Hasnah', 'Rahmatia', 'Murni', 'Marwah', 'Sumarni', 'Fatmawati', 'Ratna', 'Nurul', 'Besse', 'Hajrah', 'St.'],
    femaleSecond: ['Rahmatia', 'Fadillah', 'Hasanah', 'Syamsiah', 'Nurhayati', 'Khaeriyah', 'Asriani', 'Hasmawati', 'Jusniati', 'Masnaeni', 'Sulfiani', 'Wahida', 'Rusmiati', 'Aminah', 'Nurhaedah'],
    secondChance: 0.8,
    singleMale: ['Baharuddin', 'Syamsuddin', 'Sudirman', 'Haeruddin', 'Nasruddin', 'Muhtar', 'Saharuddin', 'Hasanuddin', 'Sahabuddin', 'Jamaluddin'],
    singleFemale: ['Hasnawati', 'Nurhaedah', 'Jumriah', 'Rosdiana', 'Hamsina', 'Kartini', 'Sitti Aminah', 'Hasmiah', 'Nurbaya'],
    singleChance: 0.14,
  },
  batak: {
    male: ['Rudi', 'Hotman', 'Parlindungan', 'Togar', 'Sahat', 'Martua', 'Binsar', 'Robert', 'Poltak', 'Jonner', 'Ferdinand', 'Daniel', 'Hendra', 'Marihot', 'Bonar'],
    maleSecond: ['Hamonangan', 'Parulian', 'Tua', 'Halomoan', 'Sahala', 'Maruli', 'Pandapotan', 'Rajagukguk'],
    female: ['Rosmawati', 'Lamria', 'Dameria', 'Tiurma', 'Rotua', 'Sondang', 'Lenny', 'Nurmala', 'Ruth', 'Masniari', 'Hotnida', 'Friska', 'Rugun'],
    femaleSecond: ['Romauli', 'Hasian', 'Rumondang', 'Lasmaria', 'Sinta', 'Melati'],
    family: ['Siregar', 'Nasution', 'Harahap', 'Simanjuntak', 'Sitompul', 'Lubis', 'Hutagalung', 'Pasaribu', 'Sinaga', 'Simatupang', 'Panjaitan', 'Situmorang', 'Manurung', 'Sihombing', 'Tambunan', 'Hutapea'],
    familyChance: 1,
    femaleFamilyPrefix: ['', '', 'br.', 'Br'],
    secondChance: 0.25,
  },
  minang: {
    male: ['Rahmat', 'Fadli', 'Yusrizal', 'Afrizal', 'Zulhendri', 'Doni', 'Febri', 'Rio', 'Hendri', 'Syafrizal', 'Andri', 'Yoserizal', 'Edi', 'Zulfahmi'],
    maleSecond: ['Hidayat', 'Zainal', 'Putra', 'Syahputra', 'Effendi', 'Amran', 'Mardanus', 'Yuliandri', 'Saputra', 'Rahman'],
    female: ['Yulia', 'Fitri', 'Rahmi', 'Mira', 'Yeni', 'Desi', 'Rika', 'Elvi', 'Nelda', 'Yelli', 'Sri', 'Nofri', 'Wirda'],
    femaleSecond: ['Fitri', 'Yanti', 'Susanti', 'Marlina', 'Fitria', 'Rahmadani', 'Novita', 'Yulianti', 'Oktavia', 'Delfi', 'Wahyuni', 'Yusnita'],
    family: ['Chaniago', 'Koto', 'Piliang', 'Tanjung', 'Sikumbang', 'Caniago'],
    familyChance: 0.2,
    secondChance: 0.85,
  },
  ntt: {
    male: ['Yohanes', 'Fransiskus', 'Antonius', 'Paulus', 'Emanuel', 'Yosef', 'Wilhelmus', 'Kornelis', 'Aloysius', 'Benediktus', 'Silvester', 'Agustinus', 'Marselinus', 'Hendrikus', 'Petrus', 'Yoakim'],
    maleSecond: ['Nong', 'Moa', 'Don', 'Bapa', 'Dua', 'Kristoforus', 'Fredi', 'Lado', 'Yansen'],
    female: ['Maria', 'Maria Goreti', 'Maria Yasinta', 'Yosefina', 'Theresia', 'Agnes', 'Fransiska', 'Veronika', 'Elisabeth', 'Kristina', 'Bernadeta', 'Yuliana', 'Oktaviana', 'Natalia', 'Emerensiana'],
    femaleSecond: ['Ina', 'Du\'a', 'Noi', 'Marlin', 'Imaculata', 'Yanti', 'Fransiska'],
    family: ['Da Silva', 'Parera', 'Fernandez', 'Da Cunha', 'Ximenes', 'Moa', 'Nong', 'Keytimu', 'Lewar', 'Sareng', 'Wodon', 'Meak', 'Bura', 'Da Gomez', 'Pareira', 'Mitan', 'Sina', 'Kleden', 'Lusi', 'Wara'],
    familyChance: 0.9,
    secondChance: 0.3,
  },
  'maluku-islam': {
    male: ['Abdul', 'Ahmad', 'Hasan', 'Husein', 'Ali', 'Umar', 'Rustam', 'Muhammad', 'Jamal', 'Ismail', 'Fahri', 'Rizal'],
    maleSecond: ['Rahman', 'Karim', 'Basir', 'Latif', 'Malik', 'Gani'],
    female: ['Fatimah', 'Siti', 'Nurlela', 'Halima', 'Saadia', 'Aisyah', 'Nurjana', 'Wa Ode', 'Hadija', 'Zainab', 'Sarifa'],
    femaleSecond: ['Nur', 'Salma', 'Rahma', 'Fatma', 'Nurul'],
    family: ['Latuconsina', 'Tuasikal', 'Ohorella', 'Pelu', 'Marasabessy', 'Sangadji', 'Tuanaya', 'Kaliky', 'Lessy', 'Rumahlatu', 'Hatuwe', 'Wailissa', 'Tehuayo', 'Mahulete', 'Tuharea'],
    familyChance: 0.95,
    secondChance: 0.3,
  },
  'maluku-kristen': {
    male: ['Johanis', 'Yosias', 'Semuel', 'Abraham', 'Marthen', 'Christian', 'Ferry', 'Julius', 'Stevanus', 'Jacob', 'Alfons', 'Elias', 'Hendrik', 'Melky'],
    maleSecond: ['Fredrik', 'Johanes', 'Agustinus', 'Petrus', 'Ronald'],
    female: ['Mariana', 'Yolanda', 'Selvy', 'Christina', 'Maria', 'Novita', 'Jeane', 'Elsina', 'Femmy', 'Yuliana', 'Magdalena', 'Theresia', 'Welhelmina'],
    femaleSecond: ['Christina', 'Elisabeth', 'Margaretha', 'Josephina', 'Anggreni'],
    family: ['Wattimena', 'Sahetapy', 'Latumahina', 'Tuhumury', 'Sopacua', 'Leiwakabessy', 'Pattinasarany', 'Matulessy', 'Manuputty', 'Lewerissa', 'Pattipeilohy', 'Siahaya', 'Nanlohy', 'Tupamahu', 'Huwae'],
    familyChance: 1,
    secondChance: 0.3,
  },
  papua: {
    male: ['Yohanes', 'Markus', 'Yakob', 'Petrus', 'Daniel', 'Yulianus', 'Demianus', 'Origenes', 'Nikolaus', 'Hengky', 'Yan', 'Frans', 'Zakeus', 'Benyamin', 'Abner', 'Septinus', 'Yunus'],
    maleSecond: ['Agus', 'Sem', 'Piet', 'Kris', 'Alberth'],
    female: ['Yohana', 'Mariana', 'Agustina', 'Naomi', 'Ribka', 'Dorkas', 'Yuliana', 'Martha', 'Selfina', 'Ester', 'Magdalena', 'Rosalina', 'Debora', 'Nelce', 'Yakomina'],
    femaleSecond: ['Maria', 'Ruth', 'Yuli', 'Lince', 'Fince'],
    family: ['Ohee', 'Wally', 'Pouw', 'Felle', 'Yoku', 'Monim', 'Ongge', 'Kaigere', 'Deda', 'Puraro', 'Tokoro', 'Doyapo', 'Marweri', 'Yapo', 'Hikoyabi', 'Modouw', 'Suebu', 'Ebe', 'Mehue', 'Taime', 'Yokhu', 'Kamong'],
    familyChance: 1,
    secondChance: 0.2,
  },
  arab: {
    male: ['Muhammad', 'Abdullah', 'Ahmad', 'Hasan', 'Husein', 'Umar', 'Salim', 'Faisal', 'Syarif', 'Habib', 'Alwi', 'Thalib'],
    maleSecond: ['Faisal', 'Fikri', 'Zaki', 'Rasyid', 'Hafiz', 'Naufal', 'Hamid', 'Ali'],
    female: ['Fatimah', 'Syarifah', 'Aisyah', 'Khadijah', 'Zahra', 'Sarah', 'Maryam', 'Nabila', 'Salma', 'Sidah', 'Sechah'],
    femaleSecond: ['Az-Zahra', 'Aisyah', 'Nabila', 'Zainab', 'Hanifa', 'Mardhiyah'],
    family: ['Alhabsyi', 'Assegaf', 'Alatas', 'Al-Kaff', 'Bafadal', 'Baswedan', 'Alaydrus', 'Shahab', 'Bahasuan', 'Al-Jufri', 'Bamatraf'],
    familyChance: 0.75,
    secondChance: 0.5,
  },
};

/** Birthplaces outside the programme regencies, for people whose family came from elsewhere. */
export const HOMELANDS: Partial<Record<NameGroup, readonly string[]>> = {
  jawa: ['Surabaya', 'Kediri', 'Blitar', 'Malang', 'Yogyakarta', 'Klaten', 'Banyuwangi', 'Semarang', 'Ponorogo', 'Madiun'],
  sunda: ['Bandung', 'Tasikmalaya', 'Ciamis', 'Sumedang', 'Cianjur'],
  bugis: ['Makassar', 'Bone', 'Sinjai', 'Wajo', 'Soppeng', 'Pare-Pare'],
  batak: ['Medan', 'Tarutung', 'Pematangsiantar', 'Balige', 'Sibolga', 'Padang Sidempuan'],
  minang: ['Padang', 'Bukittinggi', 'Payakumbuh', 'Solok', 'Pariaman'],
  ntt: ['Kupang', 'Ende', 'Larantuka', 'Maumere', 'Atambua'],
  'maluku-kristen': ['Ambon', 'Saparua', 'Tual', 'Masohi'],
  'maluku-islam': ['Ambon', 'Tulehu', 'Hila', 'Ternate'],
  banjar: ['Banjarmasin', 'Martapura', 'Kandangan', 'Amuntai', 'Barabai'],
  arab: ['Gresik', 'Palembang', 'Surabaya', 'Pekalongan', 'Banjarmasin'],
  aceh: ['Banda Aceh', 'Sigli', 'Lhokseumawe', 'Bireuen'],
  papua: ['Biak', 'Serui', 'Wamena', 'Nabire'],
};

/** Compose a realistic name of the given tradition and sex. */
export function makeName(rng: Rng, group: NameGroup, sex: Sex): string {
  const pool = NAME_POOLS[group];
  const singles = sex === 'L' ? pool.singleMale : pool.singleFemale;
  if (singles && singles.length > 0 && rng.chance(pool.singleChance ?? 0)) return rng.pick(singles);
  const first = rng.pick(sex === 'L' ? pool.male : pool.female);
  const parts = [first];
  if (rng.chance(pool.secondChance)) {
    const second = rng.pick(sex === 'L' ? pool.maleSecond : pool.femaleSecond);
    if (second !== first) parts.push(second);
  }
  if (pool.family && rng.chance(pool.familyChance ?? 0)) {
    const prefix = sex === 'P' && pool.femaleFamilyPrefix ? rng.pick(pool.femaleFamilyPrefix) : '';
    const family = rng.pick(pool.family);
    if (!parts.includes(family)) parts.push(prefix ? `${prefix} ${family}` : family);
  }
  // A bare honorific-like first part (Cut, Andi, Teuku, Muh.) needs something after it.
  if (parts.length === 1 && /^(Cut|Cut Nyak|Andi|Teuku|Muh\.|St\.|Said|Gusti|Dayang|Wa Ode)$/.test(first)) {
    parts.push(rng.pick(sex === 'L' ? pool.maleSecond : pool.femaleSecond));
  }
  return parts.join(' ');
}

/** Lower-case ASCII words of a name, for e-mail addresses. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z\s]/g, '')
    .split(/\s+/)
    .filter((w) => w.length > 1 && !['br', 'muh', 'st'].includes(w));
}
