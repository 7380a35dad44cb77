/**
 * i18next with English and Spanish bundled (no network). The language is the
 * stored preference, or the system's when the preference is null.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Prefs } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/result';
import capacityEn from '../features/capacity/locales/en.json';
import capacityEs from '../features/capacity/locales/es.json';
import clientsEn from '../features/clients/locales/en.json';
import clientsEs from '../features/clients/locales/es.json';
import financeEn from '../features/finance/locales/en.json';
import financeEs from '../features/finance/locales/es.json';
import invoicesEn from '../features/invoices/locales/en.json';
import invoicesEs from '../features/invoices/locales/es.json';
import pipelineEn from '../features/pipeline/locales/en.json';
import pipelineEs from '../features/pipeline/locales/es.json';
import projectsEn from '../features/projects/locales/en.json';
import projectsEs from '../features/projects/locales/es.json';
import timeEn from '../features/time/locales/en.json';
import timeEs from '../features/time/locales/es.json';
import type { Language } from './format';
import en from './locales/en.json';
import es from './locales/es.json';

/**
 * The shell's strings live in `translation`; each larger feature keeps its own
 * namespace beside its code (`useTranslation('clients')`).
 */
const resources = {
  en: {
    translation: en,
    clients: clientsEn,
    finance: financeEn,
    invoices: invoicesEn,
    pipeline: pipelineEn,
    projects: projectsEn,
    capacity: capacityEn,
    time: timeEn,
  },
  es: {
    translation: es,
    clients: clientsEs,
    finance: financeEs,
    invoices: invoicesEs,
    pipeline: pipelineEs,
    projects: projectsEs,
    capacity: capacityEs,
    time: timeEs,
  },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
  }
}

export function systemLanguage(): Language {
  const langs = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const l of langs) {
    if (l?.toLowerCase().startsWith('es')) return 'es';
    if (l?.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

export function resolveLanguage(pref: Prefs['language']): Language {
  return pref ?? systemLanguage();
}

void i18n.use(initReactI18next).init({
  resources,
  ns: Object.keys(resources.en),
  defaultNS: 'translation',
  lng: systemLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'es'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The current UI language (always 'en' or 'es'). */
export function currentLanguage(): Language {
  return i18n.language?.startsWith('es') ? 'es' : 'en';
}

const KNOWN_CODES: readonly ErrorCode[] = [
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'CONFLICT',
  'NO_WORKSPACE',
  'WORKSPACE_TOO_NEW',
  'WORKSPACE_INVALID',
  'WORKSPACE_IN_USE',
  'FILE_EXISTS',
  'IO_ERROR',
  'NOT_SUPPORTED',
  'CANCELLED',
  'FX_RATE_MISSING',
  'CORE_UNAVAILABLE',
  'INTERNAL',
];

/** A translated title for an error code; the core's message stays as it is. */
export function errorTitle(code: string): string {
  const known = KNOWN_CODES.find((c) => c === code);
  return known ? i18n.t(`errors.${known}`) : i18n.t('errors.UNKNOWN');
}

export default i18n;
