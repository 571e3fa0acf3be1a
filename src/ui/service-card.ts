/**
 * One service as a card: what it is, how to reach it, when it's open, who it serves, in the
 * visitor's language. Text the directory has only in English is marked `lang="en"` so a
 * screen reader pronounces it as English, with a short note saying so.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MatchReason } from '../directory/directory-matcher.js';
import { type LocalizedText, pickText, type Service, type UiLanguage } from '../directory/snapshot.js';
import { openingStatus } from '../directory/opening-hours.js';
import { directionsUrl } from './directions-link.js';
import { formatSchedule } from './format-hours.js';
import { formatAddress, serviceLines } from './share-text.js';
import { formatDistance, openingStatusText } from './opening-status-text.js';
import { mailtoUrl, phoneUrl, safeWebUrl } from './safe-link.js';
import type { Translate } from './translate.js';

/** What a card needs to know besides the service. */
export interface CardContext {
  t: Translate;
  language: UiLanguage;
  /** A unique prefix for ids inside the card. */
  idPrefix: string;
  /** The directory's time zone, for open now. */
  timeZone: string;
  distanceUnit: 'km' | 'mi';
  /** Kilometres from the visitor's place, when they gave one. */
  distanceKm?: number;
  /** The map provider's URL template, see `directionsUrl`. */
  mapUrl: string;
  /** Copies text for the visitor and says so. */
  copy: (text: string) => void;
}

/** Reasons the card already shows in another form (badges, open now, distance). */
const SHOWN_ELSEWHERE = /^(free|openNow|near|language\.)/;

function reasonsText(reasons: MatchReason[], t: Translate): string {
  return reasons
    .filter((reason) => !SHOWN_ELSEWHERE.test(reason.key))
    .map((reason) => t(`search:reasons.${reason.key}`, reason.params))
    .join(' · ');
}

function statusLine(service: Service, context: CardContext): string | undefined {
  try {
    return openingStatusText(
      openingStatus(service.schedule, context.timeZone, new Date()),
      context.t,
      context.language,
    );
  } catch {
    // An unknown time zone in a snapshot: the weekly hours below still say when it is open.
    return undefined;
  }
}

/** Renders a localized text with a `lang` attribute when it is in another language. */
export function localized(text: LocalizedText | undefined, language: string): TemplateResult | typeof nothing {
  const picked = pickText(text, language);
  if (!picked) return nothing;
  return picked.language === language
    ? html`${picked.text}`
    : html`<span lang=${picked.language}>${picked.text}</span>`;
}

function languageNames(codes: string[], language: string): string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([language], { type: 'language' });
  } catch {
    names = undefined;
  }
  return codes.map((code) => names?.of(code) ?? code).join(', ');
}

function ageLabel(service: Service, t: Translate): string | undefined {
  const { min, max } = service.ages ?? {};
  if (min !== undefined && max !== undefined) return t('service.ages', { min, max });
  if (min !== undefined && min > 0) return t('service.agesFrom', { min });
  if (max !== undefined) return t('service.agesUpTo', { max });
  return undefined;
}

/** The plain-words badges: Free, Ages 60+, Spanish spoken. */
function badges(service: Service, { t }: CardContext): string[] {
  const list: string[] = [];
  if (service.free) list.push(t('service.free'));
  const ages = ageLabel(service, t);
  if (ages) list.push(ages);
  if (service.languages.includes('es')) list.push(t('service.spanishSpoken'));
  return list;
}

