/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Lobby_TextInputs */

const en_lobby_text = /** @type {(inputs: Lobby_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Keep this page open. It moves on by itself when the facilitator starts.`)
};

const de_lobby_text = /** @type {(inputs: Lobby_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Lassen Sie diese Seite geöffnet. Sie geht von selbst weiter, sobald die Moderation beginnt.`)
};

const fr_lobby_text = /** @type {(inputs: Lobby_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Gardez cette page ouverte. Elle avance d’elle-même quand l’animateur commence.`)
};

/**
* | output |
* | --- |
* | "Keep this page open. It moves on by itself when the facilitator starts." |
*
* @param {Lobby_TextInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const lobby_text = /** @type {((inputs?: Lobby_TextInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Lobby_TextInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_lobby_text(inputs)
	if (locale === "fr") return fr_lobby_text(inputs)
	return en_lobby_text(inputs)
});