/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Refused_Not_FoundInputs */

const en_refused_not_found = /** @type {(inputs: Refused_Not_FoundInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`This workshop no longer exists`)
};

const de_refused_not_found = /** @type {(inputs: Refused_Not_FoundInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Diesen Workshop gibt es nicht mehr`)
};

const fr_refused_not_found = /** @type {(inputs: Refused_Not_FoundInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Cet atelier n’existe plus`)
};

/**
* | output |
* | --- |
* | "This workshop no longer exists" |
*
* @param {Refused_Not_FoundInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_not_found = /** @type {((inputs?: Refused_Not_FoundInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Refused_Not_FoundInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_refused_not_found(inputs)
	if (locale === "fr") return fr_refused_not_found(inputs)
	return en_refused_not_found(inputs)
});