/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Refused_VersionInputs */

const en_refused_version = /** @type {(inputs: Refused_VersionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`This page is out of date`)
};

const de_refused_version = /** @type {(inputs: Refused_VersionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Diese Seite ist veraltet`)
};

const fr_refused_version = /** @type {(inputs: Refused_VersionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Cette page n’est plus à jour`)
};

/**
* | output |
* | --- |
* | "This page is out of date" |
*
* @param {Refused_VersionInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_version = /** @type {((inputs?: Refused_VersionInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Refused_VersionInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_refused_version(inputs)
	if (locale === "fr") return fr_refused_version(inputs)
	return en_refused_version(inputs)
});