/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Roadmap_TitleInputs */

const en_phase_roadmap_title = /** @type {(inputs: Phase_Roadmap_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Roadmap`)
};

const de_phase_roadmap_title = /** @type {(inputs: Phase_Roadmap_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Roadmap`)
};

const fr_phase_roadmap_title = /** @type {(inputs: Phase_Roadmap_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Feuille de route`)
};

/**
* | output |
* | --- |
* | "Roadmap" |
*
* @param {Phase_Roadmap_TitleInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_roadmap_title = /** @type {((inputs?: Phase_Roadmap_TitleInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Roadmap_TitleInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_roadmap_title(inputs)
	if (locale === "fr") return fr_phase_roadmap_title(inputs)
	return en_phase_roadmap_title(inputs)
});