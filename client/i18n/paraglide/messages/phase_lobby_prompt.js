/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Lobby_PromptInputs */

const en_phase_lobby_prompt = /** @type {(inputs: Phase_Lobby_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Join on your phone with the code on screen. No account needed.`)
};

const de_phase_lobby_prompt = /** @type {(inputs: Phase_Lobby_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Treten Sie mit dem Code auf dem Bildschirm per Smartphone bei. Kein Konto nötig.`)
};

const fr_phase_lobby_prompt = /** @type {(inputs: Phase_Lobby_PromptInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Rejoignez l’atelier sur votre téléphone avec le code affiché. Aucun compte nécessaire.`)
};

/**
* | output |
* | --- |
* | "Join on your phone with the code on screen. No account needed." |
*
* @param {Phase_Lobby_PromptInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_lobby_prompt = /** @type {((inputs?: Phase_Lobby_PromptInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Lobby_PromptInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_lobby_prompt(inputs)
	if (locale === "fr") return fr_phase_lobby_prompt(inputs)
	return en_phase_lobby_prompt(inputs)
});