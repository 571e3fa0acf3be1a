/**
 * Synthetic directories of any size for the bench: services shaped like a 211's (a name made of
 * place, audience and kind, one to four service codes plus target populations, a description of
 * a few sentences, hours, one or two locations, languages), deterministic for a given size, so
 * runs compare. Nothing here comes from a real directory; the taxonomy prefixes are the ones the
 * need vocabulary uses, with term names written for this generator.
 *
 * Run alone to write one: `npx tsx scripts/synthetic-directory.ts 20000 > /tmp/synthetic-20k.json`; add
 * `--province` for {@link syntheticProvince}, a 211 province's directory partitioned by area.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DirectorySnapshot, LocalizedText, ScheduleRule, Service, Weekday } from '../src/directory/snapshot.js';

/** Service kinds: a taxonomy code, its term name, a category, and words for names. */
const KINDS: [code: string, term: string, category: Service['categories'][number], nameWords: string[]][] = [
  ['BD-1800.2000-640', 'Ongoing Food Pantries', 'food', ['Food Pantry', 'Food Bank', 'Community Pantry']],
  ['BD-1800.2000-620', 'Occasional Food Distribution', 'food', ['Mobile Pantry', 'Food Distribution']],
  ['BD-5000.8300', 'Soup Kitchens', 'food', ['Soup Kitchen', 'Community Meal', 'Supper Program']],
  ['BD-5000.3500', 'Home Delivered Meals', 'food', ['Meals on Wheels', 'Meal Delivery']],
  ['NL-6000.2000', 'Food Stamps/SNAP', 'food', ['SNAP Office', 'Food Benefits Office']],
  ['NL-6000.9500', 'WIC', 'food', ['WIC Clinic', 'WIC Office']],
  ['BH-1800.8500', 'Homeless Shelter', 'housing', ['Shelter', 'Emergency Shelter', 'Night Shelter']],
  ['BH-1800.1500-100', 'Domestic Violence Shelters', 'housing', ['Safe House', "Women's Shelter"]],
  ['BH-8600', 'Transitional Housing', 'housing', ['Transitional Housing', 'Next Step Housing']],
  ['BH-3800.7000', 'Rent Payment Assistance', 'housing', ['Rent Bank', 'Rental Assistance', 'Housing Help']],
  ['BH-7000.4600', 'Low Income Rental Housing', 'housing', ['Affordable Housing', 'Housing Authority']],
  ['FT-4500', 'Landlord/Tenant Assistance', 'housing', ['Tenant Rights Clinic', 'Eviction Prevention']],
  ['BM-3000', 'Household Goods', 'housing', ['Furniture Bank', 'Household Goods']],
  ['BV-8900.9300-180', 'Electric Service Payment Assistance', 'utilities', ['Energy Assistance', 'Electric Bill Help']],
  ['BV-8900.9300-950', 'Water Service Payment Assistance', 'utilities', ['Water Bill Assistance']],
  ['BV-8900.9300-250', 'Gas Service Payment Assistance', 'utilities', ['Heating Assistance', 'Gas Bill Help']],
  ['LN-1500', 'Community Clinics', 'health', ['Community Health Center', 'Free Clinic', 'Family Clinic']],
  ['LV-1600', 'Dental Care', 'health', ['Dental Clinic', 'Community Dental', 'Smile Center']],
  ['LV-2400', 'Eye Care', 'health', ['Vision Center', 'Eye Clinic']],
  [
    'LH-3500',
    'Health Insurance Information/Counseling',
    'health',
    ['Health Insurance Navigators', 'Coverage Help Desk'],
  ],
  ['NL-5000.5000', 'Medicaid', 'health', ['Medicaid Office', 'Medicaid Enrollment']],
  ['LT-3400', 'Immunizations', 'health', ['Immunization Clinic', 'Vaccine Clinic']],
  ['LJ-5000.6600', 'Prenatal Care', 'health', ['Prenatal Clinic', 'Mothers and Babies Program']],
  ['LJ-2000.6750', 'Pregnancy Testing', 'health', ['Pregnancy Center']],
  ['LF-4900.2400', 'HIV Testing', 'health', ['HIV Testing Site', 'Sexual Health Clinic']],
  ['RP-1400', 'Counseling Services', 'mental-health', ['Counseling Center', 'Family Counseling', 'Wellness Center']],
  ['RP-1500.1400-800', 'Suicide Prevention Hotlines', 'mental-health', ['Crisis Line', 'Suicide Prevention Hotline']],
  ['RX-8450', 'Substance Use Disorder Treatment Programs', 'mental-health', ['Recovery Center', 'Addiction Services']],
  ['RX-1700', 'Detoxification', 'mental-health', ['Detox Unit', 'Withdrawal Management']],
  ['NL-1000', 'Cash Assistance', 'money', ['Cash Assistance Office', 'Emergency Assistance Fund']],
  ['DT-8800', 'Tax Preparation Assistance', 'money', ['Free Tax Clinic', 'Tax Help']],
  ['DM-6500', 'Personal Financial Counseling', 'money', ['Financial Coaching', 'Money Management']],
  ['FT-1000.8900', 'Unemployment Insurance Benefits Assistance', 'money', ['Unemployment Help Desk']],
  ['ND-3500.3600', 'Job Search/Placement', 'work', ['Job Center', 'Employment Services', 'Career Center']],
  ['ND-2000', 'Employment Preparation', 'work', ['Job Training', 'Workforce Training']],
  ['HH-0500.8000-150', 'English as a Second Language', 'work', ['English Classes', 'ESL Program']],
  ['HH-0500.2500-250', 'GED/High School Equivalency Test Instruction', 'work', ['GED Classes', 'Adult School']],
  ['DF-8000.4500', 'Labor Standards and Practices', 'work', ['Workers Rights Center', 'Wage Claim Office']],
  ['FT-3200', 'General Legal Aid', 'legal', ['Legal Aid', 'Law Center', 'Legal Clinic']],
  [
    'FT-3600',
    'Immigration/Naturalization Legal Services',
    'legal',
    ['Immigration Legal Services', 'Immigrant Rights Clinic'],
  ],
  ['FT-3000', 'Family Law', 'legal', ['Family Law Center']],
  ['BT-4500.6500-500', 'Medical Appointments Transportation', 'transportation', ['Medical Rides', 'Volunteer Drivers']],
  ['BT-8300.1000', 'Bus Fare', 'transportation', ['Bus Pass Program', 'Transit Assistance']],
  ['PH-1250', 'Child Care Providers', 'family', ['Child Care Center', 'Daycare', 'Early Learning Center']],
  ['PH-1250.1800', 'Extended Child Care', 'family', ['After School Program', 'Kids Club']],
  ['PL-6400.1500-820', 'Summer Camps', 'family', ['Summer Camp', 'Day Camp']],
  ['PH-6100', 'Parenting Education', 'family', ['Parenting Classes', 'Family Resource Center']],
  ['BM-6500.1500', 'Clothing', 'family', ['Clothing Closet', 'Clothing Bank']],
  ['BM-6500.1500-150', 'Diapers', 'family', ['Diaper Bank']],
  ['TC-5500.8000', 'Senior Centers', 'family', ['Senior Center', 'Active Living Centre']],
  ['PH-0320', 'Adult Day Programs', 'family', ['Adult Day Program', 'Respite Center']],
  ['BT-8750.1400', 'Consulates/Foreign Government Representatives', 'legal', ['Consulate']],
  ['RP-1500.1400-200', 'Domestic Violence Hotlines', 'family', ['Domestic Violence Hotline', 'Safe Line']],
];
const POPULATIONS: [code: string, term: string][] = [
  ['YB-9500.1500-630', 'Preadolescent Children'],
  ['YB-9500.0500', 'Adolescents'],
  ['YB-8000', 'Older Adults'],
  ['YB-0500', 'Adults'],
  ['YL-3300.4500', 'Low Income'],
  ['YE-3300', 'Immigrants'],
  ['YV-3000', 'Homeless People'],
  ['YN-9000', 'Veterans'],
  ['YK-6500.6600', 'Pregnant Women'],
  ['YJ-8800', 'People Without Health Insurance'],
];
const PLACES = [
  'Northside',
  'Southside',
  'Eastside',
  'Westside',
  'Riverside',
  'Harbour',
  'Lakeview',
  'Hillcrest',
  'Oakwood',
  'Maple',
  'Cedar',
  'Pine Grove',
  'Brookfield',
  'Fairview',
  'Greenfield',
  'Kingston',
  'Westwood',
  'Midtown',
  'Downtown',
  'Bayside',
];
const AUDIENCES = [
  '',
  '',
  '',
  'Community',
  'Family',
  'Youth',
  'Seniors',
  'Neighborhood',
  "Women's",
  'Veterans',
  'Newcomer',
  'United',
];
const ORG_WORDS = [
  'Catholic Charities',
  'Salvation Army',
  'YMCA',
  'Community Action Agency',
  'Health Department',
  'United Way',
  'Lutheran Services',
  'Jewish Family Services',
  'Urban League',
  'Legal Services Corporation',
  'Goodwill',
  'Mission',
];
const SENTENCES = [
  'Provides {kind} services to residents of the county.',
  'Offers {kind} for individuals and families in need.',
  'Clients must bring a photo ID and proof of address.',
  'Walk-ins are welcome during business hours; appointments are recommended.',
  'Services are free of charge for eligible households.',
  'Staff can help with applications and referrals to other programs.',
  'Spanish-speaking staff are available on most days.',
  'The program serves low-income families, seniors and people with disabilities.',
  'Call ahead to confirm hours before visiting, as they change on holidays.',
  'Volunteers assist with intake, case management and follow-up.',
  'Eligibility depends on household income and size.',
  'Transportation may be arranged for clients who cannot travel.',
];
const WEEKDAY_SETS: Weekday[][] = [
  ['MO', 'TU', 'WE', 'TH', 'FR'],
  ['MO', 'WE', 'FR'],
  ['TU', 'TH'],
  ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'],
];
const HOURS: [string, string][] = [
  ['09:00', '17:00'],
  ['08:30', '16:30'],
  ['10:00', '14:00'],
  ['13:00', '20:00'],
  ['19:00', '07:00'],
];

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic directory of `size` services. The same size always gives the same directory. */
export function syntheticDirectory(size: number): DirectorySnapshot {
  const next = random(size * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const en = (text: string): LocalizedText => ({ en: text });
  const organizations = Array.from(
    { length: Math.max(1, Math.floor(size / 4)) },
    (_, at) => `${pick(PLACES)} ${pick(ORG_WORDS)} ${at}`,
  );
  const taxonomyTerms: Record<string, LocalizedText> = {};
  for (const [code, term] of [...KINDS.map(([code, term]) => [code, term] as const), ...POPULATIONS])
    taxonomyTerms[code] = en(term);

  const services: Service[] = [];
  for (let at = 0; at < size; at++) {
    const kinds = Array.from({ length: 1 + Math.floor(next() * next() * 4) }, () => pick(KINDS));
    const [main] = kinds;
    const name = `${pick(PLACES)} ${pick(AUDIENCES)} ${pick(main![3])}`.replace(/\s+/g, ' ').trim();
    const populations = Array.from({ length: Math.floor(next() * 5) }, () => pick(POPULATIONS)[0]);
    const description = Array.from({ length: 3 + Math.floor(next() * 4) }, () =>
      pick(SENTENCES).replace('{kind}', pick(main![3]).toLowerCase()),
    ).join(' ');
    const days = pick(WEEKDAY_SETS);
    const [opens, closes] = pick(HOURS);
    const schedule: ScheduleRule[] = next() < 0.2 ? [] : [{ days, opens, closes }];
    const languages = [
      'en',
      ...(next() < 0.75 ? ['es'] : []),
      ...(next() < 0.2 ? [pick(['fr', 'ht', 'tl', 'ar', 'pa'])] : []),
    ];
    const locations = Array.from({ length: 1 + Math.floor(next() * next() * 2) }, (_, n) => ({
      id: `s${at}-l${n}`,
      point: {
        lat: Math.round((25.5 + next() * 1.2) * 1e5) / 1e5,
        lon: Math.round((-80.6 + next() * 0.6) * 1e5) / 1e5,
      },
      address: {
        street: `${100 + Math.floor(next() * 9900)} ${pick(PLACES)} Ave`,
        city: 'Synthville',
        region: 'FL',
        postalCode: `33${100 + Math.floor(next() * 800)}`,
        country: 'US',
      },
    }));
    const ageRoll = next();
    services.push({
      id: `svc-${at}`,
      name: en(name),
      organization: en(pick(organizations)),
      description: en(description),
      categories: [...new Set(kinds.map((kind) => kind[2]))],
      taxonomy: [...new Set([...kinds.map((kind) => kind[0]), ...populations])],
      phones: [
        {
          number: `+1305555${String(1000 + (at % 9000)).padStart(4, '0')}`,
          display: `(305) 555-${String(1000 + (at % 9000)).padStart(4, '0')}`,
          type: 'voice',
        },
      ],
      locations,
      areas: [],
      schedule,
      languages,
      ...(ageRoll < 0.1 ? { ages: { min: 60 } } : ageRoll < 0.2 ? { ages: { max: 17 } } : {}),
      ...(next() < 0.5 ? { free: true } : {}),
    });
  }
  return {
    format: 'referral-assistant/directory',
    version: 1,
    generatedAt: '2026-01-01T00:00:00Z',
    source: { name: `Synthetic directory of ${size} services`, kind: 'hand-written' },
    directory: {
      name: en(`Synthville (${size})`),
      timeZone: 'America/New_York',
      region: 'us',
      country: 'US',
      distanceUnit: 'mi',
    },
    areas: [],
    taxonomyTerms,
    services,
  };
}

/**
 * Areas of a synthetic province shaped like Ontario: real municipality names (Toronto and
 * Ottawa by their former municipalities, as addresses name them), approximate centres, real
 * postal-code prefixes (FSAs), and population in thousands, which weighs how many local
 * services each area gets. French names where the French differs.
 */
const PROVINCE_AREAS: [
  id: string,
  en: string,
  fr: string | undefined,
  lat: number,
  lon: number,
  population: number,
  fsas: string[],
][] = [
  ['toronto', 'Toronto', undefined, 43.6532, -79.3832, 770, ['M5A', 'M5B', 'M5V', 'M4Y', 'M6G', 'M6J', 'M6K']],
  ['north-york', 'North York', 'North York', 43.7615, -79.4111, 690, ['M2N', 'M3H', 'M2M', 'M3A', 'M3N']],
  ['scarborough', 'Scarborough', undefined, 43.7764, -79.2318, 630, ['M1B', 'M1E', 'M1P', 'M1W', 'M1K']],
  ['etobicoke', 'Etobicoke', undefined, 43.6205, -79.5132, 370, ['M8V', 'M9B', 'M9V', 'M9W', 'M8Z']],
  ['york', 'York', undefined, 43.6896, -79.4794, 150, ['M6M', 'M6N', 'M6E']],
  ['east-york', 'East York', undefined, 43.6912, -79.3276, 120, ['M4B', 'M4C', 'M4G']],
  ['mississauga', 'Mississauga', undefined, 43.589, -79.6441, 720, ['L5A', 'L5B', 'L5M', 'L4T', 'L5N']],
  ['brampton', 'Brampton', undefined, 43.7315, -79.7624, 650, ['L6P', 'L6R', 'L6S', 'L6T', 'L6V', 'L6W']],
  ['hamilton', 'Hamilton', undefined, 43.2557, -79.8711, 570, ['L8P', 'L8L', 'L8M', 'L9A', 'L8N']],
  ['ottawa', 'Ottawa', undefined, 45.4215, -75.6972, 330, ['K1N', 'K1P', 'K1R', 'K1S', 'K1Y', 'K1Z']],
  ['nepean', 'Nepean', undefined, 45.3344, -75.7247, 200, ['K2E', 'K2G', 'K2H', 'K2J']],
  ['kanata', 'Kanata', undefined, 45.3088, -75.8987, 140, ['K2K', 'K2L', 'K2M', 'K2T']],
  ['orleans', 'Orleans', 'Orléans', 45.4563, -75.5047, 130, ['K1C', 'K1E', 'K4A']],
  ['gloucester', 'Gloucester', undefined, 45.3856, -75.6168, 210, ['K1B', 'K1G', 'K1J', 'K1T', 'K1V']],
  ['london', 'London', undefined, 42.9849, -81.2453, 420, ['N6A', 'N6B', 'N5V', 'N6C']],
  ['windsor', 'Windsor', undefined, 42.3149, -83.0364, 230, ['N8X', 'N8Y', 'N9A', 'N9B', 'N9C']],
  ['leamington', 'Leamington', undefined, 42.0531, -82.5998, 29, ['N8H']],
  ['kingsville', 'Kingsville', undefined, 42.0387, -82.7392, 22, ['N9Y']],
  ['essex', 'Essex', undefined, 42.1751, -82.8236, 21, ['N8M']],
  ['chatham-kent', 'Chatham-Kent', undefined, 42.4048, -82.191, 104, ['N7M', 'N7L']],
  ['sarnia', 'Sarnia', undefined, 42.9745, -82.4066, 72, ['N7S', 'N7T']],
  ['kitchener', 'Kitchener', undefined, 43.4516, -80.4925, 256, ['N2G', 'N2H', 'N2M']],
  ['waterloo', 'Waterloo', undefined, 43.4643, -80.5204, 121, ['N2J', 'N2L', 'N2K']],
  ['cambridge', 'Cambridge', undefined, 43.3616, -80.3144, 138, ['N1R', 'N1S', 'N3H']],
  ['guelph', 'Guelph', undefined, 43.5448, -80.2482, 144, ['N1E', 'N1G', 'N1H']],
  ['brantford', 'Brantford', undefined, 43.1394, -80.2644, 104, ['N3R', 'N3S', 'N3T']],
  ['st-catharines', 'St. Catharines', undefined, 43.1594, -79.2469, 136, ['L2M', 'L2N', 'L2R']],
  ['niagara-falls', 'Niagara Falls', 'Niagara Falls', 43.0896, -79.0849, 94, ['L2E', 'L2G', 'L2H']],
  ['welland', 'Welland', undefined, 42.9922, -79.2483, 55, ['L3B', 'L3C']],
  ['oakville', 'Oakville', undefined, 43.4675, -79.6877, 213, ['L6H', 'L6J', 'L6K', 'L6L', 'L6M']],
  ['burlington', 'Burlington', undefined, 43.3255, -79.799, 186, ['L7L', 'L7M', 'L7N', 'L7P', 'L7R']],
  ['milton', 'Milton', undefined, 43.5183, -79.8774, 132, ['L9T']],
  ['vaughan', 'Vaughan', undefined, 43.8361, -79.4983, 323, ['L4H', 'L4J', 'L4K', 'L4L', 'L6A']],
  ['markham', 'Markham', undefined, 43.8561, -79.337, 338, ['L3P', 'L3R', 'L3S', 'L6B', 'L6C', 'L6E']],
  ['richmond-hill', 'Richmond Hill', undefined, 43.8828, -79.4403, 202, ['L4B', 'L4C', 'L4E', 'L4S']],
  ['newmarket', 'Newmarket', undefined, 44.0592, -79.4613, 87, ['L3X', 'L3Y']],
  ['oshawa', 'Oshawa', undefined, 43.8971, -78.8658, 175, ['L1G', 'L1H', 'L1J', 'L1K', 'L1L']],
  ['pickering', 'Pickering', undefined, 43.8384, -79.0868, 99, ['L1V', 'L1W', 'L1X', 'L1Y']],
  ['ajax', 'Ajax', undefined, 43.8509, -79.0204, 126, ['L1S', 'L1T', 'L1Z']],
  ['whitby', 'Whitby', undefined, 43.8975, -78.9429, 138, ['L1M', 'L1N', 'L1P', 'L1R']],
  ['barrie', 'Barrie', undefined, 44.3894, -79.6903, 147, ['L4M', 'L4N', 'L9J']],
  ['orillia', 'Orillia', undefined, 44.6082, -79.4197, 33, ['L3V']],
  ['peterborough', 'Peterborough', undefined, 44.3091, -78.3197, 83, ['K9H', 'K9J', 'K9K', 'K9L']],
  ['kingston', 'Kingston', undefined, 44.2312, -76.486, 132, ['K7K', 'K7L', 'K7M', 'K7N', 'K7P']],
  ['belleville', 'Belleville', undefined, 44.1628, -77.3832, 55, ['K8N', 'K8P', 'K8R']],
  ['cornwall', 'Cornwall', undefined, 45.0213, -74.7303, 47, ['K6H', 'K6J', 'K6K']],
  ['hawkesbury', 'Hawkesbury', undefined, 45.6076, -74.6046, 10, ['K6A']],
  ['greater-sudbury', 'Greater Sudbury', 'Grand Sudbury', 46.4917, -80.993, 166, ['P3A', 'P3B', 'P3C', 'P3E', 'P3Y']],
  ['north-bay', 'North Bay', undefined, 46.3091, -79.4608, 52, ['P1A', 'P1B', 'P1C']],
  ['sault-ste-marie', 'Sault Ste. Marie', 'Sault-Sainte-Marie', 46.5219, -84.3461, 72, ['P6A', 'P6B', 'P6C']],
  ['thunder-bay', 'Thunder Bay', undefined, 48.3809, -89.2477, 108, ['P7A', 'P7B', 'P7C', 'P7E']],
  ['timmins', 'Timmins', undefined, 48.4758, -81.3305, 41, ['P4N', 'P4P', 'P4R']],
  ['kapuskasing', 'Kapuskasing', undefined, 49.4169, -82.4331, 8, ['P5N']],
  ['kenora', 'Kenora', undefined, 49.767, -94.4894, 14, ['P9N']],
  ['owen-sound', 'Owen Sound', undefined, 44.569, -80.9406, 21, ['N4K']],
  ['stratford', 'Stratford', undefined, 43.37, -80.9822, 33, ['N4Z', 'N5A']],
  ['woodstock', 'Woodstock', undefined, 43.1306, -80.7467, 46, ['N4S', 'N4T', 'N4V']],
];
/** Areas where most services also write in French (designated under the French Language Services Act). */
const FRENCH_AREAS = new Set([
  'orleans',
  'hawkesbury',
  'greater-sudbury',
  'timmins',
  'kapuskasing',
  'cornwall',
  'ottawa',
]);

/** Local service kinds in Ontario words, English and French: code, terms, category, names. */
const LOCAL_KINDS: [
  code: string,
  en: string,
  fr: string,
  category: Service['categories'][number],
  names: [en: string, fr: string][],
][] = [
  [
    'BD-1800.2000-640',
    'Ongoing Food Pantries',
    'Banques alimentaires',
    'food',
    [
      ['Food Bank', 'Banque alimentaire'],
      ['Community Pantry', 'Garde-manger communautaire'],
    ],
  ],
  [
    'BD-1800.2000-620',
    'Occasional Food Distribution',
    'Distribution alimentaire occasionnelle',
    'food',
    [
      ['Good Food Box', 'Boîte de bonne bouffe'],
      ['Mobile Food Market', 'Marché alimentaire mobile'],
    ],
  ],
  [
    'BD-5000.8300',
    'Soup Kitchens',
    'Soupes populaires',
    'food',
    [
      ['Community Meal', 'Repas communautaire'],
      ['Soup Kitchen', 'Soupe populaire'],
    ],
  ],
  ['BD-5000.3500', 'Home Delivered Meals', 'Repas livrés à domicile', 'food', [['Meals on Wheels', 'Popote roulante']]],
  [
    'BH-1800.8500',
    'Homeless Shelter',
    "Refuges d'urgence",
    'housing',
    [
      ['Emergency Shelter', "Refuge d'urgence"],
      ['Out of the Cold Program', 'Programme Hors du froid'],
    ],
  ],
  [
    'BH-1800.1500-100',
    'Domestic Violence Shelters',
    'Maisons d’hébergement pour femmes',
    'housing',
    [["Women's Shelter", 'Maison d’hébergement pour femmes']],
  ],
  [
    'BH-8600',
    'Transitional Housing',
    'Logement de transition',
    'housing',
    [['Transitional Housing', 'Logement de transition']],
  ],
  [
    'BH-3800.7000',
    'Rent Payment Assistance',
    'Aide au paiement du loyer',
    'housing',
    [
      ['Rent Bank', 'Banque de loyer'],
      ['Housing Help Centre', 'Centre d’aide au logement'],
    ],
  ],
  [
    'BH-7000.4600',
    'Low Income Rental Housing',
    'Logement à loyer modique',
    'housing',
    [
      ['Community Housing', 'Logement communautaire'],
      ['Housing Co-operative', "Coopérative d'habitation"],
    ],
  ],
  [
    'FT-4500',
    'Landlord/Tenant Assistance',
    'Aide aux locataires',
    'housing',
    [['Tenant Legal Clinic', 'Clinique juridique pour locataires']],
  ],
  ['BM-3000', 'Household Goods', 'Articles ménagers', 'housing', [['Furniture Bank', 'Banque de meubles']]],
  [
    'BV-8900.9300-180',
    'Electric Service Payment Assistance',
    "Aide au paiement de l'électricité",
    'utilities',
    [
      ['Hydro Bill Help', "Aide pour la facture d'hydro"],
      ['Energy Assistance Program', "Programme d'aide énergétique"],
    ],
  ],
  [
    'BV-8900.9300-250',
    'Gas Service Payment Assistance',
    'Aide au paiement du gaz',
    'utilities',
    [['Winter Warmth Fund', "Fonds de chauffage d'hiver"]],
  ],
  [
    'LN-1500',
    'Community Clinics',
    'Centres de santé communautaires',
    'health',
    [
      ['Community Health Centre', 'Centre de santé communautaire'],
      ['Walk-in Clinic', 'Clinique sans rendez-vous'],
    ],
  ],
  [
    'LV-1600',
    'Dental Care',
    'Soins dentaires',
    'health',
    [['Community Dental Clinic', 'Clinique dentaire communautaire']],
  ],
  ['LT-3400', 'Immunizations', 'Vaccination', 'health', [['Immunization Clinic', 'Clinique de vaccination']]],
  [
    'LJ-5000.6600',
    'Prenatal Care',
    'Soins prénatals',
    'health',
    [['Healthy Babies Healthy Children', 'Bébés en santé, enfants en santé']],
  ],
  [
    'LF-4900.2400',
    'HIV Testing',
    'Dépistage du VIH',
    'health',
    [['Sexual Health Clinic', 'Clinique de santé sexuelle']],
  ],
  [
    'RP-1400',
    'Counseling Services',
    'Services de counseling',
    'mental-health',
    [
      ['Counselling Centre', 'Centre de counseling'],
      ['Walk-in Counselling', 'Counseling sans rendez-vous'],
    ],
  ],
  [
    'RX-8450',
    'Substance Use Disorder Treatment Programs',
    'Traitement des dépendances',
    'mental-health',
    [['Addiction Services', 'Services en dépendances']],
  ],
  [
    'RX-1700',
    'Detoxification',
    'Gestion du sevrage',
    'mental-health',
    [['Withdrawal Management Centre', 'Centre de gestion du sevrage']],
  ],
  [
    'NL-1000',
    'Cash Assistance',
    'Aide financière',
    'money',
    [
      ['Ontario Works Office', 'Bureau Ontario au travail'],
      ['Emergency Assistance Fund', "Fonds d'aide d'urgence"],
    ],
  ],
  [
    'DT-8800',
    'Tax Preparation Assistance',
    "Aide à la déclaration d'impôts",
    'money',
    [['Free Tax Clinic', "Comptoir d'impôts gratuit"]],
  ],
  [
    'DM-6500',
    'Personal Financial Counseling',
    'Conseil budgétaire',
    'money',
    [['Credit Counselling', 'Conseil en crédit']],
  ],
  [
    'ND-3500.3600',
    'Job Search/Placement',
    "Recherche d'emploi",
    'work',
    [
      ['Employment Ontario Centre', 'Centre Emploi Ontario'],
      ['Job Centre', "Centre d'emploi"],
    ],
  ],
  [
    'ND-2000',
    'Employment Preparation',
    "Préparation à l'emploi",
    'work',
    [['Skills Training', 'Formation professionnelle']],
  ],
  [
    'HH-0500.8000-150',
    'English as a Second Language',
    'Anglais langue seconde',
    'work',
    [
      ['English Classes for Newcomers', 'Cours d’anglais pour nouveaux arrivants'],
      ['LINC Program', 'Programme CLIC'],
    ],
  ],
  [
    'DF-8000.4500',
    'Labor Standards and Practices',
    'Normes du travail',
    'work',
    [
      ["Workers' Action Centre", 'Centre d’action des travailleurs'],
      ['Migrant Worker Support', 'Soutien aux travailleurs migrants'],
    ],
  ],
  [
    'FT-3200',
    'General Legal Aid',
    'Aide juridique',
    'legal',
    [['Community Legal Clinic', 'Clinique juridique communautaire']],
  ],
  [
    'FT-3600',
    'Immigration/Naturalization Legal Services',
    'Services juridiques en immigration',
    'legal',
    [['Newcomer Settlement Services', "Services d'établissement pour nouveaux arrivants"]],
  ],
  [
    'FT-3000',
    'Family Law',
    'Droit de la famille',
    'legal',
    [['Family Law Information Centre', "Centre d'information sur le droit de la famille"]],
  ],
  [
    'BT-4500.6500-500',
    'Medical Appointments Transportation',
    'Transport pour rendez-vous médicaux',
    'transportation',
    [
      ['Community Transportation', 'Transport communautaire'],
      ['Volunteer Drivers', 'Chauffeurs bénévoles'],
    ],
  ],
  [
    'BT-8300.1000',
    'Bus Fare',
    'Titres de transport à prix réduit',
    'transportation',
    [['Affordable Transit Pass', 'Laissez-passer de transport abordable']],
  ],
  [
    'PH-1250',
    'Child Care Providers',
    'Services de garde',
    'family',
    [
      ['Child Care Centre', 'Centre de la petite enfance'],
      ['EarlyON Centre', 'Centre ON y va'],
    ],
  ],
  [
    'PH-6100',
    'Parenting Education',
    'Éducation parentale',
    'family',
    [['Family Resource Centre', 'Centre de ressources familiales']],
  ],
  ['BM-6500.1500', 'Clothing', 'Vêtements', 'family', [['Clothing Bank', 'Banque de vêtements']]],
  [
    'TC-5500.8000',
    'Senior Centers',
    'Centres pour aînés',
    'family',
    [['Seniors Active Living Centre', 'Centre de vie active pour aînés']],
  ],
  [
    'PH-0320',
    'Adult Day Programs',
    'Programmes de jour pour adultes',
    'family',
    [['Adult Day Program', 'Programme de jour pour adultes']],
  ],
];
/** What serves the whole province: crisis lines, helplines and government programs. */
const PROVINCE_KINDS: [
  code: string,
  en: string,
  fr: string,
  category: Service['categories'][number],
  names: [en: string, fr: string][],
][] = [
  [
    'RP-1500.1400-800',
    'Suicide Prevention Hotlines',
    'Lignes de prévention du suicide',
    'mental-health',
    [
      ['Crisis Line', 'Ligne de crise'],
      ['Distress Line', "Ligne d'écoute"],
    ],
  ],
  [
    'RP-1500.1400-200',
    'Domestic Violence Hotlines',
    'Lignes d’aide en violence conjugale',
    'family',
    [
      ["Assaulted Women's Helpline", 'Ligne d’aide aux femmes agressées'],
      ['Family Violence Line', 'Ligne violence familiale'],
    ],
  ],
  [
    'RP-1400',
    'Counseling Services',
    'Services de counseling',
    'mental-health',
    [
      ['Kids Help Line', 'Ligne d’écoute jeunesse'],
      ['Mental Health Helpline', 'Ligne d’aide en santé mentale'],
    ],
  ],
  [
    'RX-8450',
    'Substance Use Disorder Treatment Programs',
    'Traitement des dépendances',
    'mental-health',
    [['Addiction Helpline', 'Ligne d’aide en dépendances']],
  ],
  [
    'LH-2700',
    'Health Information',
    'Information santé',
    'health',
    [
      ['Health Advice Line', 'Ligne conseils santé'],
      ['Health Card Information', 'Information sur la carte Santé'],
    ],
  ],
  [
    'NL-1000',
    'Cash Assistance',
    'Aide financière',
    'money',
    [
      ['Disability Support Program', 'Programme de soutien aux personnes handicapées'],
      ['Child Benefit Information', 'Information sur la prestation pour enfants'],
    ],
  ],
  [
    'FT-1000.8900',
    'Unemployment Insurance Benefits Assistance',
    "Aide à l'assurance-emploi",
    'money',
    [['Employment Insurance Line', 'Ligne assurance-emploi']],
  ],
  [
    'DF-8000.4500',
    'Labor Standards and Practices',
    'Normes du travail',
    'work',
    [['Employment Standards Information', 'Information sur les normes d’emploi']],
  ],
  [
    'FT-3200',
    'General Legal Aid',
    'Aide juridique',
    'legal',
    [
      ['Legal Aid Line', 'Ligne d’aide juridique'],
      ['Tenant Duty Counsel', 'Avocat de service pour locataires'],
    ],
  ],
  [
    'BV-8900.9300-180',
    'Electric Service Payment Assistance',
    "Aide au paiement de l'électricité",
    'utilities',
    [['Electricity Support Program', "Programme d'aide pour l'électricité"]],
  ],
  [
    'BH-3800.7000',
    'Rent Payment Assistance',
    'Aide au paiement du loyer',
    'housing',
    [['Housing Benefit Information', 'Information sur l’allocation-logement']],
  ],
];
const PROVINCE_ORGS: [en: string, fr: string][] = [
  ['Government of Ontario', "Gouvernement de l'Ontario"],
  ['Government of Canada', 'Gouvernement du Canada'],
  ['Ontario Helpline Network', "Réseau ontarien des lignes d'aide"],
  ['Provincial Crisis Services', 'Services provinciaux de crise'],
  ['Legal Aid Network of Ontario', "Réseau d'aide juridique de l'Ontario"],
];
const LOCAL_ORGS: [en: string, fr: string][] = [
  ['Community Services', 'Services communautaires'],
  ['Salvation Army', 'Armée du Salut'],
  ['YMCA', 'YMCA'],
  ['Public Health', 'Santé publique'],
  ['United Way', 'Centraide'],
  ['Catholic Family Services', 'Services familiaux catholiques'],
  ['Multicultural Council', 'Conseil multiculturel'],
  ['Community Legal Clinic', 'Clinique juridique communautaire'],
  ['Family Services', 'Services à la famille'],
  ['Centre de santé communautaire', 'Centre de santé communautaire'],
  ['Community Health Centre', 'Centre de santé communautaire'],
  ['Women’s Centre', 'Centre des femmes'],
];
const PROVINCE_SENTENCES: [en: string, fr: string][] = [
  [
    'Free and confidential, 24 hours a day, 7 days a week.',
    'Gratuit et confidentiel, 24 heures sur 24, 7 jours sur 7.',
  ],
  ['Call or text from anywhere in Ontario.', 'Appelez ou textez de partout en Ontario.'],
  ['Interpretation is available in many languages.', "L'interprétation est offerte en plusieurs langues."],
  [
    'Helps people apply for benefits and understand their rights.',
    'Aide les gens à demander des prestations et à comprendre leurs droits.',
  ],
  [
    'Trained staff listen, support and refer to local services.',
    'Un personnel formé écoute, soutient et oriente vers les services locaux.',
  ],
];
const LOCAL_SENTENCES: [en: string, fr: string][] = [
  ['Serves residents of {area} and nearby communities.', 'Dessert les résidents de {area} et des environs.'],
  [
    'Bring photo identification and proof of address.',
    "Apportez une pièce d'identité avec photo et une preuve d'adresse.",
  ],
  [
    'Walk in during opening hours; no appointment needed.',
    "Présentez-vous pendant les heures d'ouverture, sans rendez-vous.",
  ],
  ['Services are free for eligible households.', 'Les services sont gratuits pour les ménages admissibles.'],
  [
    'Staff help with forms and referrals to other programs.',
    "Le personnel aide à remplir les formulaires et oriente vers d'autres programmes.",
  ],
  [
    'Help is offered in English and French; interpretation on request.',
    'Services offerts en français et en anglais; interprétation sur demande.',
  ],
  ['Seasonal agricultural workers are welcome.', 'Les travailleurs agricoles saisonniers sont les bienvenus.'],
  ['Call ahead to confirm hours on holidays.', "Appelez avant de venir les jours fériés pour confirmer l'horaire."],
];

/** Share of a province's services that serve all of it (crisis lines, helplines, government programs). */
export const PROVINCE_WIDE_SHARE = 0.04;

/**
 * A synthetic provincial directory of `size` services over {@link PROVINCE_AREAS}: about 4% serve
 * the whole province (no areas), the rest serve one area (a tenth also the nearest other area),
 * with one or two locations around the area's centre, names and descriptions in English and,
 * where areas are francophone or the service is provincial, French. The same size always gives
 * the same directory.
 */
export function syntheticProvince(size: number): DirectorySnapshot {
  const next = random(size * 104729 + 31);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weights = PROVINCE_AREAS.map(([, , , , , population]) => population ** 0.8);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const pickArea = () => {
    let roll = next() * totalWeight;
    for (let at = 0; at < weights.length; at++) {
      roll -= weights[at]!;
      if (roll < 0) return at;
    }
    return weights.length - 1;
  };
  const nearestOther = PROVINCE_AREAS.map(([, , , lat, lon], at) => {
    let best = at;
    let bestDistance = Number.POSITIVE_INFINITY;
    PROVINCE_AREAS.forEach(([, , , otherLat, otherLon], other) => {
      const distance = (otherLat - lat) ** 2 + ((otherLon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
      if (other !== at && distance < bestDistance) {
        best = other;
        bestDistance = distance;
      }
    });
    return best;
  });
  const taxonomyTerms: Record<string, LocalizedText> = {};
  for (const [code, en, fr] of [...LOCAL_KINDS, ...PROVINCE_KINDS]) taxonomyTerms[code] = { en, fr };
  const populationFr: Record<string, string> = {
    'YB-9500.1500-630': 'Enfants',
    'YB-9500.0500': 'Adolescents',
    'YB-8000': 'Aînés',
    'YB-0500': 'Adultes',
    'YL-3300.4500': 'Personnes à faible revenu',
    'YE-3300': 'Immigrants',
    'YV-3000': 'Personnes sans abri',
    'YN-9000': 'Anciens combattants',
    'YK-6500.6600': 'Femmes enceintes',
    'YJ-8800': 'Personnes sans assurance-maladie',
  };
  for (const [code, en] of POPULATIONS) taxonomyTerms[code] = { en, fr: populationFr[code] ?? en };

  const both = (en: string, fr: string, french: boolean): LocalizedText => (french ? { en, fr } : { en });
  const services: Service[] = [];
  const provinceWide = Math.round(size * PROVINCE_WIDE_SHARE);
  for (let at = 0; at < size; at++) {
    const wide = at < provinceWide;
    const areaAt = wide ? PROVINCE_AREAS.findIndex(([id]) => id === 'toronto') : pickArea();
    const [areaId, areaEn, areaFr, lat, lon] = PROVINCE_AREAS[areaAt]!;
    const french = wide || FRENCH_AREAS.has(areaId) || next() < 0.15;
    const [code, termEn, , category, names] = pick(wide ? PROVINCE_KINDS : LOCAL_KINDS);
    const extra = next() < 0.3 ? [pick(LOCAL_KINDS)] : [];
    const [nameEn, nameFr] = pick(names);
    const [orgEn, orgFr] = wide ? pick(PROVINCE_ORGS) : pick(LOCAL_ORGS);
    const name = wide
      ? both(`Ontario ${nameEn}`, `${nameFr} de l'Ontario`, true)
      : both(`${areaEn} ${nameEn}`, `${nameFr} de ${areaFr ?? areaEn}`, french);
    const organization = wide
      ? both(orgEn, orgFr, true)
      : both(`${orgEn} of ${areaEn} ${1 + Math.floor(next() * 12)}`, `${orgFr} de ${areaFr ?? areaEn}`, french);
    const sentences = Array.from({ length: 2 + Math.floor(next() * 3) }, () =>
      pick(wide ? PROVINCE_SENTENCES : LOCAL_SENTENCES),
    );
    const description = both(
      [`${nameEn}: ${termEn.toLowerCase()}.`, ...sentences.map(([en]) => en.replace('{area}', areaEn))].join(' '),
      [`${nameFr}.`, ...sentences.map(([, fr]) => fr.replace('{area}', areaFr ?? areaEn))].join(' '),
      french,
    );
    const populations = Array.from({ length: Math.floor(next() * 3) }, () => pick(POPULATIONS)[0]);
    const schedule: ScheduleRule[] = wide
      ? [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '00:00', closes: '24:00' }]
      : next() < 0.2
        ? []
        : [{ days: pick(WEEKDAY_SETS), opens: pick(HOURS)[0], closes: pick(HOURS)[1] }];
    const languages = [
      'en',
      ...(french ? ['fr'] : []),
      ...(next() < (areaId === 'leamington' || areaId === 'kingsville' ? 0.5 : 0.12) ? ['es'] : []),
      ...(next() < 0.15 ? [pick(['pa', 'zh', 'ar', 'tl', 'pt', 'ta', 'ur'])] : []),
    ];
    // Local services spread around their area's centre, a few kilometres out (farther in the north).
    const spread = lat > 46 ? 0.08 : 0.05;
    const fsa = pick(PROVINCE_AREAS[areaAt]![6]);
    const locations = wide
      ? next() < 0.5
        ? []
        : [{ id: `p${at}-l0`, area: areaId, point: { lat, lon }, address: address(at, areaEn, `${fsa} 1A1`) }]
      : Array.from({ length: 1 + Math.floor(next() * next() * 2) }, (_, n) => ({
          id: `p${at}-l${n}`,
          area: areaId,
          point: {
            lat: Math.round((lat + (next() - 0.5) * spread) * 1e5) / 1e5,
            lon: Math.round((lon + (next() - 0.5) * spread * 1.4) * 1e5) / 1e5,
          },
          address: address(
            at,
            areaEn,
            `${fsa} ${1 + Math.floor(next() * 9)}${pick(['A', 'B', 'C', 'E', 'G', 'H'])}${Math.floor(next() * 10)}`,
          ),
        }));
    const areas = wide ? [] : next() < 0.1 ? [areaId, PROVINCE_AREAS[nearestOther[areaAt]!]![0]] : [areaId];
    const ageRoll = next();
    const phone = String(1000 + (at % 9000)).padStart(4, '0');
    services.push({
      id: `on-${at}`,
      name,
      organization,
      description,
      categories: [...new Set([category, ...extra.map((kind) => kind[3])])],
      taxonomy: [...new Set([code, ...extra.map((kind) => kind[0]), ...populations])],
      phones: [{ number: `+1555555${phone}`, display: `555-555-${phone}`, type: 'voice' }],
      locations,
      areas,
      schedule,
      languages,
      ...(ageRoll < 0.08 ? { ages: { min: 55 } } : ageRoll < 0.16 ? { ages: { max: 17 } } : {}),
      ...(next() < 0.6 ? { free: true } : {}),
    });
  }
  return {
    format: 'referral-assistant/directory',
    version: 1,
    generatedAt: '2026-01-01T00:00:00Z',
    source: { name: `Synthetic province of ${size} services`, kind: 'hand-written' },
    directory: {
      name: { en: `Synthetic Ontario (${size})`, fr: `Ontario synthétique (${size})` },
      timeZone: 'America/Toronto',
      region: 'ca-on',
      country: 'CA',
      distanceUnit: 'km',
    },
    areas: PROVINCE_AREAS.map(([id, en, fr, lat, lon, , fsas]) => ({
      id,
      name: fr ? { en, fr } : { en },
      centroid: { lat, lon },
      postalCodes: fsas,
    })),
    taxonomyTerms,
    services,
  };
}

function address(at: number, city: string, postalCode: string) {
  return { street: `${10 + (at % 990)} Main Street`, city, region: 'ON', postalCode, country: 'CA' };
}

const runDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly && /synthetic-directory\.ts$/.test(process.argv[1] ?? '')) {
  const size = Number(process.argv[2] ?? 1000);
  const province = process.argv[3] === '--province';
  process.stdout.write(JSON.stringify(province ? syntheticProvince(size) : syntheticDirectory(size)));
}
