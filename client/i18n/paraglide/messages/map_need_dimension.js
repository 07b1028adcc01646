/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Need_DimensionInputs */

const en_map_need_dimension = /** @type {(inputs: Map_Need_DimensionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Choose the dimension it belongs to.`)
};

const de_map_need_dimension = /** @type {(inputs: Map_Need_DimensionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Wählen Sie die Dimension, zu der sie gehört.`)
};

const fr_map_need_dimension = /** @type {(inputs: Map_Need_DimensionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Choisissez la dimension à laquelle elle appartient.`)
};

/**
* | output |
* | --- |
* | "Choose the dimension it belongs to." |
*
* @param {Map_Need_DimensionInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_need_dimension = /** @type {((inputs?: Map_Need_DimensionInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Need_DimensionInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_need_dimension(inputs)
	if (locale === "fr") return fr_map_need_dimension(inputs)
	return en_map_need_dimension(inputs)
});