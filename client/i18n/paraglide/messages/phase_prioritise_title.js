/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Prioritise_TitleInputs */

const en_phase_prioritise_title = /** @type {(inputs: Phase_Prioritise_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Prioritise`)
};

const de_phase_prioritise_title = /** @type {(inputs: Phase_Prioritise_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Priorisieren`)
};

const fr_phase_prioritise_title = /** @type {(inputs: Phase_Prioritise_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Prioriser`)
};

/**
* | output |
* | --- |
* | "Prioritise" |
*
* @param {Phase_Prioritise_TitleInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_prioritise_title = /** @type {((inputs?: Phase_Prioritise_TitleInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Prioritise_TitleInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_prioritise_title(inputs)
	if (locale === "fr") return fr_phase_prioritise_title(inputs)
	return en_phase_prioritise_title(inputs)
});