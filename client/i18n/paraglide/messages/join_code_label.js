/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_Code_LabelInputs */

const en_join_code_label = /** @type {(inputs: Join_Code_LabelInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Room code`)
};

const de_join_code_label = /** @type {(inputs: Join_Code_LabelInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Raumcode`)
};

const fr_join_code_label = /** @type {(inputs: Join_Code_LabelInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Code de la salle`)
};

/**
* | output |
* | --- |
* | "Room code" |
*
* @param {Join_Code_LabelInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_code_label = /** @type {((inputs?: Join_Code_LabelInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_Code_LabelInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_code_label(inputs)
	if (locale === "fr") return fr_join_code_label(inputs)
	return en_join_code_label(inputs)
});