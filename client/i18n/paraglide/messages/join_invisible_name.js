/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_Invisible_NameInputs */

const en_join_invisible_name = /** @type {(inputs: Join_Invisible_NameInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`That name is made only of invisible characters. Type a name the room can read.`)
};

const de_join_invisible_name = /** @type {(inputs: Join_Invisible_NameInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Dieser Name besteht nur aus unsichtbaren Zeichen. Bitte geben Sie einen lesbaren Namen ein.`)
};

const fr_join_invisible_name = /** @type {(inputs: Join_Invisible_NameInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ce nom n’est fait que de caractères invisibles. Saisissez un nom lisible.`)
};

/**
* | output |
* | --- |
* | "That name is made only of invisible characters. Type a name the room can read." |
*
* @param {Join_Invisible_NameInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_invisible_name = /** @type {((inputs?: Join_Invisible_NameInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_Invisible_NameInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_invisible_name(inputs)
	if (locale === "fr") return fr_join_invisible_name(inputs)
	return en_join_invisible_name(inputs)
});