/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Let_GoInputs */

const en_map_let_go = /** @type {(inputs: Map_Let_GoInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Let it go`)
};

const de_map_let_go = /** @type {(inputs: Map_Let_GoInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Verwerfen`)
};

const fr_map_let_go = /** @type {(inputs: Map_Let_GoInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Abandonner`)
};

/**
* | output |
* | --- |
* | "Let it go" |
*
* @param {Map_Let_GoInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_let_go = /** @type {((inputs?: Map_Let_GoInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Let_GoInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_let_go(inputs)
	if (locale === "fr") return fr_map_let_go(inputs)
	return en_map_let_go(inputs)
});