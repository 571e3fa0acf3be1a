/**
 * Results as plain text a visitor can keep: for an SMS to themselves, an email, the
 * clipboard or a printout. In the visitor's language, with what a referral needs: name,
 * phone, address, hours. No links to the widget and nothing about the visitor.
 */
import { pickText, type Service } from '../directory/snapshot.js';
import { formatPhone } from './format-phone.js';
import { formatSchedule } from './format-hours.js';
import type { Translate } from './translate.js';

/** The lines describing one service. */
export function serviceLines(service: Service, language: string, t: Translate): string[] {
  const lines = [pickText(service.name, language)?.text ?? service.id];
  for (const phone of service.phones) {
    const label = phone.type === 'text' ? t('service.text') : t('service.phone');
    const extension = phone.extension ? ` ${t('service.extension', { extension: phone.extension })}` : '';
    lines.push(`${label}: ${phone.display || formatPhone(phone.number)}${extension}`);
  }
  const address = service.locations.find((location) => location.address)?.address;
  if (address) lines.push(`${t('service.address')}: ${formatAddress(address)}`);
  const hours = formatSchedule(service.schedule, language, t('service.allDay'));
  if (hours.length) lines.push(`${t('service.hours')}: ${hours.join('; ')}`);
  return lines;
}

/** An address on one line, as a visitor would copy it into a map or a text. */
export function formatAddress(address: NonNullable<Service['locations'][number]['address']>): string {
  return [address.street, address.city, [address.region, address.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
}

/** Several services, separated by blank lines, under a heading line. */
export function shareText(services: Service[], language: string, t: Translate): string {
  return [t('share.heading'), ...services.map((service) => serviceLines(service, language, t).join('\n'))].join('\n\n');
}
