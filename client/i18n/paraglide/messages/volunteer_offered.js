/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Volunteer_OfferedInputs */

const en_volunteer_offered = /** @type {(inputs: Volunteer_OfferedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`You offered · take it back`)
};

const de_volunteer_offered = /** @type {(inputs: Volunteer_OfferedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Angeboten · zurücknehmen`)
};

const fr_volunteer_offered = /** @type {(inputs: Volunteer_OfferedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Proposé · retirer`)
};

/**
* | output |
* | --- |
* | "You offered · take it back" |
*
* @param {Volunteer_OfferedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const volunteer_offered = /** @type {((inputs?: Volunteer_OfferedInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Volunteer_OfferedInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_volunteer_offered(inputs)
	if (locale === "fr") return fr_volunteer_offered(inputs)
	return en_volunteer_offered(inputs)
});