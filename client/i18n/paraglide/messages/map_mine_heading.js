/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Mine_HeadingInputs */

const en_map_mine_heading = /** @type {(inputs: Map_Mine_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Your cards`)
};

const de_map_mine_heading = /** @type {(inputs: Map_Mine_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ihre Karten`)
};

const fr_map_mine_heading = /** @type {(inputs: Map_Mine_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Vos cartes`)
};

/**
* | output |
* | --- |
* | "Your cards" |
*
* @param {Map_Mine_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_mine_heading = /** @type {((inputs?: Map_Mine_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Mine_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_mine_heading(inputs)
	if (locale === "fr") return fr_map_mine_heading(inputs)
	return en_map_mine_heading(inputs)
});