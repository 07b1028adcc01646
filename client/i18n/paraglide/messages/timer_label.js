/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ time: NonNullable<unknown> }} Timer_LabelInputs */

const en_timer_label = /** @type {(inputs: Timer_LabelInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Time left ${i?.time}`)
};

const de_timer_label = /** @type {(inputs: Timer_LabelInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Verbleibende Zeit ${i?.time}`)
};

const fr_timer_label = /** @type {(inputs: Timer_LabelInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Temps restant ${i?.time}`)
};

/**
* | output |
* | --- |
* | "Time left {time}" |
*
* @param {Timer_LabelInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const timer_label = /** @type {((inputs: Timer_LabelInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Timer_LabelInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_timer_label(inputs)
	if (locale === "fr") return fr_timer_label(inputs)
	return en_timer_label(inputs)
});