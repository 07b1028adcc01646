/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ reason: NonNullable<unknown> }} Map_Not_Saved_ReasonInputs */

const en_map_not_saved_reason = /** @type {(inputs: Map_Not_Saved_ReasonInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Not saved: ${i?.reason}`)
};

const de_map_not_saved_reason = /** @type {(inputs: Map_Not_Saved_ReasonInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Nicht gespeichert: ${i?.reason}`)
};

const fr_map_not_saved_reason = /** @type {(inputs: Map_Not_Saved_ReasonInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Non enregistrée : ${i?.reason}`)
};

/**
* | output |
* | --- |
* | "Not saved: {reason}" |
*
* @param {Map_Not_Saved_ReasonInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_not_saved_reason = /** @type {((inputs: Map_Not_Saved_ReasonInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Not_Saved_ReasonInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_not_saved_reason(inputs)
	if (locale === "fr") return fr_map_not_saved_reason(inputs)
	return en_map_not_saved_reason(inputs)
});