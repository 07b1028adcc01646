/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Dimension_LabelInputs */

const en_map_dimension_label = /** @type {(inputs: Map_Dimension_LabelInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Dimension`)
};

const de_map_dimension_label = /** @type {(inputs: Map_Dimension_LabelInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Dimension`)
};

const fr_map_dimension_label = /** @type {(inputs: Map_Dimension_LabelInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Dimension`)
};

/**
* | output |
* | --- |
* | "Dimension" |
*
* @param {Map_Dimension_LabelInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_dimension_label = /** @type {((inputs?: Map_Dimension_LabelInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Dimension_LabelInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_dimension_label(inputs)
	if (locale === "fr") return fr_map_dimension_label(inputs)
	return en_map_dimension_label(inputs)
});