/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Export_CopiesInputs */

const en_export_copies = /** @type {(inputs: Export_CopiesInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Here is the roadmap as the room left it. Keep a copy:`)
};

const de_export_copies = /** @type {(inputs: Export_CopiesInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Hier ist die Roadmap, wie die Runde sie verlassen hat. Nehmen Sie eine Kopie mit:`)
};

const fr_export_copies = /** @type {(inputs: Export_CopiesInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Voici la feuille de route telle que le groupe l’a laissée. Gardez-en une copie :`)
};

/**
* | output |
* | --- |
* | "Here is the roadmap as the room left it. Keep a copy:" |
*
* @param {Export_CopiesInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const export_copies = /** @type {((inputs?: Export_CopiesInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Export_CopiesInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_export_copies(inputs)
	if (locale === "fr") return fr_export_copies(inputs)
	return en_export_copies(inputs)
});