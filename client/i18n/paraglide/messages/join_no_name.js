/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_No_NameInputs */

const en_join_no_name = /** @type {(inputs: Join_No_NameInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Please type the name the room will see.`)
};

const de_join_no_name = /** @type {(inputs: Join_No_NameInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Bitte geben Sie den Namen ein, den die Runde sehen soll.`)
};

const fr_join_no_name = /** @type {(inputs: Join_No_NameInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Saisissez le nom que le groupe verra.`)
};

/**
* | output |
* | --- |
* | "Please type the name the room will see." |
*
* @param {Join_No_NameInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_no_name = /** @type {((inputs?: Join_No_NameInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_No_NameInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_no_name(inputs)
	if (locale === "fr") return fr_join_no_name(inputs)
	return en_join_no_name(inputs)
});