/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} App_Removed_TextInputs */

const en_app_removed_text = /** @type {(inputs: App_Removed_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`The facilitator removed you from the room. If that was a mistake, ask them and join again.`)
};

const de_app_removed_text = /** @type {(inputs: App_Removed_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Die Moderation hat Sie aus der Runde entfernt. War das ein Versehen, sprechen Sie sie an und treten Sie erneut bei.`)
};

const fr_app_removed_text = /** @type {(inputs: App_Removed_TextInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`L’animateur vous a retiré du groupe. S’il s’agit d’une erreur, demandez-lui et rejoignez-le à nouveau.`)
};

/**
* | output |
* | --- |
* | "The facilitator removed you from the room. If that was a mistake, ask them and join again." |
*
* @param {App_Removed_TextInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_removed_text = /** @type {((inputs?: App_Removed_TextInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_Removed_TextInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_removed_text(inputs)
	if (locale === "fr") return fr_app_removed_text(inputs)
	return en_app_removed_text(inputs)
});