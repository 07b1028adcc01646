/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Lost_HeadingInputs */

const en_map_lost_heading = /** @type {(inputs: Map_Lost_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Not saved`)
};

const de_map_lost_heading = /** @type {(inputs: Map_Lost_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Nicht gespeichert`)
};

const fr_map_lost_heading = /** @type {(inputs: Map_Lost_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Non enregistrées`)
};

/**
* | output |
* | --- |
* | "Not saved" |
*
* @param {Map_Lost_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_lost_heading = /** @type {((inputs?: Map_Lost_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Lost_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_lost_heading(inputs)
	if (locale === "fr") return fr_map_lost_heading(inputs)
	return en_map_lost_heading(inputs)
});