/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_HeadingInputs */

const en_join_heading = /** @type {(inputs: Join_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Join the workshop`)
};

const de_join_heading = /** @type {(inputs: Join_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Am Workshop teilnehmen`)
};

const fr_join_heading = /** @type {(inputs: Join_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Rejoindre l’atelier`)
};

/**
* | output |
* | --- |
* | "Join the workshop" |
*
* @param {Join_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_heading = /** @type {((inputs?: Join_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_heading(inputs)
	if (locale === "fr") return fr_join_heading(inputs)
	return en_join_heading(inputs)
});