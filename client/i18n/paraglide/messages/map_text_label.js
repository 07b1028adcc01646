/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Text_LabelInputs */

const en_map_text_label = /** @type {(inputs: Map_Text_LabelInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`How do we work today?`)
};

const de_map_text_label = /** @type {(inputs: Map_Text_LabelInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Wie arbeiten wir heute?`)
};

const fr_map_text_label = /** @type {(inputs: Map_Text_LabelInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Comment travaillons-nous aujourd’hui ?`)
};

/**
* | output |
* | --- |
* | "How do we work today?" |
*
* @param {Map_Text_LabelInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_text_label = /** @type {((inputs?: Map_Text_LabelInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Text_LabelInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_text_label(inputs)
	if (locale === "fr") return fr_map_text_label(inputs)
	return en_map_text_label(inputs)
});