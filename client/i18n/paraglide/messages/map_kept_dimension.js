/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Kept_DimensionInputs */

const en_map_kept_dimension = /** @type {(inputs: Map_Kept_DimensionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Kept from your last card: change it if the next one belongs elsewhere.`)
};

const de_map_kept_dimension = /** @type {(inputs: Map_Kept_DimensionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Von Ihrer letzten Karte übernommen: Ändern Sie sie, wenn die nächste woanders hingehört.`)
};

const fr_map_kept_dimension = /** @type {(inputs: Map_Kept_DimensionInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Reprise de votre dernière carte : changez-la si la suivante relève d’une autre dimension.`)
};

/**
* | output |
* | --- |
* | "Kept from your last card: change it if the next one belongs elsewhere." |
*
* @param {Map_Kept_DimensionInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_kept_dimension = /** @type {((inputs?: Map_Kept_DimensionInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Kept_DimensionInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_kept_dimension(inputs)
	if (locale === "fr") return fr_map_kept_dimension(inputs)
	return en_map_kept_dimension(inputs)
});