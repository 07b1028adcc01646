/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Prioritise_PromptInputs */

const en_phase_prioritise_prompt = /** @type {(inputs: Phase_Prioritise_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Spend your votes on what to change first. Name what stands in the way as barrier cards.`)
};

const de_phase_prioritise_prompt = /** @type {(inputs: Phase_Prioritise_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Vergeben Sie Ihre Stimmen für das, was sich zuerst ändern soll. Benennen Sie, was im Weg steht, auf Hürdenkarten.`)
};

const fr_phase_prioritise_prompt = /** @type {(inputs: Phase_Prioritise_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Attribuez vos votes à ce qu’il faut changer en premier. Nommez ce qui fait obstacle sur des cartes « frein ».`)
};

/**
* | output |
* | --- |
* | "Spend your votes on what to change first. Name what stands in the way as barrier cards." |
*
* @param {Phase_Prioritise_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_prioritise_prompt = /** @type {((inputs?: Phase_Prioritise_PromptInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Prioritise_PromptInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_prioritise_prompt(inputs)
	if (locale === "fr") return fr_phase_prioritise_prompt(inputs)
	return en_phase_prioritise_prompt(inputs)
});