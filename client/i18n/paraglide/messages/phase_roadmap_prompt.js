/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Roadmap_PromptInputs */

const en_phase_roadmap_prompt = /** @type {(inputs: Phase_Roadmap_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Our migration roadmap: agree owners and how we will know each step worked.`)
};

const de_phase_roadmap_prompt = /** @type {(inputs: Phase_Roadmap_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Unsere Roadmap für den Wandel: Verantwortliche vereinbaren und festlegen, woran wir erkennen, dass ein Schritt gewirkt hat.`)
};

const fr_phase_roadmap_prompt = /** @type {(inputs: Phase_Roadmap_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Notre feuille de route de transformation : désigner les responsables et convenir de la façon de savoir si chaque étape a porté ses fruits.`)
};

/**
* | output |
* | --- |
* | "Our migration roadmap: agree owners and how we will know each step worked." |
*
* @param {Phase_Roadmap_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_roadmap_prompt = /** @type {((inputs?: Phase_Roadmap_PromptInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Roadmap_PromptInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_roadmap_prompt(inputs)
	if (locale === "fr") return fr_phase_roadmap_prompt(inputs)
	return en_phase_roadmap_prompt(inputs)
});