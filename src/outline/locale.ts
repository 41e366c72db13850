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

/** A word as a theme gives it: one for every language, or one per language tag ("kk", "kk-KZ"). */
export type ThemeWord = string | Readonly<Record<string, string>>;

const primaryLanguage = (lang: string) => lang.toLowerCase().split('-')[0]!;

function wordsFor(lang: string): Words {
  return words[primaryLanguage(lang) as keyof typeof words] ?? words.en;
}

/** A theme's word for `lang`: its own tag first, then its language; nothing when the theme has neither. */
function themeWord(word: ThemeWord | undefined, lang: string): string | undefined {
  if (word === undefined || typeof word === 'string') return word;
  const byTag = new Map(Object.entries(word).map(([tag, text]) => [tag.toLowerCase(), text]));
  return byTag.get(lang.toLowerCase()) ?? byTag.get(primaryLanguage(lang));
}

/**
 * The words on a deck's slides: the deck's own (front matter), else its theme's, else deckdown's
 * for the deck's language, else English. A theme is shared by decks in many languages, so its
 * words may be given per language, and a language it leaves out keeps deckdown's word.
 */
export function deckWords(lang: string, own: Partial<Words>, theme: { [Key in keyof Words]?: ThemeWord | undefined } = {}): Words {
  const builtIn = wordsFor(lang);
  return {
    agenda: own.agenda ?? themeWord(theme.agenda, lang) ?? builtIn.agenda,
    continued: own.continued ?? themeWord(theme.continued, lang) ?? builtIn.continued,
  };
}
