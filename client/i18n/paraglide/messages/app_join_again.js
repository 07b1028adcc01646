/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} App_Join_AgainInputs */

const en_app_join_again = /** @type {(inputs: App_Join_AgainInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Join again`)
};

const de_app_join_again = /** @type {(inputs: App_Join_AgainInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Erneut beitreten`)
};

const fr_app_join_again = /** @type {(inputs: App_Join_AgainInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Rejoindre à nouveau`)
};

/**
* | output |
* | --- |
* | "Join again" |
*
* @param {App_Join_AgainInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_join_again = /** @type {((inputs?: App_Join_AgainInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_Join_AgainInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_join_again(inputs)
	if (locale === "fr") return fr_app_join_again(inputs)
	return en_app_join_again(inputs)
});