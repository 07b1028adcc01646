/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_AddInputs */

const en_map_add = /** @type {(inputs: Map_AddInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Add card`)
};

const de_map_add = /** @type {(inputs: Map_AddInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Karte hinzufügen`)
};

const fr_map_add = /** @type {(inputs: Map_AddInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ajouter la carte`)
};

/**
* | output |
* | --- |
* | "Add card" |
*
* @param {Map_AddInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_add = /** @type {((inputs?: Map_AddInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_AddInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_add(inputs)
	if (locale === "fr") return fr_map_add(inputs)
	return en_map_add(inputs)
});