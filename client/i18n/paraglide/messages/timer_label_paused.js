/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ time: NonNullable<unknown> }} Timer_Label_PausedInputs */

const en_timer_label_paused = /** @type {(inputs: Timer_Label_PausedInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Time left ${i?.time}, paused`)
};

const de_timer_label_paused = /** @type {(inputs: Timer_Label_PausedInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Verbleibende Zeit ${i?.time}, angehalten`)
};

const fr_timer_label_paused = /** @type {(inputs: Timer_Label_PausedInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Temps restant ${i?.time}, en pause`)
};

/**
* | output |
* | --- |
* | "Time left {time}, paused" |
*
* @param {Timer_Label_PausedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const timer_label_paused = /** @type {((inputs: Timer_Label_PausedInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Timer_Label_PausedInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_timer_label_paused(inputs)
	if (locale === "fr") return fr_timer_label_paused(inputs)
	return en_timer_label_paused(inputs)
});