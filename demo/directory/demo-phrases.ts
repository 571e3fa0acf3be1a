/**
 * Sentences many demo services share (who is eligible, what to bring, holiday notes), written
 * once in English and Spanish so they read the same everywhere.
 */
import type { Bilingual } from './demo-service.js';

/** Eligibility: anyone in the directory's territory. */
export const ANYONE_LOCAL: Bilingual = {
  en: 'Anyone who lives in Port Alder or Kestrel Township.',
  es: 'Cualquier persona que viva en Port Alder o en el municipio de Kestrel.',
};
/** Eligibility: anyone at all. */
export const ANYONE: Bilingual = {
  en: 'Anyone. No referral needed.',
  es: 'Cualquier persona. No necesita referencia.',
};
/** Eligibility: no status or health card needed. */
export const ANY_STATUS: Bilingual = {
  en: 'Everyone, whatever their immigration status. No health card (OHIP) needed.',
  es: 'Todas las personas, sin importar su estatus migratorio. No necesita tarjeta de salud (OHIP).',
};
/** Eligibility: low income households. */
export const LOW_INCOME: Bilingual = {
  en: 'Households with low income living in Port Alder or Kestrel Township.',
  es: 'Hogares de bajos ingresos que viven en Port Alder o en el municipio de Kestrel.',
};
/** Eligibility: temporary foreign and seasonal agricultural workers. */
export const FARM_WORKERS: Bilingual = {
  en: 'Migrant and seasonal farm workers (SAWP and temporary foreign workers), whatever their status.',
  es: 'Trabajadores agrícolas migrantes y de temporada (SAWP y trabajadores extranjeros temporales), sin importar su estatus.',
};
/** Eligibility: seniors. */
export const SENIORS: Bilingual = {
  en: 'Adults 60 and over.',
  es: 'Personas de 60 años o más.',
};
/** Eligibility: youth. */
export const YOUTH: Bilingual = {
  en: 'Young people aged 16 to 24.',
  es: 'Jóvenes de 16 a 24 años.',
};
/** Eligibility: women and their children. */
export const WOMEN_AND_CHILDREN: Bilingual = {
  en: 'Women, trans and non-binary people, and their children, who are experiencing abuse.',
  es: 'Mujeres, personas trans y no binarias, y sus hijos, que viven violencia o maltrato.',
};

/** Documents: photo ID and proof of address. */
export const ID_AND_ADDRESS: Bilingual = {
  en: 'Photo ID and proof of address (a bill or letter) for each adult, if you have them.',
  es: 'Identificación con foto y un comprobante de domicilio (una factura o carta) de cada adulto, si los tiene.',
};
/** Documents: nothing needed. */
export const NOTHING_NEEDED: Bilingual = {
  en: 'Nothing: no ID needed.',
  es: 'Nada: no necesita identificación.',
};
/** Documents: for income programs. */
export const INCOME_PAPERS: Bilingual = {
  en: 'Photo ID, Social Insurance Number, proof of income for the last month, your lease or rent receipt, and bank statements.',
  es: 'Identificación con foto, número de seguro social (SIN), comprobantes de ingresos del último mes, su contrato de renta o recibo, y estados de cuenta del banco.',
};
/** Documents: for energy assistance. */
export const ENERGY_PAPERS: Bilingual = {
  en: 'Your most recent hydro or gas bill, any disconnection notice, photo ID, and proof of income for everyone in the home.',
  es: 'Su último recibo de luz o de gas, cualquier aviso de corte, identificación con foto y comprobantes de ingresos de todas las personas del hogar.',
};
/** Documents: health card if you have one. */
export const HEALTH_CARD_IF_ANY: Bilingual = {
  en: 'Your health card if you have one. You will be seen without it.',
  es: 'Su tarjeta de salud si la tiene. Le atienden aunque no la tenga.',
};

/** Schedule note: statutory holidays. */
export const CLOSED_HOLIDAYS: Bilingual = {
  en: 'Closed on statutory holidays.',
  es: 'Cerrado los días festivos oficiales.',
};
/** Fees: by donation. */
export const BY_DONATION: Bilingual = {
  en: 'Pay what you can; no one is turned away.',
  es: 'Pague lo que pueda; a nadie se le niega el servicio.',
};
/** Application: call first. */
export const CALL_FIRST: Bilingual = {
  en: 'Call first to book an appointment.',
  es: 'Llame primero para hacer una cita.',
};
/** Application: walk in. */
export const WALK_IN: Bilingual = {
  en: 'Walk in during open hours; no appointment needed.',
  es: 'Venga en el horario de atención; no necesita cita.',
};
