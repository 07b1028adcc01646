/**
 * A form field that survives reloads: every write goes to localStorage, so a
 * phone that dies mid-sentence gets its words back.
 */
import { readJson, writeJson } from './session.ts';

export class Draft<T> {
  #value: T;
  readonly #key: string;
  readonly #initial: T;

  constructor(key: string, initial: T) {
    this.#key = `draft:${key}`;
    this.#initial = initial;
    this.#value = $state(readJson<T>(this.#key) ?? initial);
  }

  get value(): T {
    return this.#value;
  }

  set value(v: T) {
    this.#value = v;
    writeJson(this.#key, v === this.#initial ? null : v);
  }

  clear(): void {
    this.value = this.#initial;
  }
}
