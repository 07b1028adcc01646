/**
 * Words that call for care before public conversation: young people, a private
 * channel between staff and the people served (a chat app, a personal phone), and
 * financial products. A small word list, read by "Before you act" (cautions.ts) and
 * by a first step that would build on such a practice (team-words.ts). Pure.
 */
export const YOUNG = /\b(young people|youth|children|child|pupils?|students?|teenagers?|teens|kids)\b/i;
export const PRIVATE =
  /\b(whatsapp|snapchat|text(s|ing)?|sms|dms?|direct messages?|private messages?|own phones?|personal (phones?|accounts?|numbers?))\b/i;
export const FINANCIAL =
  /\b(bank|banking|building society|loans?|credit|mortgages?|insurance|insurer|invest\w*|pensions?|savings|lender|financial)\b/i;

/** A card about talking with young people on a private channel: safeguarding comes before anything builds on it. */
export const needsSafeguarding = (card: string, serves: string): boolean => PRIVATE.test(card) && (YOUNG.test(card) || YOUNG.test(serves));
