/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} App_Ended_TextInputs */

const en_app_ended_text = /** @type {(inputs: App_Ended_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`The facilitator deleted it. Thank you for taking part.`)
};

const de_app_ended_text = /** @type {(inputs: App_Ended_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Die Moderation hat ihn gelöscht. Danke für Ihre Teilnahme.`)
};

const fr_app_ended_text = /** @type {(inputs: App_Ended_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`L’animateur l’a supprimé. Merci de votre participation.`)
};

/**
* | output |
* | --- |
* | "The facilitator deleted it. Thank you for taking part." |
*
* @param {App_Ended_TextInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_ended_text = /** @type {((inputs?: App_Ended_TextInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_Ended_TextInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_ended_text(inputs)
	if (locale === "fr") return fr_app_ended_text(inputs)
	return en_app_ended_text(inputs)
});