/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Mine_EmptyInputs */

const en_map_mine_empty = /** @type {(inputs: Map_Mine_EmptyInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Nothing yet. One practice per card works best.`)
};

const de_map_mine_empty = /** @type {(inputs: Map_Mine_EmptyInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Noch keine. Am besten eine Praxis pro Karte.`)
};

const fr_map_mine_empty = /** @type {(inputs: Map_Mine_EmptyInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Rien pour l’instant. Une pratique par carte, c’est l’idéal.`)
};

/**
* | output |
* | --- |
* | "Nothing yet. One practice per card works best." |
*
* @param {Map_Mine_EmptyInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_mine_empty = /** @type {((inputs?: Map_Mine_EmptyInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Mine_EmptyInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_mine_empty(inputs)
	if (locale === "fr") return fr_map_mine_empty(inputs)
	return en_map_mine_empty(inputs)
});