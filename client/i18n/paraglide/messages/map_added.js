/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ dimension: NonNullable<unknown> }} Map_AddedInputs */

const en_map_added = /** @type {(inputs: Map_AddedInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Card added to ${i?.dimension}.`)
};

const de_map_added = /** @type {(inputs: Map_AddedInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Karte zu ${i?.dimension} hinzugefügt.`)
};

const fr_map_added = /** @type {(inputs: Map_AddedInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Carte ajoutée à ${i?.dimension}.`)
};

/**
* | output |
* | --- |
* | "Card added to {dimension}." |
*
* @param {Map_AddedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_added = /** @type {((inputs: Map_AddedInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_AddedInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_added(inputs)
	if (locale === "fr") return fr_map_added(inputs)
	return en_map_added(inputs)
});