/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Volunteer_Offer_HintInputs */

const en_volunteer_offer_hint = /** @type {(inputs: Volunteer_Offer_HintInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Your name will show on the roadmap.`)
};

const de_volunteer_offer_hint = /** @type {(inputs: Volunteer_Offer_HintInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ihr Name erscheint dann auf der Roadmap.`)
};

const fr_volunteer_offer_hint = /** @type {(inputs: Volunteer_Offer_HintInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Votre nom figurera sur la feuille de route.`)
};

/**
* | output |
* | --- |
* | "Your name will show on the roadmap." |
*
* @param {Volunteer_Offer_HintInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const volunteer_offer_hint = /** @type {((inputs?: Volunteer_Offer_HintInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Volunteer_Offer_HintInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_volunteer_offer_hint(inputs)
	if (locale === "fr") return fr_volunteer_offer_hint(inputs)
	return en_volunteer_offer_hint(inputs)
});