/** One service card inside a results list item. */
export function renderServiceCard(service: Service, reasons: MatchReason[], context: CardContext): TemplateResult {
  const { t, language, idPrefix } = context;
  const status = statusLine(service, context);
  const why = reasonsText(reasons, t);
  const distance =
    context.distanceKm === undefined
      ? undefined
      : t('service.distance', {
          distance: formatDistance(context.distanceKm, context.distanceUnit, language),
          unit: context.distanceUnit,
        });
  const name = pickText(service.name, language);
  const description = pickText(service.description, language);
  const hours = formatSchedule(service.schedule, language, t('service.allDay'));
  const location = service.locations.find((l) => l.address) ?? service.locations[0];
  const address = location?.address;
  const addressText = address ? formatAddress(address) : undefined;
  const directions = directionsUrl(context.mapUrl, addressText, location?.point);
  const url = safeWebUrl(service.url);
  const email = mailtoUrl(service.email);
  const serviceBadges = badges(service, context);
  const documents = pickText(service.documents, language);
  return html`<li class="service">
    <article class="card" part="service-card" aria-labelledby="${idPrefix}-name">
      <h3 class="card-name" id="${idPrefix}-name">${localized(service.name, language)}</h3>
      ${
        name && pickText(service.organization, language)?.text !== name.text
          ? html`<p class="card-org">${localized(service.organization, language)}</p>`
          : nothing
      }
      ${description ? html`<p class="card-description">${localized(service.description, language)}</p>` : nothing}
      ${
        description && description.language !== language
          ? html`<p class="card-note">${t('service.notInYourLanguage')}</p>`
          : nothing
      }
      ${
        status || distance
          ? html`<p class="card-status">${[status, distance].filter(Boolean).join(' · ')}</p>`
          : nothing
      }
      ${
        serviceBadges.length
          ? html`<ul class="badges" role="list">${serviceBadges.map((b) => html`<li class="badge">${b}</li>`)}</ul>`
          : nothing
      }
      <dl class="card-facts">
        ${
          service.phones.length
            ? html`<dt>${t('service.phone')}</dt>
              ${service.phones.map((phone) => renderPhone(phone, name?.text ?? '', context))}`
            : nothing
        }
        ${
          addressText
            ? html`<dt>${t('service.address')}</dt>
              <dd class="card-address">${addressText}</dd>`
            : nothing
        }
        <dt>${t('service.hours')}</dt>
        ${hours.length ? hours.map((line) => html`<dd>${line}</dd>`) : html`<dd>${t('service.hoursUnknown')}</dd>`}
        ${service.scheduleNote ? html`<dd class="card-note">${localized(service.scheduleNote, language)}</dd>` : nothing}
        ${
          service.languages.length
            ? html`<dt>${t('service.languages')}</dt>
              <dd>${languageNames(service.languages, language)}</dd>`
            : nothing
        }
      </dl>
      ${why ? html`<p class="card-why">${t('service.why')} ${why}</p>` : nothing}
      ${documents ? html`<p class="card-bring">${t('service.bring', { documents: documents.text })}</p>` : nothing}
      <p class="card-actions">
        ${
          directions
            ? html`<a class="action" href=${directions} target="_blank" rel="noopener noreferrer"
                >${t('service.directions')}</a
              >`
            : nothing
        }
        ${url ? html`<a class="action" href=${url} target="_blank" rel="noopener noreferrer">${t('service.website')}</a>` : nothing}
        ${email ? html`<a class="action" href=${email}>${t('service.email')}</a>` : nothing}
        <button
          type="button"
          class="action"
          aria-label=${t('service.copyLabel', { name: name?.text ?? '' })}
          @click=${() => context.copy(serviceLines(service, language, t).join('\n'))}
        >
          ${t('service.copy')}
        </button>
      </p>
    </article>
  </li>`;
}

function renderPhone(phone: Service['phones'][number], serviceName: string, { t }: CardContext): TemplateResult {
  const isText = phone.type === 'text';
  const href = phoneUrl(isText ? 'sms' : 'tel', phone.number);
  const extension = phone.extension ? ` ${t('service.extension', { extension: phone.extension })}` : '';
  const label = isText ? `${t('service.text')}: ${phone.display}` : phone.display;
  return html`<dd>
    ${
      href
        ? html`<a class="action" href=${href} aria-label=${isText ? label : t('service.call', { name: serviceName, number: phone.display })}
          >${label}</a
        >`
        : label
    }${extension}
  </dd>`;
}
