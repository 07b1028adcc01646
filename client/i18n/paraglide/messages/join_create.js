/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_CreateInputs */

const en_join_create = /** @type {(inputs: Join_CreateInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Create a workshop`)
};

const de_join_create = /** @type {(inputs: Join_CreateInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Workshop anlegen`)
};

const fr_join_create = /** @type {(inputs: Join_CreateInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Créer un atelier`)
};

/**
* | output |
* | --- |
* | "Create a workshop" |
*
* @param {Join_CreateInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_create = /** @type {((inputs?: Join_CreateInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_CreateInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_create(inputs)
	if (locale === "fr") return fr_join_create(inputs)
	return en_join_create(inputs)
});