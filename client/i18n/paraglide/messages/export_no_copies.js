/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Export_No_CopiesInputs */

const en_export_no_copies = /** @type {(inputs: Export_No_CopiesInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`The facilitator is exporting the roadmap. Here it is as the room left it.`)
};

const de_export_no_copies = /** @type {(inputs: Export_No_CopiesInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Die Moderation exportiert die Roadmap. Hier ist sie, wie die Runde sie verlassen hat.`)
};

const fr_export_no_copies = /** @type {(inputs: Export_No_CopiesInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`L’animateur exporte la feuille de route. La voici telle que le groupe l’a laissée.`)
};

/**
* | output |
* | --- |
* | "The facilitator is exporting the roadmap. Here it is as the room left it." |
*
* @param {Export_No_CopiesInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const export_no_copies = /** @type {((inputs?: Export_No_CopiesInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Export_No_CopiesInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_export_no_copies(inputs)
	if (locale === "fr") return fr_export_no_copies(inputs)
	return en_export_no_copies(inputs)
});