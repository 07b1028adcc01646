/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Timer_PausedInputs */

const en_timer_paused = /** @type {(inputs: Timer_PausedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`paused`)
};

const de_timer_paused = /** @type {(inputs: Timer_PausedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`angehalten`)
};

const fr_timer_paused = /** @type {(inputs: Timer_PausedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`en pause`)
};

/**
* | output |
* | --- |
* | "paused" |
*
* @param {Timer_PausedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const timer_paused = /** @type {((inputs?: Timer_PausedInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Timer_PausedInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_timer_paused(inputs)
	if (locale === "fr") return fr_timer_paused(inputs)
	return en_timer_paused(inputs)
});