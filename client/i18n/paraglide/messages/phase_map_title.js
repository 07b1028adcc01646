/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Phase_Map_TitleInputs */

const en_phase_map_title = /** @type {(inputs: Phase_Map_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Map today`)
};

const de_phase_map_title = /** @type {(inputs: Phase_Map_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Heute abbilden`)
};

const fr_phase_map_title = /** @type {(inputs: Phase_Map_TitleInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Cartographier`)
};

/**
* | output |
* | --- |
* | "Map today" |
*
* @param {Phase_Map_TitleInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const phase_map_title = /** @type {((inputs?: Phase_Map_TitleInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Phase_Map_TitleInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_phase_map_title(inputs)
	if (locale === "fr") return fr_phase_map_title(inputs)
	return en_phase_map_title(inputs)
});