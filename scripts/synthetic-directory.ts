/**
 * Synthetic directories of any size for the bench: services shaped like a 211's (a name made of
 * place, audience and kind, one to four service codes plus target populations, a description of
 * a few sentences, hours, one or two locations, languages), deterministic for a given size, so
 * runs compare. Nothing here comes from a real directory; the taxonomy prefixes are the ones the
 * need vocabulary uses, with term names written for this generator.
 *
 * Run alone to write one: `npx tsx scripts/synthetic-directory.ts 20000 > /tmp/synthetic-20k.json`.
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

const runDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly && /synthetic-directory\.ts$/.test(process.argv[1] ?? '')) {
  const size = Number(process.argv[2] ?? 1000);
  process.stdout.write(JSON.stringify(syntheticDirectory(size)));
}
