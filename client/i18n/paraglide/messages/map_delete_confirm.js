/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Delete_ConfirmInputs */

const en_map_delete_confirm = /** @type {(inputs: Map_Delete_ConfirmInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Delete this card?`)
};

const de_map_delete_confirm = /** @type {(inputs: Map_Delete_ConfirmInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Diese Karte löschen?`)
};

const fr_map_delete_confirm = /** @type {(inputs: Map_Delete_ConfirmInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Supprimer cette carte ?`)
};

/**
* | output |
* | --- |
* | "Delete this card?" |
*
* @param {Map_Delete_ConfirmInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_delete_confirm = /** @type {((inputs?: Map_Delete_ConfirmInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Delete_ConfirmInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_delete_confirm(inputs)
	if (locale === "fr") return fr_map_delete_confirm(inputs)
	return en_map_delete_confirm(inputs)
});