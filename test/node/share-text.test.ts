import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import enUi from '../../locales/en/ui.json' with { type: 'json' };
import esUi from '../../locales/es/ui.json' with { type: 'json' };
import type { Service } from '../../src/directory/snapshot.js';
import { directionsUrl } from '../../src/ui/directions-link.js';
import { shareText } from '../../src/ui/share-text.js';
import { createTranslate } from '../../src/ui/translate.js';

const foodBank: Service = {
  id: 'harbour-food-bank',
  name: { en: 'Harbour Food Bank', es: 'Banco de Alimentos Harbour' },
  organization: { en: 'Harbour Food Bank' },
  description: { en: 'Groceries', es: 'Despensa' },
  categories: ['food'],
  taxonomy: ['BD-1800'],
  phones: [
    { number: '5195550142', display: '519-555-0142', type: 'voice', extension: '2' },
    { number: '5195550143', display: '519-555-0143', type: 'text' },
  ],
  locations: [
    {
      id: 'l1',
      address: { street: '48 Wharf Street', city: 'Port Alder', region: 'ON', postalCode: 'N9N 7G7', country: 'CA' },
      point: { lat: 42.05414, lon: -82.62293 },
    },
  ],
  areas: [],
  schedule: [{ days: ['TU', 'TH'], opens: '10:00', closes: '16:00' }],
  languages: ['en', 'es'],
};

async function translator(language: 'en' | 'es') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { ui: enUi }, es: { ui: esUi } },
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
  });
  return createTranslate(instance);
}

describe('shared results', () => {
  it('lists name, phones, address and hours in English', async () => {
    const text = shareText([foodBank], 'en', await translator('en'));
    assert.equal(
      text,
      [
        'Community services:',
        '',
        'Harbour Food Bank',
        'Phone: 519-555-0142 ext. 2',
        'Text: 519-555-0143',
        'Address: 48 Wharf Street, Port Alder, ON N9N 7G7',
        'Hours: Tue, Thu: 10:00 AM–4:00 PM',
      ].join('\n'),
    );
  });

  it('is written in Spanish for a Spanish-speaking visitor, service names included', async () => {
    const text = shareText([foodBank], 'es', await translator('es'));
    assert.match(text, /^Servicios comunitarios:/);
    assert.match(text, /Banco de Alimentos Harbour/);
    assert.match(text, /Teléfono: 519-555-0142 ext\. 2/);
    assert.match(text, /Mensaje de texto: 519-555-0143/);
    assert.match(text, /Dirección: 48 Wharf Street, Port Alder, ON N9N 7G7/);
    assert.match(text, /Horario: mar, jue: 10:00–16:00/);
    assert.doesNotMatch(text, /Phone|Address|Hours/);
  });
});

describe('directions link', () => {
  it('searches the address on OpenStreetMap by default', () => {
    assert.equal(
      directionsUrl('https://www.openstreetmap.org/search?query={query}', '48 Wharf Street, Port Alder', undefined),
      'https://www.openstreetmap.org/search?query=48%20Wharf%20Street%2C%20Port%20Alder',
    );
  });

  it('uses the point with a partner’s coordinate template, and refuses non-web schemes', () => {
    assert.equal(
      directionsUrl('https://maps.example.org/dir/?to={lat},{lon}', 'x', { lat: 42.05, lon: -82.62 }),
      'https://maps.example.org/dir/?to=42.05,-82.62',
    );
    assert.equal(directionsUrl('javascript:alert({query})', '48 Wharf Street', undefined), undefined);
    assert.equal(directionsUrl('https://maps.example.org/?q={query}', undefined, undefined), undefined);
  });
});
