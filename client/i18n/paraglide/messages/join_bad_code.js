/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_Bad_CodeInputs */

const en_join_bad_code = /** @type {(inputs: Join_Bad_CodeInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`A room code is six letters or digits, like K7Q2MX.`)
};

const de_join_bad_code = /** @type {(inputs: Join_Bad_CodeInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ein Raumcode besteht aus sechs Buchstaben oder Ziffern, etwa K7Q2MX.`)
};

const fr_join_bad_code = /** @type {(inputs: Join_Bad_CodeInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Un code de salle compte six lettres ou chiffres, comme K7Q2MX.`)
};

/**
* | output |
* | --- |
* | "A room code is six letters or digits, like K7Q2MX." |
*
* @param {Join_Bad_CodeInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_bad_code = /** @type {((inputs?: Join_Bad_CodeInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_Bad_CodeInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_bad_code(inputs)
	if (locale === "fr") return fr_join_bad_code(inputs)
	return en_join_bad_code(inputs)
});