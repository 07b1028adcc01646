/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_Name_PlaceholderInputs */

const en_join_name_placeholder = /** @type {(inputs: Join_Name_PlaceholderInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`e.g. Sam from Sales`)
};

const de_join_name_placeholder = /** @type {(inputs: Join_Name_PlaceholderInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`z. B. Sam aus dem Vertrieb`)
};

const fr_join_name_placeholder = /** @type {(inputs: Join_Name_PlaceholderInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`p. ex. Sam, service commercial`)
};

/**
* | output |
* | --- |
* | "e.g. Sam from Sales" |
*
* @param {Join_Name_PlaceholderInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_name_placeholder = /** @type {((inputs?: Join_Name_PlaceholderInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_Name_PlaceholderInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_name_placeholder(inputs)
	if (locale === "fr") return fr_join_name_placeholder(inputs)
	return en_join_name_placeholder(inputs)
});