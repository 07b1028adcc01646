/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} App_Join_AnotherInputs */

const en_app_join_another = /** @type {(inputs: App_Join_AnotherInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Join another workshop`)
};

const de_app_join_another = /** @type {(inputs: App_Join_AnotherInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`An einem anderen Workshop teilnehmen`)
};

const fr_app_join_another = /** @type {(inputs: App_Join_AnotherInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Rejoindre un autre atelier`)
};

/**
* | output |
* | --- |
* | "Join another workshop" |
*
* @param {App_Join_AnotherInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_join_another = /** @type {((inputs?: App_Join_AnotherInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_Join_AnotherInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_join_another(inputs)
	if (locale === "fr") return fr_app_join_another(inputs)
	return en_app_join_another(inputs)
});