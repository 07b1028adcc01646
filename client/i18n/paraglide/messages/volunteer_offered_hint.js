/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Volunteer_Offered_HintInputs */

const en_volunteer_offered_hint = /** @type {(inputs: Volunteer_Offered_HintInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`The facilitator confirms an owner.`)
};

const de_volunteer_offered_hint = /** @type {(inputs: Volunteer_Offered_HintInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Die Moderation bestätigt eine verantwortliche Person.`)
};

const fr_volunteer_offered_hint = /** @type {(inputs: Volunteer_Offered_HintInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`L’animateur confirme un responsable.`)
};

/**
* | output |
* | --- |
* | "The facilitator confirms an owner." |
*
* @param {Volunteer_Offered_HintInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const volunteer_offered_hint = /** @type {((inputs?: Volunteer_Offered_HintInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Volunteer_Offered_HintInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_volunteer_offered_hint(inputs)
	if (locale === "fr") return fr_volunteer_offered_hint(inputs)
	return en_volunteer_offered_hint(inputs)
});