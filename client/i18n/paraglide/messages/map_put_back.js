/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Put_BackInputs */

const en_map_put_back = /** @type {(inputs: Map_Put_BackInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Put back in the form`)
};

const de_map_put_back = /** @type {(inputs: Map_Put_BackInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Zurück ins Formular`)
};

const fr_map_put_back = /** @type {(inputs: Map_Put_BackInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Remettre dans le formulaire`)
};

/**
* | output |
* | --- |
* | "Put back in the form" |
*
* @param {Map_Put_BackInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_put_back = /** @type {((inputs?: Map_Put_BackInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Put_BackInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_put_back(inputs)
	if (locale === "fr") return fr_map_put_back(inputs)
	return en_map_put_back(inputs)
});