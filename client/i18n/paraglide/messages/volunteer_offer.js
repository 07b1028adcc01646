/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Volunteer_OfferInputs */

const en_volunteer_offer = /** @type {(inputs: Volunteer_OfferInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`I'll take this`)
};

const de_volunteer_offer = /** @type {(inputs: Volunteer_OfferInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Das übernehme ich`)
};

const fr_volunteer_offer = /** @type {(inputs: Volunteer_OfferInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Je m’en charge`)
};

/**
* | output |
* | --- |
* | "I'll take this" |
*
* @param {Volunteer_OfferInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const volunteer_offer = /** @type {((inputs?: Volunteer_OfferInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Volunteer_OfferInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_volunteer_offer(inputs)
	if (locale === "fr") return fr_volunteer_offer(inputs)
	return en_volunteer_offer(inputs)
});