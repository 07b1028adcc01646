/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Refused_Start_PageInputs */

const en_refused_start_page = /** @type {(inputs: Refused_Start_PageInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Go to the start page`)
};

const de_refused_start_page = /** @type {(inputs: Refused_Start_PageInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Zur Startseite`)
};

const fr_refused_start_page = /** @type {(inputs: Refused_Start_PageInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Aller à la page d’accueil`)
};

/**
* | output |
* | --- |
* | "Go to the start page" |
*
* @param {Refused_Start_PageInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_start_page = /** @type {((inputs?: Refused_Start_PageInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Refused_Start_PageInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_refused_start_page(inputs)
	if (locale === "fr") return fr_refused_start_page(inputs)
	return en_refused_start_page(inputs)
});