/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ name: NonNullable<unknown> }} Lobby_HeadingInputs */

const en_lobby_heading = /** @type {(inputs: Lobby_HeadingInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`You're in, ${i?.name}`)
};

const de_lobby_heading = /** @type {(inputs: Lobby_HeadingInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Sie sind dabei, ${i?.name}`)
};

const fr_lobby_heading = /** @type {(inputs: Lobby_HeadingInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Vous y êtes, ${i?.name}`)
};

/**
* | output |
* | --- |
* | "You're in, {name}" |
*
* @param {Lobby_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const lobby_heading = /** @type {((inputs: Lobby_HeadingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Lobby_HeadingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_lobby_heading(inputs)
	if (locale === "fr") return fr_lobby_heading(inputs)
	return en_lobby_heading(inputs)
});