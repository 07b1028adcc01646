/**
 * lib0/logging as the browser build sees it (vite.config.ts): yjs prints a few
 * developer warnings with it, and nothing else on a screen does. The real module
 * pulls in lib0's DOM helpers and its schema library (about 4 KB gzip on a
 * phone) for coloured console output; here the colour markers are dropped and
 * the words go to the console as they are.
 */
export const BOLD = Symbol('bold');
export const UNBOLD = Symbol('unbold');
export const RED = Symbol('red');
export const ORANGE = Symbol('orange');

const words = (args: unknown[]) => args.filter((a) => typeof a !== 'symbol');

export const print = (...args: unknown[]): void => console.log(...words(args));
export const warn = (...args: unknown[]): void => console.warn(...words(args));
