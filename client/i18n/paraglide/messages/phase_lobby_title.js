/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Lobby_TitleInputs */

const en_phase_lobby_title = /** @type {(inputs: Phase_Lobby_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Lobby`)
};

const de_phase_lobby_title = /** @type {(inputs: Phase_Lobby_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ankommen`)
};

const fr_phase_lobby_title = /** @type {(inputs: Phase_Lobby_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Accueil`)
};

/**
* | output |
* | --- |
* | "Lobby" |
*
* @param {Phase_Lobby_TitleInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_lobby_title = /** @type {((inputs?: Phase_Lobby_TitleInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Lobby_TitleInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_lobby_title(inputs)
	if (locale === "fr") return fr_phase_lobby_title(inputs)
	return en_phase_lobby_title(inputs)
});