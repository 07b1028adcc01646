/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_KeepInputs */

const en_map_keep = /** @type {(inputs: Map_KeepInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Keep`)
};

const de_map_keep = /** @type {(inputs: Map_KeepInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Behalten`)
};

const fr_map_keep = /** @type {(inputs: Map_KeepInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Garder`)
};

/**
* | output |
* | --- |
* | "Keep" |
*
* @param {Map_KeepInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_keep = /** @type {((inputs?: Map_KeepInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_KeepInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_keep(inputs)
	if (locale === "fr") return fr_map_keep(inputs)
	return en_map_keep(inputs)
});