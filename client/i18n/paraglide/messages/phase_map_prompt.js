/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Map_PromptInputs */

const en_phase_map_prompt = /** @type {(inputs: Phase_Map_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Write how we work today, one practice per card, and place it honestly: which dimension, which stage?`)
};

const de_phase_map_prompt = /** @type {(inputs: Phase_Map_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Beschreiben Sie, wie wir heute arbeiten, eine Praxis pro Karte, und ordnen Sie sie ehrlich ein: welche Dimension, welche Stufe?`)
};

const fr_phase_map_prompt = /** @type {(inputs: Phase_Map_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Décrivez comment nous travaillons aujourd’hui, une pratique par carte, et placez-la honnêtement : quelle dimension, quelle étape ?`)
};

/**
* | output |
* | --- |
* | "Write how we work today, one practice per card, and place it honestly: which dimension, which stage?" |
*
* @param {Phase_Map_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_map_prompt = /** @type {((inputs?: Phase_Map_PromptInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Map_PromptInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_map_prompt(inputs)
	if (locale === "fr") return fr_phase_map_prompt(inputs)
	return en_phase_map_prompt(inputs)
});