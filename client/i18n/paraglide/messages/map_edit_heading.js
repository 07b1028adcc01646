/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Edit_HeadingInputs */

const en_map_edit_heading = /** @type {(inputs: Map_Edit_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Edit your card`)
};

const de_map_edit_heading = /** @type {(inputs: Map_Edit_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Ihre Karte bearbeiten`)
};

const fr_map_edit_heading = /** @type {(inputs: Map_Edit_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Modifier votre carte`)
};

/**
* | output |
* | --- |
* | "Edit your card" |
*
* @param {Map_Edit_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_edit_heading = /** @type {((inputs?: Map_Edit_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Edit_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_edit_heading(inputs)
	if (locale === "fr") return fr_map_edit_heading(inputs)
	return en_map_edit_heading(inputs)
});