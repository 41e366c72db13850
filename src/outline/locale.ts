/** The few words deckdown itself writes onto slides, by language. English is the fallback. */
const words = {
  en: { agenda: 'Agenda', continued: '(cont.)' },
  kk: { agenda: 'Күн тәртібі', continued: '(жалғасы)' },
  ru: { agenda: 'План', continued: '(продолжение)' },
  de: { agenda: 'Agenda', continued: '(Forts.)' },
  fr: { agenda: 'Sommaire', continued: '(suite)' },
} as const;

export interface Words {
  agenda: string;
  continued: string;
}

export function wordsFor(lang: string): Words {
  const primary = lang.toLowerCase().split('-')[0] as keyof typeof words;
  return words[primary] ?? words.en;
}
