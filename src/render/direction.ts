/**
 * Scripts written right to left. JavaScript's patterns know scripts, not the bidirectional class
 * of UAX #9, so the strong right-to-left characters are found by their scripts.
 */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\u200F\u061C\u202B\u202E\u2067]/u;
/** Letters of every other script, and the marks that open left-to-right text. */
const LEFT_TO_RIGHT = /[\p{L}\u200E\u202A\u202D\u2066]/u;

/**
 * A paragraph reads right to left when its first strong character is a right-to-left one (rule P2
 * of UAX #9): "שלום world" does, "Version 2: שלום" does not. Digits and punctuation are neutral.
 */
export function isRightToLeft(text: string): boolean {
  for (const char of text) {
    if (RIGHT_TO_LEFT.test(char)) return true;
    if (LEFT_TO_RIGHT.test(char)) return false;
  }
  return false;
}
