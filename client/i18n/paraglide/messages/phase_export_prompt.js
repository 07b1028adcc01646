/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Export_PromptInputs */

const en_phase_export_prompt = /** @type {(inputs: Phase_Export_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`The roadmap as the room leaves it: the plan, and the record of the board.`)
};

const de_phase_export_prompt = /** @type {(inputs: Phase_Export_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Die Roadmap, wie die Runde sie verlässt: der Plan und das Protokoll des Boards.`)
};

const fr_phase_export_prompt = /** @type {(inputs: Phase_Export_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`La feuille de route telle que le groupe la laisse : le plan, et la trace du tableau.`)
};

/**
* | output |
* | --- |
* | "The roadmap as the room leaves it: the plan, and the record of the board." |
*
* @param {Phase_Export_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_export_prompt = /** @type {((inputs?: Phase_Export_PromptInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Export_PromptInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_export_prompt(inputs)
	if (locale === "fr") return fr_phase_export_prompt(inputs)
	return en_phase_export_prompt(inputs)
});