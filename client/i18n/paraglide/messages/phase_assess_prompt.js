/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Assess_PromptInputs */

const en_phase_assess_prompt = /** @type {(inputs: Phase_Assess_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`For each dimension: where are we now, and where should we be in 12 to 18 months?`)
};

const de_phase_assess_prompt = /** @type {(inputs: Phase_Assess_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Für jede Dimension: Wo stehen wir heute, und wo sollten wir in 12 bis 18 Monaten stehen?`)
};

const fr_phase_assess_prompt = /** @type {(inputs: Phase_Assess_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Pour chaque dimension : où en sommes-nous, et où devrions-nous être dans 12 à 18 mois ?`)
};

/**
* | output |
* | --- |
* | "For each dimension: where are we now, and where should we be in 12 to 18 months?" |
*
* @param {Phase_Assess_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_assess_prompt = /** @type {((inputs?: Phase_Assess_PromptInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Assess_PromptInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_assess_prompt(inputs)
	if (locale === "fr") return fr_phase_assess_prompt(inputs)
	return en_phase_assess_prompt(inputs)
});