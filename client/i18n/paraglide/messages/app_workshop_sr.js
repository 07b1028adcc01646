/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} App_Workshop_SrInputs */

const en_app_workshop_sr = /** @type {(inputs: App_Workshop_SrInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Workshop:`)
};

const de_app_workshop_sr = /** @type {(inputs: App_Workshop_SrInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Workshop:`)
};

const fr_app_workshop_sr = /** @type {(inputs: App_Workshop_SrInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Atelier :`)
};

/**
* | output |
* | --- |
* | "Workshop:" |
*
* @param {App_Workshop_SrInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_workshop_sr = /** @type {((inputs?: App_Workshop_SrInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_Workshop_SrInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_workshop_sr(inputs)
	if (locale === "fr") return fr_app_workshop_sr(inputs)
	return en_app_workshop_sr(inputs)
});