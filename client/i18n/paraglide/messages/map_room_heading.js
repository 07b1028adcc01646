/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Room_HeadingInputs */

const en_map_room_heading = /** @type {(inputs: Map_Room_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`The room's cards`)
};

const de_map_room_heading = /** @type {(inputs: Map_Room_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Die Karten der Runde`)
};

const fr_map_room_heading = /** @type {(inputs: Map_Room_HeadingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Les cartes du groupe`)
};

/**
* | output |
* | --- |
* | "The room's cards" |
*
* @param {Map_Room_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_room_heading = /** @type {((inputs?: Map_Room_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Room_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_room_heading(inputs)
	if (locale === "fr") return fr_map_room_heading(inputs)
	return en_map_room_heading(inputs)
});