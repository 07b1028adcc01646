/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Need_StageInputs */

const en_map_need_stage = /** @type {(inputs: Map_Need_StageInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Choose the stage that describes it best.`)
};

const de_map_need_stage = /** @type {(inputs: Map_Need_StageInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Wählen Sie die Stufe, die sie am besten beschreibt.`)
};

const fr_map_need_stage = /** @type {(inputs: Map_Need_StageInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Choisissez l’étape qui la décrit le mieux.`)
};

/**
* | output |
* | --- |
* | "Choose the stage that describes it best." |
*
* @param {Map_Need_StageInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_need_stage = /** @type {((inputs?: Map_Need_StageInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Need_StageInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_need_stage(inputs)
	if (locale === "fr") return fr_map_need_stage(inputs)
	return en_map_need_stage(inputs)
});