/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Refused_RemovedInputs */

const en_refused_removed = /** @type {(inputs: Refused_RemovedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`You were removed from this workshop`)
};

const de_refused_removed = /** @type {(inputs: Refused_RemovedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Sie wurden aus diesem Workshop entfernt`)
};

const fr_refused_removed = /** @type {(inputs: Refused_RemovedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Vous avez été retiré de cet atelier`)
};

/**
* | output |
* | --- |
* | "You were removed from this workshop" |
*
* @param {Refused_RemovedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_removed = /** @type {((inputs?: Refused_RemovedInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Refused_RemovedInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_refused_removed(inputs)
	if (locale === "fr") return fr_refused_removed(inputs)
	return en_refused_removed(inputs)
});