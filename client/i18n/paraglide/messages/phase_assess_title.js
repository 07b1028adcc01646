/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Assess_TitleInputs */

const en_phase_assess_title = /** @type {(inputs: Phase_Assess_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Assess`)
};

const de_phase_assess_title = /** @type {(inputs: Phase_Assess_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Einschätzen`)
};

const fr_phase_assess_title = /** @type {(inputs: Phase_Assess_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Évaluer`)
};

/**
* | output |
* | --- |
* | "Assess" |
*
* @param {Phase_Assess_TitleInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_assess_title = /** @type {((inputs?: Phase_Assess_TitleInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Assess_TitleInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_assess_title(inputs)
	if (locale === "fr") return fr_phase_assess_title(inputs)
	return en_phase_assess_title(inputs)
});