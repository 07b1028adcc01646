/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Map_Room_EmptyInputs */

const en_map_room_empty = /** @type {(inputs: Map_Room_EmptyInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`No one else has added a card yet.`)
};

const de_map_room_empty = /** @type {(inputs: Map_Room_EmptyInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Noch hat niemand sonst eine Karte angelegt.`)
};

const fr_map_room_empty = /** @type {(inputs: Map_Room_EmptyInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Personne d’autre n’a encore ajouté de carte.`)
};

/**
* | output |
* | --- |
* | "No one else has added a card yet." |
*
* @param {Map_Room_EmptyInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_room_empty = /** @type {((inputs?: Map_Room_EmptyInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Map_Room_EmptyInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_map_room_empty(inputs)
	if (locale === "fr") return fr_map_room_empty(inputs)
	return en_map_room_empty(inputs)
});