/** A shared ticking clock for timers; ticks only while someone reads it. */
import { createSubscriber } from 'svelte/reactivity';

let nowMs = Date.now();
const subscribe = createSubscriber((update) => {
  const id = setInterval(() => {
    nowMs = Date.now();
    update();
  }, 250);
  return () => clearInterval(id);
});

/** Local wall clock in ms, re-read four times a second by any reactive reader. */
export function now(): number {
  subscribe();
  return nowMs;
}
