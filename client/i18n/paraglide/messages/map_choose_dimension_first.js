/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Choose_Dimension_FirstInputs */

const en_map_choose_dimension_first = /** @type {(inputs: Map_Choose_Dimension_FirstInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Choose a dimension to see what each stage looks like on it.`)
};

const de_map_choose_dimension_first = /** @type {(inputs: Map_Choose_Dimension_FirstInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Wählen Sie eine Dimension, um zu sehen, wie jede Stufe dort aussieht.`)
};

const fr_map_choose_dimension_first = /** @type {(inputs: Map_Choose_Dimension_FirstInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Choisissez une dimension pour voir à quoi ressemble chaque étape.`)
};

/**
* | output |
* | --- |
* | "Choose a dimension to see what each stage looks like on it." |
*
* @param {Map_Choose_Dimension_FirstInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_choose_dimension_first = /** @type {((inputs?: Map_Choose_Dimension_FirstInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Choose_Dimension_FirstInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_choose_dimension_first(inputs)
	if (locale === "fr") return fr_map_choose_dimension_first(inputs)
	return en_map_choose_dimension_first(inputs)
});