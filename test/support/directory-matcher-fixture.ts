/**
 * A small directory for the matcher's tests, each service there to pin one behaviour:
 * English-only records, a record with accents, records without taxonomy codes, twin services
 * that differ only in language, area, ages, hours or place.
 */
import type { DirectorySnapshot, ScheduleRule, Service } from '../../src/directory/snapshot.js';

const weekdays: ScheduleRule[] = [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }];

function service(fields: Partial<Service> & Pick<Service, 'id' | 'name'>): Service {
  return {
    organization: { en: 'Testville Services' },
    description: { en: `${fields.name.en ?? fields.id}, a service of the Testville test directory.` },
    categories: [],
    taxonomy: [],
    phones: [],
    locations: [],
    areas: [],
    schedule: weekdays,
    languages: ['en'],
    ...fields,
  };
}

/** The fixture, fresh each call so a test cannot leak changes into another. */
export function matcherFixture(): DirectorySnapshot {
  return {
    format: 'referral-assistant/directory',
    version: 1,
    generatedAt: '2026-01-01T00:00:00Z',
    directory: {
      name: { en: 'Testville' },
      timeZone: 'America/Toronto',
      region: 'ca-on',
      country: 'CA',
      distanceUnit: 'km',
    },
    areas: [
      { id: 'east', name: { en: 'East End' } },
      { id: 'west', name: { en: 'West End' } },
    ],
    services: [
      service({
        id: 'east-pantry',
        name: { en: 'Eastside Food Pantry' },
        categories: ['food'],
        taxonomy: ['BD-1800.2000-640'],
        areas: ['east'],
        locations: [{ id: 'l1', point: { lat: 43.65, lon: -79.35 } }],
      }),
      service({
        id: 'west-pantry',
        name: { en: 'Westside Food Pantry' },
        categories: ['food'],
        taxonomy: ['BD-1800.2000-640'],
        areas: ['west'],
        languages: ['en', 'es'],
        locations: [{ id: 'l2', point: { lat: 43.65, lon: -79.55 } }],
      }),
      service({
        id: 'plain-food-bank',
        name: { en: 'Riverside Food Bank' },
        categories: ['food'],
        keywords: { en: ['groceries'] },
      }),
      service({
        id: 'clinica',
        name: { en: 'Clínica del Pueblo', es: 'Clínica del Pueblo' },
        categories: ['health'],
        languages: ['es', 'en'],
      }),
      service({
        id: 'dental',
        name: { en: 'Smile Dental Clinic' },
        categories: ['health'],
        taxonomy: ['LV-1600'],
      }),
      service({
        id: 'seniors-dental',
        name: { en: 'Golden Years Dental' },
        categories: ['health'],
        taxonomy: ['LV-1600'],
        ages: { min: 60 },
      }),
      service({
        id: 'rent-bank',
        name: { en: 'Testville Rent Bank' },
        categories: ['housing'],
        taxonomy: ['BH-3800.7000'],
      }),
      service({
        id: 'night-shelter',
        name: { en: 'Harbour Night Shelter' },
        categories: ['housing'],
        taxonomy: ['BH-1800.8500'],
        schedule: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '19:00', closes: '08:00' }],
      }),
      service({
        id: 'day-shelter',
        name: { en: 'Harbour Day Shelter' },
        categories: ['housing'],
        taxonomy: ['BH-1800.8500'],
      }),
      service({
        id: 'hydro-help',
        name: { en: 'Energy Bill Assistance' },
        categories: ['utilities'],
        taxonomy: ['BV-8900.9300-180'],
      }),
      service({
        id: 'workers-rights',
        name: { en: 'Workers Rights Desk' },
        categories: ['work', 'legal'],
        taxonomy: ['FT-4150'],
      }),
    ],
  };
}
