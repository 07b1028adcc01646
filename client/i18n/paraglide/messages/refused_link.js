/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Refused_LinkInputs */

const en_refused_link = /** @type {(inputs: Refused_LinkInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`This link does not open the workshop`)
};

const de_refused_link = /** @type {(inputs: Refused_LinkInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Dieser Link öffnet den Workshop nicht`)
};

const fr_refused_link = /** @type {(inputs: Refused_LinkInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ce lien n’ouvre pas l’atelier`)
};

/**
* | output |
* | --- |
* | "This link does not open the workshop" |
*
* @param {Refused_LinkInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_link = /** @type {((inputs?: Refused_LinkInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Refused_LinkInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_refused_link(inputs)
	if (locale === "fr") return fr_refused_link(inputs)
	return en_refused_link(inputs)
});