/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Add_HeadingInputs */

const en_map_add_heading = /** @type {(inputs: Map_Add_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Add a practice card`)
};

const de_map_add_heading = /** @type {(inputs: Map_Add_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Praxiskarte hinzufügen`)
};

const fr_map_add_heading = /** @type {(inputs: Map_Add_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ajouter une carte pratique`)
};

/**
* | output |
* | --- |
* | "Add a practice card" |
*
* @param {Map_Add_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_add_heading = /** @type {((inputs?: Map_Add_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Add_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_add_heading(inputs)
	if (locale === "fr") return fr_map_add_heading(inputs)
	return en_map_add_heading(inputs)
});