/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Room_HiddenInputs */

const en_map_room_hidden = /** @type {(inputs: Map_Room_HiddenInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Hidden until the facilitator reveals them, so nobody anchors on anyone else.`)
};

const de_map_room_hidden = /** @type {(inputs: Map_Room_HiddenInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Verborgen, bis die Moderation sie aufdeckt, damit sich niemand an anderen orientiert.`)
};

const fr_map_room_hidden = /** @type {(inputs: Map_Room_HiddenInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Masquées jusqu’à ce que l’animateur les révèle, pour que personne ne se cale sur les autres.`)
};

/**
* | output |
* | --- |
* | "Hidden until the facilitator reveals them, so nobody anchors on anyone else." |
*
* @param {Map_Room_HiddenInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_room_hidden = /** @type {((inputs?: Map_Room_HiddenInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Room_HiddenInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_room_hidden(inputs)
	if (locale === "fr") return fr_map_room_hidden(inputs)
	return en_map_room_hidden(inputs)
});