/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Delete_YesInputs */

const en_map_delete_yes = /** @type {(inputs: Map_Delete_YesInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Yes, delete`)
};

const de_map_delete_yes = /** @type {(inputs: Map_Delete_YesInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ja, löschen`)
};

const fr_map_delete_yes = /** @type {(inputs: Map_Delete_YesInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Oui, supprimer`)
};

/**
* | output |
* | --- |
* | "Yes, delete" |
*
* @param {Map_Delete_YesInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_delete_yes = /** @type {((inputs?: Map_Delete_YesInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Delete_YesInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_delete_yes(inputs)
	if (locale === "fr") return fr_map_delete_yes(inputs)
	return en_map_delete_yes(inputs)
});