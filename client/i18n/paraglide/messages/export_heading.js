/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Export_HeadingInputs */

const en_export_heading = /** @type {(inputs: Export_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Thank you`)
};

const de_export_heading = /** @type {(inputs: Export_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Vielen Dank`)
};

const fr_export_heading = /** @type {(inputs: Export_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Merci`)
};

/**
* | output |
* | --- |
* | "Thank you" |
*
* @param {Export_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const export_heading = /** @type {((inputs?: Export_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Export_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_export_heading(inputs)
	if (locale === "fr") return fr_export_heading(inputs)
	return en_export_heading(inputs)
});