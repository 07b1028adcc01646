/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Text_PlaceholderInputs */

const en_map_text_placeholder = /** @type {(inputs: Map_Text_PlaceholderInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`e.g. Our agency runs our Twitter account`)
};

const de_map_text_placeholder = /** @type {(inputs: Map_Text_PlaceholderInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`z. B. Unsere Agentur betreut unseren Twitter-Account`)
};

const fr_map_text_placeholder = /** @type {(inputs: Map_Text_PlaceholderInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`p. ex. Notre agence gère notre compte Twitter`)
};

/**
* | output |
* | --- |
* | "e.g. Our agency runs our Twitter account" |
*
* @param {Map_Text_PlaceholderInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_text_placeholder = /** @type {((inputs?: Map_Text_PlaceholderInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Text_PlaceholderInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_text_placeholder(inputs)
	if (locale === "fr") return fr_map_text_placeholder(inputs)
	return en_map_text_placeholder(inputs)
});