/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Need_TextInputs */

const en_map_need_text = /** @type {(inputs: Map_Need_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Write the practice first.`)
};

const de_map_need_text = /** @type {(inputs: Map_Need_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Beschreiben Sie zuerst die Praxis.`)
};

const fr_map_need_text = /** @type {(inputs: Map_Need_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Décrivez d’abord la pratique.`)
};

/**
* | output |
* | --- |
* | "Write the practice first." |
*
* @param {Map_Need_TextInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_need_text = /** @type {((inputs?: Map_Need_TextInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Need_TextInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_need_text(inputs)
	if (locale === "fr") return fr_map_need_text(inputs)
	return en_map_need_text(inputs)
});