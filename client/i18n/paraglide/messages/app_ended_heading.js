/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} App_Ended_HeadingInputs */

const en_app_ended_heading = /** @type {(inputs: App_Ended_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`This workshop has ended`)
};

const de_app_ended_heading = /** @type {(inputs: App_Ended_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Dieser Workshop ist beendet`)
};

const fr_app_ended_heading = /** @type {(inputs: App_Ended_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Cet atelier est terminé`)
};

/**
* | output |
* | --- |
* | "This workshop has ended" |
*
* @param {App_Ended_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_ended_heading = /** @type {((inputs?: App_Ended_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_Ended_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_ended_heading(inputs)
	if (locale === "fr") return fr_app_ended_heading(inputs)
	return en_app_ended_heading(inputs)
});