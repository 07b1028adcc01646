/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ text: NonNullable<unknown> }} Map_Edit_LabelInputs */

const en_map_edit_label = /** @type {(inputs: Map_Edit_LabelInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Edit card: ${i?.text}`)
};

const de_map_edit_label = /** @type {(inputs: Map_Edit_LabelInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Karte bearbeiten: ${i?.text}`)
};

const fr_map_edit_label = /** @type {(inputs: Map_Edit_LabelInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Modifier la carte : ${i?.text}`)
};

/**
* | output |
* | --- |
* | "Edit card: {text}" |
*
* @param {Map_Edit_LabelInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_edit_label = /** @type {((inputs: Map_Edit_LabelInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Edit_LabelInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_edit_label(inputs)
	if (locale === "fr") return fr_map_edit_label(inputs)
	return en_map_edit_label(inputs)
});