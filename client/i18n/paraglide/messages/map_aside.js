/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_AsideInputs */

const en_map_aside = /** @type {(inputs: Map_AsideInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`set aside by the facilitator: only you see it`)
};

const de_map_aside = /** @type {(inputs: Map_AsideInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`von der Moderation beiseitegelegt: nur Sie sehen sie`)
};

const fr_map_aside = /** @type {(inputs: Map_AsideInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`mise de côté par l’animateur : vous seul la voyez`)
};

/**
* | output |
* | --- |
* | "set aside by the facilitator: only you see it" |
*
* @param {Map_AsideInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_aside = /** @type {((inputs?: Map_AsideInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_AsideInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_aside(inputs)
	if (locale === "fr") return fr_map_aside(inputs)
	return en_map_aside(inputs)
});