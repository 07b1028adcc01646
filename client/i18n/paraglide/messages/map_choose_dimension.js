/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Choose_DimensionInputs */

const en_map_choose_dimension = /** @type {(inputs: Map_Choose_DimensionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Choose a dimension…`)
};

const de_map_choose_dimension = /** @type {(inputs: Map_Choose_DimensionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Dimension wählen…`)
};

const fr_map_choose_dimension = /** @type {(inputs: Map_Choose_DimensionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Choisir une dimension…`)
};

/**
* | output |
* | --- |
* | "Choose a dimension…" |
*
* @param {Map_Choose_DimensionInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_choose_dimension = /** @type {((inputs?: Map_Choose_DimensionInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Choose_DimensionInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_choose_dimension(inputs)
	if (locale === "fr") return fr_map_choose_dimension(inputs)
	return en_map_choose_dimension(inputs)
});