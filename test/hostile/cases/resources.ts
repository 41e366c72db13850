import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import type { HostileCase } from '../case.js';
import { deck, png, themed } from '../samples.js';

/**
 * Files a deck or a theme names: nothing outside the project is read without permission, and
 * nothing is fetched. The secret file sits beside the project, at `../secret.txt`.
 */
const outside = { exit: 1, message: /outside the project folder/ } as const;
const box = 'box: { x: 0.2, y: 0.2, w: 1, h: 0.5 }';
/** A picture of deckdown's own, which every theme may name. */
const ownPicture = fileURLToPath(new URL('../../../templates/lecture/ornament.png', import.meta.url));

export const cases: HostileCase[] = [
  { name: 'a theme logo at an absolute path', files: themed('logo: { path: /etc/passwd, ' + box + ' }'), expect: { ...outside, at: 'theme.yaml:2:15' } },
  { name: 'a theme logo up and out of the project', files: themed('logo: { path: ../secret.txt, ' + box + ' }'), expect: { ...outside, at: 'theme.yaml:2:15' } },
  { name: 'a theme background outside the project', files: themed('backgrounds:\n  title: ../secret.txt\n'), expect: { ...outside, at: 'theme.yaml:3:10' } },
  { name: 'a theme font file outside the project', files: themed('fonts:\n  files:\n    Corp: { regular: ../secret.txt }\n'), expect: { ...outside, at: 'theme.yaml:4:22' } },
  { name: 'a theme template outside the project', files: themed('template: ../corp.potx\n', { '../corp.potx': 'PK' }), expect: { ...outside, at: 'theme.yaml:2:11' } },
  { name: 'a theme logo that is a URL', files: themed('logo: { path: "https://example.com/logo.png", ' + box + ' }'), expect: { exit: 1, message: /is a URL; deckdown reads local files only/, at: 'theme.yaml:2:15' } },
  { name: 'a theme logo that is a file URL outside the project', files: themed('logo: { path: "file:///etc/passwd", ' + box + ' }'), expect: { ...outside, at: 'theme.yaml:2:15' } },
  { name: 'a theme logo that does not exist', files: themed('logo: { path: missing.png, ' + box + ' }'), expect: { exit: 1, message: /logo\.path: ".*missing\.png" does not exist/, at: 'theme.yaml:2:15' } },
  { name: 'a theme logo that is a folder', files: { ...themed('logo: { path: pictures, ' + box + ' }'), pictures: { folder: true } }, expect: { exit: 1, message: /logo\.path: ".*pictures" is a folder/, at: 'theme.yaml:2:15' } },
  { name: 'a theme background that is a device', files: themed('backgrounds:\n  content: /dev/zero\n'), expect: { ...outside, at: 'theme.yaml:3:12' } },
  { name: 'a theme logo through a symlink out of the project', files: { ...themed('logo: { path: logo.png, ' + box + ' }'), 'logo.png': { symlink: '../secret.txt' } }, expect: { ...outside, at: 'theme.yaml:2:15' } },
  { name: 'a theme logo that is a text file', files: themed('logo: { path: notes.png, ' + box + ' }', { 'notes.png': 'not a picture\n' }), expect: { exit: 1, message: /logo\.path: ".*notes\.png" is not a PNG, JPEG, GIF or SVG image/, at: 'theme.yaml:2:15' } },
  { name: 'a theme background over the pixel budget', files: themed('backgrounds:\n  content: huge.png\n', { 'huge.png': png(400, 300) }), args: ['build', 'deck.md', '--limit', 'image-pixels=1000'], expect: { exit: 1, message: /backgrounds\.content: ".*huge\.png" is not placed: a picture of 120,000 pixels exceeds the limit of 1,000/, at: 'theme.yaml:3:12' } },
  { name: 'a theme logo inside the project', files: themed('logo: { path: art/logo.png, ' + box + ' }', { 'art/logo.png': png() }), expect: { exit: 0 } },
  { name: 'a theme that names /etc/shadow', files: { 'deck.md': deck('theme: /etc/shadow') }, expect: { ...outside, at: 'deck.md:3:8' } },
  { name: 'a theme that names the secret beside the project', files: { 'deck.md': deck('theme: ../secret.txt') }, expect: { ...outside, at: 'deck.md:3:8' } },
  { name: 'a theme that is /dev/zero', files: { 'deck.md': deck('theme: /dev/zero') }, expect: { ...outside, at: 'deck.md:3:8' }, timeout: 10 },
  { name: 'a theme that is a device inside the project', files: { 'deck.md': deck('theme: zero.yaml'), 'zero.yaml': { symlink: '/dev/zero' } }, expect: { ...outside, at: 'deck.md:3:8' }, timeout: 10 },
  { name: 'a theme that is a folder', files: { 'deck.md': deck('theme: corp.yaml'), 'corp.yaml': { folder: true } }, expect: { exit: 1, message: /is a folder/, at: 'deck.md:3:8' } },
  { name: 'a theme that extends a file outside the project', files: { 'deck.md': deck('theme: theme.yaml'), 'theme.yaml': 'extends: ../secret.txt\n' }, expect: { ...outside, at: 'theme.yaml:1:10' } },
  { name: 'a theme that extends a folder', files: { 'deck.md': deck('theme: theme.yaml'), 'theme.yaml': 'extends: base.yaml\n', 'base.yaml': { folder: true } }, expect: { exit: 1, message: /extends: theme .*is a folder/, at: 'theme.yaml:1:10' } },
  { name: 'themes that extend each other', files: { 'deck.md': deck('theme: a.yaml'), 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: a.yaml\n' }, expect: { exit: 1, message: /extend each other in a circle/ } },
  {
    name: 'a theme of YAML aliases that multiply (billion laughs)',
    files: {
      'deck.md': deck('theme: theme.yaml'),
      'theme.yaml': ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`), 'words: *i', ''].join('\n'),
    },
    expect: { exit: 1, message: /YAML aliases expand past any sensible size/, at: 'theme.yaml:2:' },
    timeout: 15,
  },
  { name: 'slide settings with an alias to no anchor', files: { 'deck.md': '# S\n\nText\n\n---\nlayout: *a\n---\n\n## Next\n\nMore.\n' }, expect: { exit: 1, message: /slide settings: a YAML alias names an anchor that is not set before it/, at: 'deck.md:6:1' } },
  {
    name: 'slide settings of YAML aliases that multiply',
    files: { 'deck.md': `# S\n\nText\n\n---\n${['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`)].join('\n')}\n---\n\n## Next\n\nMore.\n` },
    expect: { exit: 1, message: /slide settings: YAML aliases expand past any sensible size/ },
    timeout: 15,
  },
  { name: 'a theme file larger than the input limit', files: { 'deck.md': deck('theme: theme.yaml'), 'theme.yaml': () => `extends: default\n# ${'x'.repeat(11 * 1024 * 1024)}\n` }, expect: { exit: 1, message: /exceeds the limit of .*--limit input-bytes/, at: 'theme.yaml:1:1' } },
  { name: 'a picture at an absolute path', files: { 'deck.md': deck('', '![passwd](/etc/passwd)') }, expect: { ...outside, at: 'deck.md:7:1' } },
  { name: 'a picture up and out of the project', files: { 'deck.md': deck('', '![secret](../secret.txt)') }, expect: { ...outside, at: 'deck.md:7:1' } },
  { name: 'a picture that is a real PNG outside the project', files: { 'deck.md': deck('', '![outside](../outside.png)'), '../outside.png': png() }, expect: { ...outside, at: 'deck.md:7:1' } },
  { name: 'a picture as a file URL', files: { 'deck.md': deck('', '![passwd](file:///etc/passwd)') }, expect: { ...outside, at: 'deck.md:7:1' } },
  { name: 'a picture through a symlink out of the project', files: { 'deck.md': deck('', '![link](link.png)'), 'link.png': { symlink: '../secret.txt' } }, expect: { ...outside, at: 'deck.md:7:1' } },
  { name: 'a picture through a symlinked folder', files: { 'deck.md': deck('', '![link](pictures/secret.txt)'), pictures: { symlink: '..' } }, expect: { ...outside, at: 'deck.md:7:1' } },
  { name: 'a picture that is a device', files: { 'deck.md': deck('', '![zero](/dev/zero)') }, expect: { ...outside, at: 'deck.md:7:1' }, timeout: 10 },
  { name: 'a picture by reference definition outside the project', files: { 'deck.md': deck('', '![secret][s]\n\n[s]: ../secret.txt') }, expect: { ...outside, at: 'deck.md:7:1' } },
  { name: 'a slide background outside the project', files: { 'deck.md': '---\ntitle: Hostile\n---\n\n# A slide {background-image="../secret.txt"}\n\nText.\n' }, expect: { exit: 1, message: /outside the project folder/ } },
  { name: 'a Marp background outside the project', files: { 'deck.md': '---\nmarp: true\n---\n\n# A slide\n\n![bg](../secret.txt)\n' }, expect: { ...outside, at: 'deck.md:7:1' } },
  { name: 'a percent-encoded way out of the project', files: { 'deck.md': deck('', '![secret](%2E%2E/secret.txt)') }, expect: { ...outside, at: 'deck.md:7:1' } },
  { name: 'a template outside the project, from the front matter', files: { 'deck.md': deck('template: ../corp.potx'), '../corp.potx': 'PK' }, expect: { ...outside } },
  {
    name: 'a theme logo as a file URL to deckdown’s own picture, beside a planted folder named file:',
    files: { ...themed(`logo: { path: "file://${ownPicture}", ${box} }`), [`file:${ownPicture}`]: { symlink: `${'../'.repeat(ownPicture.split('/').length)}secret.txt` } },
    expect: { exit: 0 },
  },
  {
    name: 'a theme font file ending in .br that unpacks to 768 MB',
    files: themed('fonts:\n  files:\n    Corp: { regular: bomb.ttf.br }\n  heading: Corp\n', { 'bomb.ttf.br': () => brotliCompressSync(Buffer.alloc(768 * 1024 * 1024), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }) }),
    expect: { exit: 0, rules: ['invalid-font-file'] },
  },
  { name: 'a picture on a network share', files: { 'deck.md': deck('', '![share](//server/share/a.png)') }, expect: { exit: 0, rules: ['remote-image'] } },
  { name: 'a remote picture is not fetched', files: { 'deck.md': deck('', '![remote](https://example.com/a.png)') }, expect: { exit: 0, rules: ['remote-image'] } },
  { name: 'a picture in a sibling folder of the project', files: { 'talks/deck.md': deck('', '![ok](../images/p.png)'), 'images/p.png': png() }, args: ['build', 'talks/deck.md'], expect: { exit: 0, decks: ['talks/deck.pptx'] } },
  { name: 'a picture outside the project, allowed by the user', files: { 'deck.md': deck('', '![outside](../outside.png)'), '../outside.png': png() }, args: ['build', 'deck.md', '--allow-outside-root'], outsideAllowed: true, expect: { exit: 0 } },
  { name: 'a theme file named on the command line, with its logo beside it', files: { 'deck.md': deck(''), '../corp/theme.yaml': `extends: default\nlogo: { path: logo.png, ${box} }\n`, '../corp/logo.png': png() }, args: ['build', 'deck.md', '--theme', '../corp/theme.yaml'], expect: { exit: 0 } },
  { name: 'fonts --install of a theme whose font is outside its project', files: { 'theme.yaml': 'extends: default\nfonts:\n  files:\n    Corp: { regular: ../secret.txt }\n' }, args: ['fonts', '--theme', 'theme.yaml', '--install'], expect: { exit: 1, message: /outside the project folder/ } },
];
