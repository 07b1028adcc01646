/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ dimension: NonNullable<unknown> }} Map_Stage_LegendInputs */

const en_map_stage_legend = /** @type {(inputs: Map_Stage_LegendInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Which stage does it show on ${i?.dimension}?`)
};

const de_map_stage_legend = /** @type {(inputs: Map_Stage_LegendInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Welche Stufe zeigt sie bei ${i?.dimension}?`)
};

const fr_map_stage_legend = /** @type {(inputs: Map_Stage_LegendInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Quelle étape montre-t-elle pour ${i?.dimension} ?`)
};

/**
* | output |
* | --- |
* | "Which stage does it show on {dimension}?" |
*
* @param {Map_Stage_LegendInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_stage_legend = /** @type {((inputs: Map_Stage_LegendInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Stage_LegendInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_stage_legend(inputs)
	if (locale === "fr") return fr_map_stage_legend(inputs)
	return en_map_stage_legend(inputs)
});