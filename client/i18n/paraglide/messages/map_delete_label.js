/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ text: NonNullable<unknown> }} Map_Delete_LabelInputs */

const en_map_delete_label = /** @type {(inputs: Map_Delete_LabelInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Delete card: ${i?.text}`)
};

const de_map_delete_label = /** @type {(inputs: Map_Delete_LabelInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Karte löschen: ${i?.text}`)
};

const fr_map_delete_label = /** @type {(inputs: Map_Delete_LabelInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Supprimer la carte : ${i?.text}`)
};

/**
* | output |
* | --- |
* | "Delete card: {text}" |
*
* @param {Map_Delete_LabelInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_delete_label = /** @type {((inputs: Map_Delete_LabelInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Delete_LabelInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_delete_label(inputs)
	if (locale === "fr") return fr_map_delete_label(inputs)
	return en_map_delete_label(inputs)
});