/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_SaveInputs */

const en_map_save = /** @type {(inputs: Map_SaveInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Save card`)
};

const de_map_save = /** @type {(inputs: Map_SaveInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Karte speichern`)
};

const fr_map_save = /** @type {(inputs: Map_SaveInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Enregistrer la carte`)
};

/**
* | output |
* | --- |
* | "Save card" |
*
* @param {Map_SaveInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_save = /** @type {((inputs?: Map_SaveInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_SaveInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_save(inputs)
	if (locale === "fr") return fr_map_save(inputs)
	return en_map_save(inputs)
});