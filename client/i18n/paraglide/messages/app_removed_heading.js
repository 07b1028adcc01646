/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} App_Removed_HeadingInputs */

const en_app_removed_heading = /** @type {(inputs: App_Removed_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`You left this workshop`)
};

const de_app_removed_heading = /** @type {(inputs: App_Removed_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Sie haben diesen Workshop verlassen`)
};

const fr_app_removed_heading = /** @type {(inputs: App_Removed_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Vous avez quitté cet atelier`)
};

/**
* | output |
* | --- |
* | "You left this workshop" |
*
* @param {App_Removed_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_removed_heading = /** @type {((inputs?: App_Removed_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_Removed_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_removed_heading(inputs)
	if (locale === "fr") return fr_app_removed_heading(inputs)
	return en_app_removed_heading(inputs)
});