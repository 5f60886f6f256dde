/**
 * i18next with English and Norwegian Bokmål. The language is the user's choice (kept in this
 * browser) or the browser's; dates, times, numbers and the first day of the week follow the
 * formatting locale — the browser's own variant of that language when it has one (en-GB starts
 * weeks on Monday, en-US on Sunday).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

// Only the language in use is loaded; the other comes when the user switches.
const LOADERS = {
  en: async () => (await import('./locales/en')).en,
  nb: async () => (await import('./locales/nb')).nb,
};

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'nb', name: 'Norsk bokmål' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'varde.language';

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function detectLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'nb') return saved;
  for (const tag of browserLanguages()) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nb' || base === 'no' || base === 'nn') return 'nb';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/**
 * The locale for formatting: the browser's variant of the language when it has one. Before
 * i18next has started (a route loader runs as the app loads) `language` is unset: the language
 * the app is about to start in is meant, so that what a loader prefetches (a calendar range,
 * which depends on the first day of the week) is what the page then asks for.
 */
export function formattingLocale(language: string | undefined): string {
  language ||= initialLanguage;
  const match = browserLanguages().find((tag) => tag.toLowerCase().split('-')[0] === language);
  if (match) return match;
  return language === 'nb' ? 'nb-NO' : 'en-US';
}

async function loadLanguage(lng: Language) {
  if (!i18next.hasResourceBundle(lng, 'translation')) i18next.addResourceBundle(lng, 'translation', await LOADERS[lng]());
}

/** Switches the app's language, loading its strings first. */
export async function changeLanguage(lng: Language) {
  await loadLanguage(lng);
  await i18next.changeLanguage(lng);
}

// The strings of the language in use start loading as soon as this module runs.
const initialLanguage = typeof window === 'undefined' ? 'en' : detectLanguage();
const initialStrings = typeof window === 'undefined' ? null : LOADERS[initialLanguage]();

export async function initI18n() {
  const lng = initialLanguage;
  await i18next.use(initReactI18next).init({
    resources: { [lng]: { translation: await (initialStrings ?? LOADERS[lng]()) } },
    lng,
    fallbackLng: lng,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.services.formatter?.add('bytes', (value: number, lang) => formatBytes(value, formattingLocale(lang ?? 'en')));
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (next) => {
    document.documentElement.lang = next;
    localStorage.setItem(STORAGE_KEY, next);
  });
  return i18next;
}

export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes / 1_000_000;
  const [value, unit] = mb >= 1000 ? [mb / 1000, 'GB'] : mb >= 1 ? [mb, 'MB'] : [bytes / 1000, 'kB'];
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}

export { i18next };
