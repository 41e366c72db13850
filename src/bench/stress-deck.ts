/**
 * A deck of any size for the benchmark, the same for deckdown and pandoc: Kazakh text in
 * bullets with bold, italics, code and links, speaker notes on every slide, a section every 50
 * slides and a table every 10. The text varies from slide to slide, so nothing is measured once
 * and reused; the same size gives the same bytes.
 */

const SUBJECTS = ['Қазақстан', 'Біріккен Ұлттар Ұйымы', 'Өркениеттер Альянсы', 'Қауіпсіздік Кеңесі', 'ЭКОСОС', 'Манифест', 'Бейбіт атом', 'Тұрақты даму'];
const ACTIONS = ['бастамасын ұсынды', 'жұмысына белсене қатысты', 'мәселесін көтерді', 'шешімін қолдады', 'тәжірибесін насихаттады', 'құжатын қабылдады'];
const OBJECTS = ['ядролық қаруды таратпау', 'жаһандық энерго-экологиялық стратегия', 'дінаралық толеранттылық', 'терроризмге қарсы күрес', 'мыңжылдық даму мақсаттары', 'аймақтық ынтымақтастық'];

/** A deterministic choice: the same slide and slot always pick the same word. */
function pick<T>(words: readonly T[], slide: number, slot: number): T {
  return words[(slide * 7 + slot * 13) % words.length]!;
}

function bullet(slide: number, slot: number): string {
  const year = 1992 + ((slide + slot) % 33);
  const subject = pick(SUBJECTS, slide, slot);
  const link = slot === 1 ? ` ([құжат](https://example.org/doc/${slide}))` : '';
  const code = slot === 2 ? ` \`A/RES/${60 + (slide % 20)}/${slot}\`` : '';
  return `- **${year} жыл**: ${subject} *${pick(OBJECTS, slide, slot + 1)}* ${pick(ACTIONS, slide, slot + 2)}${link}${code}`;
}

function table(slide: number): string {
  const rows = Array.from({ length: 4 }, (_, row) => `| ${pick(SUBJECTS, slide, row)} | ${1992 + row * 8 + (slide % 7)} | ${(slide * 3 + row * 11) % 100} |`);
  return ['| Ұйым | Жыл | Үлесі, % |', '|---|---:|---:|', ...rows].join('\n');
}

function slide(number: number): string {
  const title = `## ${number}. ${pick(SUBJECTS, number, 0)}: ${pick(OBJECTS, number, 3)}`;
  const body = number % 10 === 0 ? table(number) : [0, 1, 2, 3].map((slot) => bullet(number, slot)).join('\n');
  const notes = `::: notes\n${pick(SUBJECTS, number, 5)} ${pick(OBJECTS, number, 6)} туралы ${pick(ACTIONS, number, 7)}: бұл слайдта ${number}-тақырыптың негізгі тұжырымдары берілген.\n:::`;
  return `${title}\n\n${body}\n\n${notes}\n`;
}

/** A deck of `slides` content slides (and a section slide every 50), as Markdown both tools read. */
export function stressDeck(slides: number): string {
  const parts = ['---\ntitle: Қазақстан және БҰҰ\nauthor: Бенчмарк\nlang: kk-KZ\n---\n'];
  for (let number = 1; number <= slides; number += 1) {
    if (number % 50 === 1) parts.push(`# Бөлім ${Math.ceil(number / 50)}\n`);
    parts.push(slide(number));
  }
  return parts.join('\n');
}
